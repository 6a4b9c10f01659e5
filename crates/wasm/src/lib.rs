//! wasm-bindgen glue for the page: a [`Trainer`] handle over `backstep_nn::Session`, presets,
//! fresh seeds and the colour table. Bindings only: every computation is `backstep-nn`'s.
//!
//! Matrices cross the boundary as pointers into wasm memory plus their shape (see
//! [`views`]): JS builds `Float32Array` views over `memory.buffer` and reads them in place.
//! Storage is column-major: entry (r, c) of an R-row matrix is at index `r + c·R`.

mod trainer;
mod views;

pub use trainer::Trainer;

use backstep_nn::{Act, DataChoice, Init, OptimizerKind, Preset};
use wasm_bindgen::prelude::*;

/// Installs the panic hook, so a bug shows as a readable console error.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A random seed from the browser's `crypto.getRandomValues` (for the New seed button).
#[wasm_bindgen]
pub fn fresh_seed() -> Result<u32, JsError> {
    getrandom::u32().map_err(|e| JsError::new(&format!("no random source: {e}")))
}

/// The spec (JSON) for the page's controls, given as JSON:
/// `{"dataset", "hidden": [..], "activation", "output", "optimizer", "lr", "batch_size",
///   "init", "seed", "points", "noise"}`. Missing fields take the article's values.
#[wasm_bindgen]
pub fn preset_spec(options: &str) -> Result<String, JsError> {
    let o: serde_json::Value =
        serde_json::from_str(options).map_err(|e| JsError::new(&e.to_string()))?;
    let text =
        |k: &str, d: &'static str| o.get(k).and_then(|v| v.as_str()).unwrap_or(d).to_string();
    let num = |k: &str, d: f64| o.get(k).and_then(serde_json::Value::as_f64).unwrap_or(d);
    let bad = |what: &str, v: &str| JsError::new(&format!("{what}: unknown value `{v}`"));
    let act = |name: &str| match name {
        "relu" => Ok(Some(Act::Relu)),
        "sigmoid" => Ok(Some(Act::Sigmoid)),
        "tanh" => Ok(Some(Act::Tanh)),
        "none" => Ok(None),
        other => Err(bad("activation", other)),
    };
    let dataset = text("dataset", "xor");
    let data = DataChoice::parse(&dataset).ok_or_else(|| bad("dataset", &dataset))?;
    let lr = num("lr", 0.1);
    let optimizer = match text("optimizer", "sgd").as_str() {
        "sgd" => OptimizerKind::Sgd { lr },
        "momentum" => OptimizerKind::Momentum {
            lr,
            momentum: num("momentum", 0.9),
        },
        "adam" => OptimizerKind::Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        },
        other => return Err(bad("optimizer", other)),
    };
    backstep_nn::spec::optimizer(optimizer.into()).map_err(|e| JsError::new(&e.to_string()))?;
    let hidden: Vec<usize> = match o.get("hidden") {
        Some(v) => {
            serde_json::from_value(v.clone()).map_err(|e| JsError::new(&format!("hidden: {e}")))?
        }
        None => vec![4],
    };
    let init_name = text("init", "normal");
    let seed = num("seed", 42.0) as u64;
    let preset = Preset {
        data,
        hidden,
        activation: act(&text("activation", "relu"))?.ok_or_else(|| bad("activation", "none"))?,
        output: act(&text("output", "none"))?,
        optimizer,
        init: Init::parse(&init_name).ok_or_else(|| bad("init", &init_name))?,
        seed,
        // The article's weights: seed 42 after 72 discarded draws, for XOR only.
        skip: if data == DataChoice::Xor && seed == 42 {
            72
        } else {
            0
        },
        batch_size: num("batch_size", 0.0) as usize,
        points: num("points", 200.0) as usize,
        noise: num("noise", 0.1),
        test_fraction: 0.2,
    };
    let spec = preset.spec(1).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(spec.to_json())
}

/// A 256-entry RGBA table of ColorBrewer's purple–orange diverging map (colour-blind safe):
/// entry 0 is the most negative value, 128 zero, 255 the most positive.
#[wasm_bindgen]
pub fn colormap() -> Vec<u8> {
    (0..256)
        .flat_map(|i| {
            let c = colorous::PURPLE_ORANGE.eval_rational(255 - i, 256);
            [c.r, c.g, c.b, 255]
        })
        .collect()
}
