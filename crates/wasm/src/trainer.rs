//! The page's handle on a training session: step, sub-step, reset, load, snapshot, and the
//! state the page shows (step, phase, layer, loss, loss history, last error).

use crate::js::{Js, error as js, to_js};
use backstep_nn::limits::page_check;
use backstep_nn::trace::record;
use backstep_nn::{Inference, MicroStep, Session, Settings, Spec};
use nalgebra::DMatrix;
use wasm_bindgen::prelude::*;

/// A spec, its running session and what the page reads between frames.
#[wasm_bindgen]
pub struct Trainer {
    pub(crate) spec: Spec,
    pub(crate) session: Session<f32>,
    /// The session at step 0, which `reset` restores.
    start: Session<f32>,
    pub(crate) history: Vec<f32>,
    pub(crate) error: Option<backstep_nn::NonFinite>,
    /// Buffers of the decision-boundary grid's forward pass, read by the page between frames.
    pub(crate) infer: Inference<f32>,
    /// Separate buffers for the test loss, so computing it never overwrites the grid's outputs.
    eval: Inference<f32>,
    pub(crate) grid: DMatrix<f32>,
    /// Whether the last call was `substep` (then `phase` names its micro-step) rather than
    /// `step`/`reset`/an error (then the page is `idle` between steps).
    stepping: bool,
    /// The settings the spec was built from, if it was built from settings.
    settings: Option<Settings>,
}

#[wasm_bindgen]
impl Trainer {
    /// A trainer for a spec (an object in the format of docs/trace-format.md, as `JSON.parse`
    /// returns it); a bad spec throws one line naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<Trainer, JsError> {
        Trainer::with_spec(backstep_nn::read::spec(Js(spec)).map_err(js)?)
    }

    /// A trainer for settings (`{dataset, hidden, …}`, any subset; the rest take the data set's
    /// defaults), built in wasm without a round trip of the spec through JS.
    #[wasm_bindgen(js_name = fromSettings)]
    pub fn from_settings(settings: JsValue) -> Result<Trainer, JsError> {
        let settings = backstep_nn::read::settings(Js(settings)).map_err(js)?;
        let preset = settings.preset().map_err(js)?;
        let mut trainer = Trainer::with_spec(preset.spec(1).map_err(js)?)?;
        trainer.settings = Some(preset.settings());
        Ok(trainer)
    }

    /// The settings this trainer was made from, completed with every default, or `null` for a
    /// trainer made from a spec.
    pub fn settings(&self) -> JsValue {
        self.settings.as_ref().map_or(JsValue::NULL, to_js)
    }

    /// What puts this run over the page's limits (`{what, field, value, max}`), or `null`.
    #[wasm_bindgen(js_name = overLimits)]
    pub fn over_limits(&self) -> JsValue {
        page_check(&self.spec).map_or(JsValue::NULL, |o| to_js(&o))
    }
}

impl Trainer {
    fn with_spec(spec: Spec) -> Result<Trainer, JsError> {
        let session = spec.session().map_err(js)?;
        Ok(Trainer {
            spec,
            start: session.clone(),
            session,
            history: Vec::new(),
            error: None,
            infer: Inference::new(),
            eval: Inference::new(),
            grid: DMatrix::zeros(0, 2),
            stepping: false,
            settings: None,
        })
    }
}

#[wasm_bindgen]
impl Trainer {
    /// Back to step 0 with the spec's initial weights.
    pub fn reset(&mut self) {
        self.session = self.start.clone();
        self.history.clear();
        self.error = None;
        self.stepping = false;
    }

    /// Runs up to `n` full steps (finishing a half-done one first). Stops at the first
    /// non-finite value, keeps the state from before that step and throws its message.
    pub fn step(&mut self, n: u32) -> Result<(), JsError> {
        self.stepping = false;
        for _ in 0..n {
            match self.session.step() {
                Ok(loss) => {
                    self.history.push(loss);
                    self.error = None;
                }
                Err(e) => return Err(self.fail(e)),
            }
        }
        Ok(())
    }

    /// Runs the next micro-step: forward through one layer, the loss, backward through one
    /// layer, or the update.
    pub fn substep(&mut self) -> Result<(), JsError> {
        self.stepping = true;
        match self.session.substep() {
            Ok(MicroStep::Update) => {
                self.history.push(self.session.loss().unwrap_or(f32::NAN));
                self.error = None;
                Ok(())
            }
            Ok(_) => Ok(()),
            Err(e) => Err(self.fail(e)),
        }
    }

