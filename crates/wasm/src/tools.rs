//! The calls only the page's full wasm module has (the crate's `tools` feature, on by
//! default): resuming a saved run, the glass box's notice experiments, neuron inspector and
//! gradient check, the PyTorch code, the loss CSV and a training set read from CSV. The page's
//! first module, the one a first visit downloads before its first frame, is built without them
//! (`--no-default-features`, with `compact` for less product code: about 90 KB lighter
//! gzipped); the page asks for the full module once the first frame is drawn and runs these on
//! it (`web/engine/tools.js` lists them for the page, and a test checks the two modules differ
//! by exactly these exports).

use crate::js::{Js, error as js, to_js};
use crate::trainer::Trainer;
use backstep_lesson::Course;
use backstep_lesson::course::resume::in_field;
use backstep_lesson::dataedit;
use backstep_lesson::glass::experiments::experiments;
use backstep_lesson::glass::numgrad::gradcheck_at_most;
use wasm_bindgen::prelude::*;

/// Most entries one gradient check computes in the page (each costs two forward passes).
const GRADCHECK_ENTRIES: usize = 200;

#[wasm_bindgen]
impl Trainer {
    /// A trainer that resumes a saved run (`{spec, run, settings?}`, as `save` writes it) at its
    /// step: the next step equals the original's, bit for bit (see `Course::resume`); settings
    /// that do not build the saved spec are dropped (the run then has none, as a run from a
    /// spec file).
    pub fn resume(doc: JsValue) -> Result<Trainer, JsValue> {
        let spec_field =
            js_sys::Reflect::get(&doc, &"spec".into()).map_err(|_| js("spec: missing"))?;
        let run_field =
            js_sys::Reflect::get(&doc, &"run".into()).map_err(|_| js("run: missing"))?;
        let spec = backstep_lesson::spec::read::spec(Js(spec_field))
            .map_err(|e| js(in_field("spec", e)))?;
        let saved = backstep_lesson::saved::read_saved::timeline_checkpoint(Js(run_field))
            .map_err(|e| js(in_field("run", e)))?;
        let mut course = Course::resume(spec, &saved).map_err(js)?;
        let settings = js_sys::Reflect::get(&doc, &"settings".into()).unwrap_or(JsValue::NULL);
        if !settings.is_null() && !settings.is_undefined() {
            let s = backstep_lesson::spec::read::settings(Js(settings))
                .map_err(|e| js(in_field("settings", e)))?;
            course.offer_settings(&s);
        }
        Ok(Trainer::with_course(course))
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

    /// The loss history up to the current step as CSV (`backstep_lesson::timeline::measures::loss_csv`),
    /// every waiting measure taken first.
    pub fn loss_csv(&mut self) -> String {
        self.course.run_mut().settle_measures(usize::MAX);
        backstep_lesson::timeline::measures::loss_csv(self.course.run())
    }

    /// The spec with the training set read from CSV text of `x1, x2, label` rows.
    #[wasm_bindgen(js_name = withCsv)]
    pub fn with_csv(&self, text: &str) -> Result<JsValue, JsValue> {
        Ok(to_js(
            &dataedit::from_csv(self.course.spec(), text).map_err(js)?,
        ))
    }
}
