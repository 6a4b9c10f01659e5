//! The glass box's calls on a trainer: the notices (dead units, plateau, divergence) with the
//! experiments that address them, a neuron's equation with its numbers, the gradient check,
//! the next step as PyTorch code, edits made in the middle of a run (a weight, a bias, the
//! optimizer's settings: recorded in the timeline, so back, seek and save replay them), and
//! the saved run. Every computation is the lesson crate's (`backstep_lesson::Course`).

use crate::js::{Js, error as js, to_js};
use crate::trainer::Trainer;
use backstep_lesson::glass::experiments::experiments;
use backstep_lesson::glass::numgrad::gradcheck_at_most;
use backstep_lesson::timeline::event::Change;
use wasm_bindgen::prelude::*;

/// Most entries one gradient check computes in the page (each costs two forward passes).
const GRADCHECK_ENTRIES: usize = 200;

#[wasm_bindgen]
impl Trainer {
    /// `[{code, layer, unit, since}]`: `dead-unit`, `plateau`, `diverged`.
    pub fn notices(&self) -> JsValue {
        to_js(&self.course.notices().notices())
    }

    /// `[{kind, value}]`: one-setting changes worth trying for a notice `code`, or none for a
    /// run that no settings describe (loaded from a file).
    pub fn experiments(&self, code: &str) -> Result<JsValue, JsValue> {
        let Some(settings) = self.course.settings() else {
            return Ok(to_js(&Vec::<()>::new()));
        };
        let preset = settings.preset().map_err(js)?;
        Ok(to_js(&experiments(code, &preset)))
    }

    /// One neuron of an affine layer for one sample: `{z, b, terms: [{w, x}], a, dz, …}` as
    /// far as the cycle has run (see `backstep_lesson::glass::inspect`).
    pub fn inspect(&self, layer: usize, unit: usize, sample: usize) -> Result<JsValue, JsValue> {
        let neuron = backstep_lesson::glass::inspect::inspect(self.session(), layer, unit, sample)
            .map_err(js)?;
        Ok(to_js(&neuron))
    }

    /// Central finite differences (f64) of dW and db at the current state next to the analytic
    /// values: `{maxRelErr, entries, …}`, at most 200 entries spread over every layer.
    pub fn gradcheck(&self) -> JsValue {
        to_js(&gradcheck_at_most(self.session(), GRADCHECK_ENTRIES))
    }

    /// Runnable Python (torch tensors, no autograd) that rebuilds the current state and takes
    /// the next step, printing its loss and gradients as JSON on its last line.
    pub fn code(&self) -> String {
        backstep_lesson::export::codegen::pytorch_code(self.session())
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
