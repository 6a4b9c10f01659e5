//! wasm-bindgen glue for the page: a [`Trainer`] handle over `backstep_nn::Session`, presets,
//! fresh seeds and the colour table. Bindings only: every computation is `backstep-nn`'s.
//!
//! Specs and step records cross as JS objects (see [`read`] and [`write`]); the browser's own
//! `JSON.parse`/`JSON.stringify` handle the text, so the wasm carries no JSON code.
//!
//! Matrices cross the boundary as pointers into wasm memory plus their shape (see
//! [`views`]): JS builds `Float32Array` views over `memory.buffer` and reads them in place.
//! Storage is column-major: entry (r, c) of an R-row matrix is at index `r + c·R`.

mod read;
mod trainer;
mod views;
mod write;

pub use trainer::Trainer;

use backstep_nn::{Act, DataChoice, Init, OptimizerKind, Preset, Spec, SpecError};
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

/// The spec (a JS object in the trace format) for the page's controls, given as an object:
/// `{dataset, hidden: [..], activation, output, optimizer, lr, momentum, batch_size, init, seed,
///   points, noise}`. Missing fields take the article's values; a bad one throws one line
/// naming it.
#[wasm_bindgen]
pub fn preset_spec(options: JsValue) -> Result<JsValue, JsError> {
    let spec = preset(options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(write::spec(&spec))
}

fn preset(options: JsValue) -> Result<Spec, SpecError> {
    let o = read::Fields::new(
        options,
        "",
        &[
            "dataset",
            "hidden",
            "activation",
            "output",
            "optimizer",
            "lr",
            "momentum",
            "batch_size",
            "init",
            "seed",
            "points",
            "noise",
        ],
    )?;
    let bad = |what: &str, v: &str| SpecError::new(what, format!("unknown value `{v}`"));
    let act = |key: &str, default: &str| {
        let name = o.text_or(key, default)?;
        match name.as_str() {
            "relu" => Ok(Some(Act::Relu)),
            "sigmoid" => Ok(Some(Act::Sigmoid)),
            "tanh" => Ok(Some(Act::Tanh)),
            "none" => Ok(None),
            other => Err(bad(key, other)),
        }
    };
    let dataset = o.text_or("dataset", "xor")?;
    let data = DataChoice::parse(&dataset).ok_or_else(|| bad("dataset", &dataset))?;
    let lr = o.number_or("lr", 0.1)?;
    let optimizer = match o.text_or("optimizer", "sgd")?.as_str() {
        "sgd" => OptimizerKind::Sgd { lr },
        "momentum" => OptimizerKind::Momentum {
            lr,
            momentum: o.number_or("momentum", 0.9)?,
        },
        "adam" => OptimizerKind::Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        },
        other => return Err(bad("optimizer", other)),
    };
    backstep_nn::spec::optimizer(optimizer.into())?;
    let hidden = match o.get("hidden") {
        Some(v) => {
            let list = read::array(&v, "hidden")?;
            (0..list.length())
                .map(|i| read::whole(&list.get(i), &format!("hidden[{i}]")).map(|n| n as usize))
                .collect::<Result<Vec<_>, _>>()?
        }
        None => vec![4],
    };
    let init_name = o.text_or("init", "normal")?;
    let seed = o.whole("seed")?.unwrap_or(42);
    let preset = Preset {
        data,
        hidden,
        activation: act("activation", "relu")?.ok_or_else(|| bad("activation", "none"))?,
        output: act("output", "none")?,
        optimizer,
        init: Init::parse(&init_name).ok_or_else(|| bad("init", &init_name))?,
        seed,
        // The article's weights: seed 42 after 72 discarded draws, for XOR only.
        skip: if data == DataChoice::Xor && seed == 42 {
            72
        } else {
            0
        },
        batch_size: o.whole("batch_size")?.unwrap_or(0) as usize,
        points: o.whole("points")?.unwrap_or(200) as usize,
        noise: o.number_or("noise", 0.1)?,
        test_fraction: 0.2,
    };
    preset.spec(1)
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
