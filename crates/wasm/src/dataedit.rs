//! The page's data edits: each returns the spec of the run on the edited training set (the
//! same layers, so the same initial weights), which the page then loads as any spec. The
//! edits themselves are `backstep_lesson::dataedit`'s.

use crate::js::{error as js, to_js};
use crate::trainer::Trainer;
use backstep_lesson::dataedit;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Trainer {
    /// The spec with the point (x1, x2) of target `label` added to the training set.
    #[wasm_bindgen(js_name = withPoint)]
    pub fn with_point(&self, x1: f64, x2: f64, label: f64) -> Result<JsValue, JsValue> {
        let s = dataedit::add_point(self.course.spec(), x1 as f32, x2 as f32, label as f32);
        Ok(to_js(&s.map_err(js)?))
    }

    /// The spec without training sample `i`.
    #[wasm_bindgen(js_name = withoutPoint)]
    pub fn without_point(&self, i: usize) -> Result<JsValue, JsValue> {
        Ok(to_js(
            &dataedit::remove_point(self.course.spec(), i).map_err(js)?,
        ))
    }

    /// The spec with training sample `i`'s target set to `value`.
    #[wasm_bindgen(js_name = withTarget)]
    pub fn with_target(&self, i: usize, value: f64) -> Result<JsValue, JsValue> {
        let s = dataedit::set_target(self.course.spec(), i, value as f32);
        Ok(to_js(&s.map_err(js)?))
    }

    /// The spec with a truth table's targets set to a gate's (`xor`, `and`, `or`, `nand`).
    #[wasm_bindgen(js_name = withGate)]
    pub fn with_gate(&self, name: &str) -> Result<JsValue, JsValue> {
        Ok(to_js(
            &dataedit::gate(self.course.spec(), name).map_err(js)?,
        ))
    }
}
