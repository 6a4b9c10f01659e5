//! What the page reads from a trainer between frames: step, phase, layer, loss, the next
//! micro-step, the last error (as text and as parts), the snapshot and spec, the layers' kinds,
//! dead units and the loss history (a view into wasm memory).

use crate::js::to_js;
use crate::trainer::Trainer;
use backstep_lesson::MicroStep;
use backstep_lesson::export::trace::record;
use backstep_nn::Inference;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Trainer {
    /// Completed steps.
    pub fn steps(&self) -> f64 {
        self.session().steps() as f64
    }
    /// The phase of the micro-step that ran last: `forward`, `loss`, `backward`, `update`, or
    /// `idle` when no step is under way (before the first micro-step, after a full step, after
    /// an error).
    pub fn phase(&self) -> String {
        match self.session().last() {
            Some(ms) if self.course.stepping() => ms.phase().name().into(),
            _ => "idle".into(),
        }
    }
    /// The layer of the micro-step that ran last (an index into the spec's layers), or −1.
    pub fn layer(&self) -> i32 {
        let last = self.session().last().filter(|_| self.course.stepping());
        last.and_then(MicroStep::layer).map_or(-1, |l| l as i32)
    }
    /// The phase and layer of the next micro-step, as `forward 0`, `loss`, `backward 2`, `update`.
    pub fn next(&self) -> String {
        let ms = self.session().next();
        match ms.layer() {
            Some(l) => format!("{} {l}", ms.phase().name()),
            None => ms.phase().name().into(),
        }
    }
    /// The loss of the latest loss phase, or NaN before the first. After a step that went
    /// non-finite, the loss of the last step that completed (the state kept), never ±Inf.
    pub fn loss(&self) -> f64 {
        let loss = match self.course.error() {
            Some(_) => self.course.run().history().last().copied(),
            None => self.session().loss(),
        };
        loss.map_or(f64::NAN, f64::from)
    }
    /// The step the numbers on screen belong to: the step under way (completed steps + 1) in
    /// the middle of a cycle, else the last completed step (0 before the first). The header,
    /// the inspector and the lesson text all name this one.
    pub fn at_step(&self) -> f64 {
        let s = self.session();
        let under_way = !s.is_between_steps() && self.course.error().is_none();
        (s.steps() + u64::from(under_way)) as f64
    }
    /// The batch loss 0.5·Σ(y − t)² of the step just completed, on the same batch with the
    /// parameters after its update (the article's 更新後 next to the loss before it); NaN in
    /// the middle of a step or before the first.
    pub fn loss_after(&self) -> f64 {
        let s = self.session();
        if !s.is_between_steps() || s.steps() == 0 || s.batch_x().nrows() == 0 {
            return f64::NAN;
        }
        let mut infer = Inference::new();
        f64::from(infer.loss(s.network(), s.batch_x(), s.batch_t()))
    }
    /// The message of the last non-finite error, if the last attempt failed.
    pub fn error(&self) -> Option<String> {
        self.course.error().map(ToString::to_string)
    }
    /// The last non-finite error's parts, for a message in the page's language:
    /// `{step, phase, layer, kind, what}` (`layer` null for the loss), or `null`.
    pub fn failure(&self) -> JsValue {
        let Some(e) = self.course.error() else {
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
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        if self.session().steps() == 0 {
            return Err(crate::js::error("no step has completed yet"));
        }
        Ok(to_js(&record(self.session())))
    }
    /// The settings this trainer was made from, completed with every default, or `null` for a
    /// trainer made from a spec.
    pub fn settings(&self) -> JsValue {
        self.course.settings().map_or(JsValue::NULL, to_js)
    }
    /// The spec this trainer runs (an object).
    pub fn spec(&self) -> JsValue {
        to_js(self.course.spec())
    }
    /// The loss's name (`mse`, `softmax_cross_entropy`).
    pub fn loss_name(&self) -> String {
        self.session().network().loss().kind().name().into()
    }
    /// The penalty on the weights as `{type, rate}` (`l1` or `l2`), or `null` for none.
    pub fn penalty(&self) -> JsValue {
        self.session()
            .network()
            .penalty()
            .map_or(JsValue::NULL, |p| {
                let o = js_sys::Object::new();
                // Setting a property on a plain new object cannot fail.
                let _ = js_sys::Reflect::set(&o, &"type".into(), &p.kind.name().into());
                let _ = js_sys::Reflect::set(&o, &"rate".into(), &JsValue::from(p.rate));
                o.into()
            })
    }
    /// The latest loss phase's data loss and the penalty at the current weights, [data, penalty]
    /// (0 without one): in the loss phase, before the update, the two terms of the loss.
    pub fn loss_terms(&self) -> Vec<f64> {
        let net = self.session().network();
        vec![
            f64::from(net.loss().value()),
            f64::from(net.penalty_value()),
        ]
    }
    /// The network's inputs as formulas (`x₁`, `x₁²`, `sin x₂`, …) when the run takes features;
    /// empty for the plain inputs.
    pub fn input_names(&self) -> Vec<String> {
        self.features
            .iter()
            .flatten()
            .map(|f| f.label().to_string())
            .collect()
    }
    /// How many layers the network has.
    pub fn layer_count(&self) -> usize {
        self.session().network().layers().len()
    }
    /// `affine`, `relu`, `sigmoid` or `tanh`.
    pub fn layer_kind(&self, i: usize) -> String {
        self.session()
            .network()
            .layers()
            .get(i)
            .map_or("", |l| l.kind())
            .into()
    }
    /// Units of layer `i` that were blocked for every sample of the last batch (ReLU only).
    pub fn dead_units(&self, i: usize) -> Vec<u32> {
        let layers = self.session().network().layers();
        let dead = layers
            .get(i)
            .and_then(|l| l.as_act())
            .map(|a| a.dead_units())
            .unwrap_or_default();
        dead.into_iter().map(|u| u as u32).collect()
    }
    /// Where the loss history starts in wasm memory (one f32 per completed step).
    pub fn history_ptr(&self) -> *const f32 {
        self.course.run().history().as_ptr()
    }
    /// Length of the loss history.
    pub fn history_len(&self) -> usize {
        self.course.run().history().len()
    }
}
