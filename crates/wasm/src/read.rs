//! Reading a spec from a JS value (what `JSON.parse` returns), with errors that name the field
//! as the CLI's JSON reader does: `layers[0].W[1][2]: expected a number, got a string`.
//!
//! The browser parses the JSON text, so the wasm carries no JSON parser. Shapes, sizes and
//! finiteness are checked afterwards by `backstep_nn`'s own validation, the same as natively.

use backstep_nn::SpecError;
use backstep_nn::limits::{MAX_SAMPLES, MAX_WIDTH};
use backstep_nn::spec::{LayerSpec, OptimizerSpec, Spec};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

type Read<T> = Result<T, SpecError>;

/// The largest integer a JS number holds exactly (2^53 − 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A JS object being read, with its path for error messages (`""` for the document itself).
pub struct Fields {
    value: JsValue,
    path: String,
}

impl Fields {
    /// `value` as an object whose keys are all in `allowed`.
    pub fn new(value: JsValue, path: &str, allowed: &[&str]) -> Read<Fields> {
        if !value.is_object() || Array::is_array(&value) {
            return Err(SpecError::new(
                path,
                format!("expected an object, got {}", kind(&value)),
            ));
        }
        for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                return Err(SpecError::new(
                    path,
                    format!(
                        "unknown field `{key}`, expected one of {}",
                        expected.join(", ")
                    ),
                ));
            }
        }
        Ok(Fields {
            value,
            path: path.into(),
        })
    }

    /// The path of one of this object's fields.
    pub fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.into()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A field's value; absent, `undefined` and `null` all read as `None`.
    pub fn get(&self, key: &str) -> Option<JsValue> {
        let v = Reflect::get(&self.value, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    }

    /// A field that must be present.
    pub fn require(&self, key: &str) -> Read<JsValue> {
        self.get(key)
            .ok_or_else(|| SpecError::new(self.path.as_str(), format!("missing field `{key}`")))
    }

    /// An optional number, or `default`.
    pub fn number_or(&self, key: &str, default: f64) -> Read<f64> {
        self.get(key)
            .map_or(Ok(default), |v| number(&v, &self.path(key)))
    }

    /// An optional whole number ≥ 0.
    pub fn whole(&self, key: &str) -> Read<Option<u64>> {
        self.get(key)
            .map(|v| whole(&v, &self.path(key)))
            .transpose()
    }

    /// An optional string, or `default`.
    pub fn text_or(&self, key: &str, default: &str) -> Read<String> {
        match self.get(key) {
            None => Ok(default.into()),
            Some(v) => v.as_string().ok_or_else(|| {
                SpecError::new(
                    self.path(key),
                    format!("expected a string, got {}", kind(&v)),
                )
            }),
        }
    }
}

/// How a JS value is described in a message.
fn kind(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "nothing"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
        "a string"
    } else if Array::is_array(v) {
        "an array"
    } else {
        "an object"
    }
}

/// A number.
pub fn number(v: &JsValue, path: &str) -> Read<f64> {
    v.as_f64()
        .ok_or_else(|| SpecError::new(path, format!("expected a number, got {}", kind(v))))
}