    fn fail(&mut self, e: backstep_nn::NonFinite) -> JsError {
        let msg = e.to_string();
        self.error = Some(e);
        self.stepping = false;
        JsError::new(&msg)
    }

    /// Completed steps.
    pub fn steps(&self) -> f64 {
        self.session.steps() as f64
    }
    /// The phase of the micro-step that ran last: `forward`, `loss`, `backward`, `update`, or
    /// `idle` when no step is under way (before the first micro-step, after a full step, after
    /// an error).
    pub fn phase(&self) -> String {
        match self.session.last() {
            Some(ms) if self.stepping => ms.phase().name().into(),
            _ => "idle".into(),
        }
    }
    /// The layer of the micro-step that ran last (an index into the spec's layers), or −1.
    pub fn layer(&self) -> i32 {
        let last = self.session.last().filter(|_| self.stepping);
        last.and_then(MicroStep::layer).map_or(-1, |l| l as i32)
    }
    /// The phase and layer of the next micro-step, as `forward 0`, `loss`, `backward 2`, `update`.
    pub fn next(&self) -> String {
        let ms = self.session.next();
        match ms.layer() {
            Some(l) => format!("{} {l}", ms.phase().name()),
            None => ms.phase().name().into(),
        }
    }
    /// The loss of the latest loss phase, or NaN before the first. After a step that went
    /// non-finite, the loss of the last step that completed (the state kept), never ±Inf.
    pub fn loss(&self) -> f64 {
        let loss = match self.error {
            Some(_) => self.history.last().copied(),
            None => self.session.loss(),
        };
        loss.map_or(f64::NAN, f64::from)
    }
    /// The loss of the current parameters on the held-out test set, or NaN without one.
    pub fn test_loss(&mut self) -> f64 {
        if self.session.x_test().nrows() == 0 {
            return f64::NAN;
        }
        f64::from(self.eval.loss(
            self.session.network(),
            self.session.x_test(),
            self.session.t_test(),
        ))
    }
    /// The message of the last non-finite error, if the last attempt failed.
    pub fn error(&self) -> Option<String> {
        self.error.as_ref().map(ToString::to_string)
    }
    /// The last non-finite error's parts, for a message in the page's language:
    /// `{step, phase, layer, kind, what}` (`layer` null for the loss), or `null`.
    pub fn failure(&self) -> JsValue {
        let Some(e) = &self.error else {
            return JsValue::NULL;
        };
        let o = js_sys::Object::new();
        let layer = e.layer.map_or(JsValue::NULL, |l| JsValue::from(l as u32));
        for (k, v) in [
            ("step", JsValue::from(e.step as f64)),
            ("phase", JsValue::from(e.phase.name())),
            ("layer", layer),
            ("kind", JsValue::from(e.kind)),
            ("what", JsValue::from(e.what)),
        ] {
            // Setting a property on a plain new object cannot fail.
            let _ = js_sys::Reflect::set(&o, &k.into(), &v);
        }
        o.into()
    }
    /// The last completed step as a trace record (an object, docs/trace-format.md).
    pub fn snapshot(&self) -> Result<JsValue, JsError> {
        if self.session.steps() == 0 {
            return Err(JsError::new("no step has completed yet"));
        }
        Ok(to_js(&record(&self.session)))
    }
    /// The spec this trainer runs (an object).
    pub fn spec(&self) -> JsValue {
        to_js(&self.spec)
    }
    /// How many layers the network has.
    pub fn layer_count(&self) -> usize {
        self.session.network().layers().len()
    }
    /// `affine`, `relu`, `sigmoid` or `tanh`.
    pub fn layer_kind(&self, i: usize) -> String {
        self.session
            .network()
            .layers()
            .get(i)
            .map_or("", |l| l.kind())
            .into()
    }
    /// Units of layer `i` that were blocked for every sample of the last batch (ReLU only).
    pub fn dead_units(&self, i: usize) -> Vec<u32> {
        let layers = self.session.network().layers();
        let dead = layers
            .get(i)
            .and_then(|l| l.as_act())
            .map(|a| a.dead_units())
            .unwrap_or_default();
        dead.into_iter().map(|u| u as u32).collect()
    }
    /// Where the loss history starts in wasm memory (one f32 per completed step).
    pub fn history_ptr(&self) -> *const f32 {
        self.history.as_ptr()
    }
    /// Length of the loss history.
    pub fn history_len(&self) -> usize {
        self.history.len()
    }
}
