//! Writing a spec and a step record as JS values in the trace format (docs/trace-format.md),
//! for the page's export and `window.backstep`; the browser's `JSON.stringify` writes the text.
//!
//! Keys come in the order the CLI writes them, and optional fields are left out as it leaves
//! them out. Each f32 becomes the JS number of exactly its value.

use backstep_nn::spec::{LayerSpec, OptimizerSpec, Spec};
use backstep_nn::trace::StepRecord;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// An object being filled, key by key.
struct Obj(Object);

impl Obj {
    fn new() -> Obj {
        Obj(Object::new())
    }
    fn set(self, key: &str, value: impl Into<JsValue>) -> Obj {
        // Setting a property on a plain new object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), &value.into());
        self
    }
    fn set_some<T: Into<JsValue>>(self, key: &str, value: Option<T>) -> Obj {
        match value {
            Some(v) => self.set(key, v),
            None => self,
        }
    }
}

impl From<Obj> for JsValue {
    fn from(o: Obj) -> JsValue {
        o.0.into()
    }
}

fn list<T>(items: impl IntoIterator<Item = T>, each: impl Fn(T) -> JsValue) -> JsValue {
    items.into_iter().map(each).collect::<Array>().into()
}

fn floats(v: &[f32]) -> JsValue {
    list(v, |&x| JsValue::from_f64(f64::from(x)))
}

fn rows(m: &[Vec<f32>]) -> JsValue {
    list(m, |r| floats(r))
}

fn count(n: usize) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// A spec as a JS object.
pub fn spec(s: &Spec) -> JsValue {
    let test = |m: &[Vec<f32>]| (!m.is_empty()).then(|| rows(m));
    Obj::new()
        .set("x", rows(&s.x))
        .set("t", rows(&s.t))
        .set_some("x_test", test(&s.x_test))
        .set_some("t_test", test(&s.t_test))
        .set("layers", list(&s.layers, layer))
        .set("loss", s.loss.as_str())
        .set("optimizer", optimizer(s.optimizer))
        .set("steps", JsValue::from_f64(s.steps as f64))
        .set_some("batch_size", s.batch_size.map(count))
        .set_some("seed", s.seed.map(|n| JsValue::from_f64(n as f64)))
        .into()
}

fn layer(l: &LayerSpec) -> JsValue {
    match l {
        LayerSpec::Affine { w, b } => Obj::new()
            .set("type", "affine")
            .set("W", rows(w))
            .set("b", floats(b)),
        LayerSpec::Relu {} => Obj::new().set("type", "relu"),
        LayerSpec::Sigmoid {} => Obj::new().set("type", "sigmoid"),
        LayerSpec::Tanh {} => Obj::new().set("type", "tanh"),
    }
    .into()
}

fn optimizer(o: OptimizerSpec) -> JsValue {
    match o {
        OptimizerSpec::Sgd { lr } => Obj::new().set("type", "sgd").set("lr", lr),
        OptimizerSpec::Momentum { lr, momentum } => Obj::new()
            .set("type", "momentum")
            .set("lr", lr)
            .set("momentum", momentum),
        OptimizerSpec::Adam {
            lr,
            beta1,
            beta2,
            eps,
        } => Obj::new()
            .set("type", "adam")
            .set("lr", lr)
            .set("beta1", beta1)
            .set("beta2", beta2)
            .set("eps", eps),
    }
    .into()
}

/// A step record as a JS object.
pub fn record(r: &StepRecord) -> JsValue {
    let loss = if r.loss.is_finite() {
        JsValue::from_f64(f64::from(r.loss))
    } else {
        // As JSON writes a non-finite number.
        JsValue::NULL
    };
    Obj::new()
        .set("step", JsValue::from_f64(r.step as f64))
        .set_some("batch", r.batch.as_ref().map(|b| list(b, |&i| count(i))))
        .set("outputs", list(&r.outputs, |o| rows(o)))
        .set("loss", loss)
        .set(
            "grads",
            list(&r.grads, |g| {
                Obj::new()
                    .set("dx", rows(&g.dx))
                    .set_some("dW", g.dw.as_deref().map(rows))
                    .set_some("db", g.db.as_deref().map(floats))
                    .into()
            }),
        )
        .set(
            "params",
            list(&r.params, |p| {
                Obj::new()
                    .set_some("W", p.w.as_deref().map(rows))
                    .set_some("b", p.b.as_deref().map(floats))
                    .into()
            }),
        )
        .set(
            "masks",
            list(&r.masks, |m| match m {
                Some(m) => list(m, |row| list(row, |&b| JsValue::from_bool(b))),
                None => JsValue::NULL,
            }),
        )
        .set(
            "dead_units",
            list(&r.dead_units, |d| list(d, |&u| count(u))),
        )
        .into()
}