/// A whole number from 0 to 2^53 − 1.
pub fn whole(v: &JsValue, path: &str) -> Read<u64> {
    let n = number(v, path)?;
    if (0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0 {
        Ok(n as u64)
    } else {
        Err(SpecError::new(path, "expected a whole number ≥ 0"))
    }
}

/// An array.
pub fn array(v: &JsValue, path: &str) -> Read<Array> {
    v.dyn_ref::<Array>()
        .cloned()
        .ok_or_else(|| SpecError::new(path, format!("expected an array, got {}", kind(v))))
}

/// An array of at most `max` entries. Validation checks the exact limits later; this stops a
/// huge array before it is read entry by entry.
fn bounded(v: &JsValue, path: &str, max: usize, what: &str) -> Read<Array> {
    let a = array(v, path)?;
    if a.length() as usize > max {
        return Err(SpecError::new(
            path,
            format!("has {} {what}; at most {max} are allowed", a.length()),
        ));
    }
    Ok(a)
}

/// An array of numbers, each rounded to the nearest f32 (as the CLI reads them; values beyond
/// the f32 range become ±Inf here and are rejected by validation with their position).
pub fn floats(v: &JsValue, path: &str) -> Read<Vec<f32>> {
    let a = bounded(v, path, MAX_WIDTH, "values")?;
    (0..a.length())
        .map(|i| number(&a.get(i), &format!("{path}[{i}]")).map(|n| n as f32))
        .collect()
}

/// An array of rows of numbers.
pub fn rows(v: &JsValue, path: &str) -> Read<Vec<Vec<f32>>> {
    let a = bounded(v, path, MAX_SAMPLES, "rows")?;
    (0..a.length())
        .map(|i| floats(&a.get(i), &format!("{path}[{i}]")))
        .collect()
}

/// A whole spec (docs/trace-format.md). Only the format is checked here; `Spec::session`
/// checks shapes, sizes and values.
pub fn spec(v: JsValue) -> Read<Spec> {
    let f = Fields::new(
        v,
        "",
        &[
            "x",
            "t",
            "x_test",
            "t_test",
            "layers",
            "loss",
            "optimizer",
            "steps",
            "batch_size",
            "seed",
        ],
    )?;
    let optional_rows = |key: &str| match f.get(key) {
        Some(v) => rows(&v, key),
        None => Ok(Vec::new()),
    };
    let list = array(&f.require("layers")?, "layers")?;
    let layers = (0..list.length())
        .map(|i| layer(list.get(i), &format!("layers[{i}]")))
        .collect::<Read<Vec<_>>>()?;
    Ok(Spec {
        x: rows(&f.require("x")?, "x")?,
        t: rows(&f.require("t")?, "t")?,
        x_test: optional_rows("x_test")?,
        t_test: optional_rows("t_test")?,
        layers,
        loss: f.text_or("loss", "mse")?,
        optimizer: optimizer(f.require("optimizer")?)?,
        steps: f.whole("steps")?.unwrap_or(1),
        batch_size: f.whole("batch_size")?.map(|n| n as usize),
        seed: f.whole("seed")?,
    })
}

/// One entry of `layers`: `{"type": "affine", "W", "b"}` or `{"type": "relu" | "sigmoid" | "tanh"}`.
fn layer(v: JsValue, path: &str) -> Read<LayerSpec> {
    let ty = type_of(&v, path)?;
    Ok(match ty.as_str() {
        "affine" => {
            let f = Fields::new(v, path, &["type", "W", "b"])?;
            LayerSpec::Affine {
                w: rows(&f.require("W")?, &f.path("W"))?,
                b: floats(&f.require("b")?, &f.path("b"))?,
            }
        }
        "relu" | "sigmoid" | "tanh" => {
            Fields::new(v, path, &["type"])?;
            match ty.as_str() {
                "relu" => LayerSpec::Relu {},
                "sigmoid" => LayerSpec::Sigmoid {},
                _ => LayerSpec::Tanh {},
            }
        }
        other => {
            return Err(unknown_type(
                path,
                other,
                "`affine`, `relu`, `sigmoid`, `tanh`",
            ));
        }
    })
}

/// The `optimizer` object: sgd (lr), momentum (lr, momentum 0.9), adam (lr, beta1 0.9,
/// beta2 0.999, eps 1e-8).
fn optimizer(v: JsValue) -> Read<OptimizerSpec> {
    let path = "optimizer";
    let ty = type_of(&v, path)?;
    Ok(match ty.as_str() {
        "sgd" => {
            let f = Fields::new(v, path, &["type", "lr"])?;
            OptimizerSpec::Sgd {
                lr: number(&f.require("lr")?, "optimizer.lr")?,
            }
        }
        "momentum" => {
            let f = Fields::new(v, path, &["type", "lr", "momentum"])?;
            OptimizerSpec::Momentum {
                lr: number(&f.require("lr")?, "optimizer.lr")?,
                momentum: f.number_or("momentum", 0.9)?,
            }
        }
        "adam" => {
            let f = Fields::new(v, path, &["type", "lr", "beta1", "beta2", "eps"])?;
            OptimizerSpec::Adam {
                lr: number(&f.require("lr")?, "optimizer.lr")?,
                beta1: f.number_or("beta1", 0.9)?,
                beta2: f.number_or("beta2", 0.999)?,
                eps: f.number_or("eps", 1e-8)?,
            }
        }
        other => return Err(unknown_type(path, other, "`sgd`, `momentum`, `adam`")),
    })
}

/// The `type` field of a tagged object.
fn type_of(v: &JsValue, path: &str) -> Read<String> {
    if !v.is_object() || Array::is_array(v) {
        return Err(SpecError::new(
            path,
            format!("expected an object, got {}", kind(v)),
        ));
    }
    let ty = Reflect::get(v, &JsValue::from_str("type")).unwrap_or(JsValue::UNDEFINED);
    if ty.is_undefined() || ty.is_null() {
        return Err(SpecError::new(path, "missing field `type`"));
    }
    ty.as_string().ok_or_else(|| {
        SpecError::new(
            format!("{path}.type"),
            format!("expected a string, got {}", kind(&ty)),
        )
    })
}

fn unknown_type(path: &str, got: &str, expected: &str) -> SpecError {
    SpecError::new(
        format!("{path}.type"),
        format!("unknown type `{got}`, expected one of {expected}"),
    )
}
