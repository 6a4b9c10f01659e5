//! The page's handle on a run: made from a spec or settings (from a saved run in `tools.rs`);
//! steps, sub-steps, back, seek and reset. A binding of `backstep_lesson::Course`, which keeps
//! the timeline and the notices in step (and is tested natively). What the page reads between
//! frames is in `state.rs`; the glass box's calls in `glass.rs` and `tools.rs`.

use crate::js::{Js, error as js, to_js};
use backstep_lesson::spec::page_limits::page_check;
use backstep_lesson::{Course, Session, Spec};
use backstep_nn::Inference;
use backstep_nn::features::Feature;
use nalgebra::DMatrix;
use wasm_bindgen::prelude::*;

/// A course (spec, run, notices) and the buffers the page reads between frames.
#[wasm_bindgen]
pub struct Trainer {
    pub(crate) course: Course,
    /// Buffers of the decision-boundary grid's forward pass, read by the page between frames.
    pub(crate) infer: Inference<f32>,
    pub(crate) grid: DMatrix<f32>,
    /// The run's input features (None: the plain x₁, x₂), the grid's points through them, and the
    /// data's points in the plane (training, test) that the features were computed from.
    pub(crate) features: Option<Vec<Feature>>,
    pub(crate) grid_features: DMatrix<f32>,
    pub(crate) plane: Option<(DMatrix<f32>, DMatrix<f32>)>,
    /// p = softmax of the grid's last output, under softmax cross-entropy (else 0 × 0).
    pub(crate) grid_p: DMatrix<f32>,
}

#[wasm_bindgen]
impl Trainer {
    /// A trainer for a spec (an object in the format of docs/trace-format.md, as `JSON.parse`
    /// returns it); a bad spec throws one line naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<Trainer, JsValue> {
        Trainer::with_spec(backstep_lesson::spec::read::spec(Js(spec)).map_err(js)?)
    }

    /// A trainer for settings (`{dataset, hidden, …}`, any subset; the rest take the data set's
    /// defaults), built in wasm without a round trip of the spec through JS.
    #[wasm_bindgen(js_name = fromSettings)]
    pub fn from_settings(settings: JsValue) -> Result<Trainer, JsValue> {
        let settings = backstep_lesson::spec::read::settings(Js(settings)).map_err(js)?;
        Ok(Trainer::with_course(
            Course::from_settings(&settings).map_err(js)?,
        ))
    }

    /// What puts this run over the page's limits (`{what, field, value, max}`), or `null`.
    #[wasm_bindgen(js_name = overLimits)]
    pub fn over_limits(&self) -> JsValue {
        page_check(self.course.spec()).map_or(JsValue::NULL, |o| to_js(&o))
    }

    /// Back to step 0 with the spec's initial weights; the run's later steps are forgotten.
    pub fn reset(&mut self) {
        self.course.reset();
    }

    /// Runs up to `n` full steps (finishing a half-done one first). Stops at the first
    /// non-finite value, keeps the state after the last finite step and throws its message.
    pub fn step(&mut self, n: u32) -> Result<(), JsValue> {
        self.course.step(u64::from(n)).map_err(js)
    }

    /// Runs the next micro-step: forward through one layer, the loss, backward through one
    /// layer, or the update.
    pub fn substep(&mut self) -> Result<(), JsValue> {
        self.course.substep().map_err(js)
    }

    /// Back `n` steps; in the middle of a cycle, back to that cycle's start first (that counts
    /// as one).
    pub fn back(&mut self, n: u32) -> Result<(), JsValue> {
        self.course.back(u64::from(n)).map_err(js)
    }

    /// Exactly the state after step `k` (0 to the furthest step this run reached), bit for bit
    /// as a fresh run stepped k times.
    pub fn seek(&mut self, k: f64) -> Result<(), JsValue> {
        if !(0.0..=self.furthest()).contains(&k) || k.fract() != 0.0 {
            return Err(js(format!(
                "seek(k): k must be a whole number from 0 to {}",
                self.furthest()
            )));
        }
        self.course.seek(k as u64).map_err(js)
    }

    /// The furthest step this run reached (the timeline's end).
    pub fn furthest(&self) -> f64 {
        self.course.furthest() as f64
    }
}

impl Trainer {
    pub(crate) fn with_spec(spec: Spec) -> Result<Trainer, JsValue> {
        Ok(Trainer::with_course(Course::new(spec).map_err(js)?))
    }

    pub(crate) fn with_course(course: Course) -> Trainer {
        // The spec's features were checked with it; its points in the plane are kept for the
        // boundary, which draws them where they are, not as features.
        let spec = course.spec();
        let features = spec
            .features
            .as_ref()
            .and_then(|names| backstep_lesson::spec::features::parse(names).ok());
        let points = |rows: &[Vec<f32>]| {
            DMatrix::from_fn(rows.len(), 2, |r, c| rows[r].get(c).copied().unwrap_or(0.0))
        };
        let plane = features
            .as_ref()
            .map(|_| (points(&spec.x), points(&spec.x_test)));
        Trainer {
            course,
            infer: Inference::new(),
            grid: DMatrix::zeros(0, 2),
            grid_p: DMatrix::zeros(0, 0),
            features,
            grid_features: DMatrix::zeros(0, 0),
            plane,
        }
    }

    /// The session, with every cache.
    pub(crate) fn session(&self) -> &Session<f32> {
        self.course.session()
    }
}
