//! The glass box's calls on a trainer that the page's first module has too: the notices (dead
//! units, plateau, divergence), edits made in the middle of a run (a weight, a bias, the
//! optimizer's settings: recorded in the timeline, so back, seek and save replay them; a link
//! carries them), and the saved run. The experiments, the neuron inspector, the gradient check
//! and the code are in `tools.rs`. Every computation is the lesson crate's
//! (`backstep_lesson::Course`).

use crate::js::{Js, error as js, to_js};
use crate::trainer::Trainer;
use backstep_lesson::timeline::event::Change;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Trainer {
    /// `[{code, layer, unit, since}]`: `dead-unit`, `plateau`, `diverged`.
    pub fn notices(&self) -> JsValue {
        to_js(&self.course.notices().notices())
    }

    /// Sets W[row][col] of an affine layer from here on (the run's later steps are dropped).
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        layer: usize,
        row: usize,
        col: usize,
        value: f64,
    ) -> Result<(), JsValue> {
        self.edit(Change::Weight {
            layer,
            row,
            col,
            value: value as f32,
        })
    }

    /// Sets b[col] of an affine layer from here on.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(&mut self, layer: usize, col: usize, value: f64) -> Result<(), JsValue> {
        self.edit(Change::Bias {
            layer,
            col,
            value: value as f32,
        })
    }

    /// Changes the optimizer (`{type, lr, …}` as in a spec) from here on, without starting
    /// over: the same rule keeps its state, another starts from zero.
    #[wasm_bindgen(js_name = setOptimizer)]
    pub fn set_optimizer(&mut self, rule: JsValue) -> Result<(), JsValue> {
        let rule = backstep_lesson::spec::read::optimizer(&Js(rule), "optimizer").map_err(js)?;
        self.edit(Change::Optimizer { rule })
    }

    /// The run at its current step, to resume later: `{spec, run, settings}` (docs/checkpoint-format.md).
    pub fn save(&self) -> JsValue {
        let doc = js_sys::Object::new();
        for (k, v) in [
            ("spec", to_js(self.course.spec())),
            ("run", to_js(&self.course.run().checkpoint())),
            (
                "settings",
                self.course.settings().map_or(JsValue::NULL, to_js),
            ),
        ] {
            // Setting a property on a plain new object cannot fail.
            let _ = js_sys::Reflect::set(&doc, &k.into(), &v);
        }
        doc.into()
    }
}

impl Trainer {
    /// Applies an edit to the run (the course's notices forget the steps after it).
    fn edit(&mut self, change: Change) -> Result<(), JsValue> {
        self.course.edit(change).map_err(js)
    }
}
