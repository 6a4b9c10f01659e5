//! wasm-bindgen glue for the page: a [`Trainer`] handle over `backstep_lesson::Session`, the
//! settings' defaults and names, the page's limits, fresh seeds and the colour table. Bindings only: every computation is `backstep-lesson`'s or `backstep-nn`'s.
//!
//! Specs, settings and step records cross as JS objects through the library's own serde schema
//! (see [`js`]); the browser's own `JSON.parse`/`JSON.stringify` handle the text, so the wasm
//! carries no JSON code. Every default comes from `backstep_lesson::Preset` ([`defaults`]).
//!
//! Matrices cross the boundary as pointers into wasm memory plus their shape (see
//! [`views`]): JS builds `Float32Array` views over `memory.buffer` and reads them in place.
//! Storage is column-major: entry (r, c) of an R-row matrix is at index `r + c·R`.

mod dataedit;
mod glass;
mod js;
mod measure;
mod state;
#[cfg(feature = "tools")]
mod tools;
mod trainer;
mod views;

pub use measure::Curve;
pub use trainer::Trainer;
pub use views::{Slot, What};

use backstep_lesson::limits::{
    MAX_LAYERS, MAX_RUN_STEPS, MAX_SAMPLES, MAX_WIDTH, PAGE_HIDDEN_LAYERS, PAGE_SAMPLES, PAGE_WIDTH,
};
use backstep_lesson::{DataChoice, Preset};
use backstep_nn::SpecError;
use backstep_nn::message::Msg;
use wasm_bindgen::prelude::*;

/// Installs the panic hook, so a bug shows as a readable console error.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A random seed from the browser's `crypto.getRandomValues` (for the New seed button).
#[wasm_bindgen]
pub fn fresh_seed() -> Result<u32, JsValue> {
    getrandom::u32().map_err(|e| js::error(format!("no random source: {e}")))
}

/// Every setting's default for a data set (`xor`, `circle`, …), as the settings object the page's
/// form and `Trainer.fromSettings` use: `{dataset, hidden, activation, output, optimizer, lr, …}`.
#[wasm_bindgen]
pub fn defaults(dataset: &str) -> Result<JsValue, JsValue> {
    let data = DataChoice::parse(dataset).ok_or_else(|| {
        let (value, allowed) = (dataset.into(), choices("dataset").join(", "));
        js::error(SpecError::new(
            "dataset",
            Msg::UnknownValue { value, allowed },
        ))
    })?;
    Ok(js::to_js(&Preset::for_data(data).settings()))
}

/// Settings (any subset) completed with the chosen data set's defaults, as `defaults` gives
/// them (the form asks, say, which loss 3 classes take); a bad name throws its one line.
#[wasm_bindgen]
pub fn completed(settings: JsValue) -> Result<JsValue, JsValue> {
    let s = backstep_lesson::spec::read::settings(js::Js(settings)).map_err(js::error)?;
    Ok(js::to_js(&s.preset().map_err(js::error)?.settings()))
}

/// The names a setting takes, in menu order (`dataset`, `activation`, `output`, `optimizer`,
/// `init`); empty for a numeric one.
#[wasm_bindgen]
pub fn choices(field: &str) -> Vec<String> {
    backstep_lesson::settings::choices(field)
        .into_iter()
        .map(String::from)
        .collect()
}

/// The input features as formulas (`x₁`, `x₁²`, `sin x₁`, …), in the order of
/// `choices("features")`: the form's labels.
#[wasm_bindgen]
pub fn feature_labels() -> Vec<String> {
    backstep_nn::features::Feature::ALL
        .map(|f| f.label().to_string())
        .to_vec()
}

/// The limits the page states and checks arguments against: its own (`{hiddenLayers, width,
/// samples}`), the most steps of a run (`steps`) and the core's sizes (`layers`, `units`,
/// `rows`: the most entries in `layers`, units of a layer, samples), all from
/// `backstep_lesson::limits`.
#[wasm_bindgen]
pub fn page_limits() -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in [
        ("hiddenLayers", PAGE_HIDDEN_LAYERS),
        ("width", PAGE_WIDTH),
        ("samples", PAGE_SAMPLES),
        ("steps", MAX_RUN_STEPS as usize),
        ("layers", MAX_LAYERS),
        ("units", MAX_WIDTH),
        ("rows", MAX_SAMPLES),
    ] {
        // Setting a property on a plain new object cannot fail.
        let _ = js_sys::Reflect::set(&o, &k.into(), &JsValue::from(v as u32));
    }
    o.into()
}

/// The settings table (`backstep_lesson::settings::table`): each setting's `{key, flag, kind, min,
/// max}` in order, `kind` one of `name`, `widths`, `number`, `whole`. The page reads it once at
/// start-up: the URL's keys and how each is written.
#[wasm_bindgen]
pub fn settings_table() -> JsValue {
    js::to_js(&backstep_lesson::settings::table::TABLE)
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
