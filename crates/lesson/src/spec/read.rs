//! The one reader of the spec and settings formats (docs/trace-format.md), over any parsed
//! document: the CLI gives it `serde_json::Value`, the page the JS value `JSON.parse` returns
//! (the glue implements [`Node`] for it). Both front ends therefore accept and refuse the same
//! documents, with the same message naming the same field
//! (`layers[0].W[1][2]: expected a number, got a string`).
//!
//! The wasm carries no serde deserializer: measured, serde-wasm-bindgen's added 27–47 KB
//! gzipped to the page (BENCHMARKS.md). Writing goes through the serde derives on the types; a
//! round-trip test (`tests/read.rs`) keeps the two in step. Arrays are measured before they are
//! walked, so a huge one is refused at once. Only the format is checked here;
//! [`crate::spec::validate`] checks shapes, sizes and values.

use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_WIDTH};
use crate::preset::{BETA1, BETA2, EPS, MOMENTUM};
use crate::spec::{LayerSpec, OptimizerSpec, RegularizationSpec, Spec};
use backstep_nn::error::SpecError;

pub use crate::spec::node::{Kind, Node};
pub use crate::spec::read_settings::{KEYS as SETTINGS_KEYS, settings};

type Read<T> = Result<T, SpecError>;

/// The largest integer a JS number holds exactly (2^53 − 1).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

fn expected<N: Node>(v: &N, path: &str, what: &str) -> SpecError {
    SpecError::new(
        path,
        format!("expected {what}, got {}", v.kind().describe()),
    )
}

/// An object whose keys are all in `allowed`, with its path for messages.
pub struct Fields<'p, N> {
    value: N,
    path: &'p str,
}

impl<'p, N: Node> Fields<'p, N> {
    /// `value` as an object whose keys are all in `allowed`.
    pub fn new(value: N, path: &'p str, allowed: &[&str]) -> Read<Self> {
        if value.kind() != Kind::Object {
            return Err(expected(&value, path, "an object"));
        }
        if let Some(key) = value
            .keys()
            .into_iter()
            .find(|k| !allowed.contains(&k.as_str()))
        {
            let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
            let msg = format!("unknown field `{key}`, expected one of {}", list.join(", "));
            return Err(SpecError::new(path, msg));
        }
        Ok(Fields { value, path })
    }
    fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.into()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    fn get(&self, key: &str) -> Option<N> {
        self.value.field(key)
    }
    fn require(&self, key: &str) -> Read<N> {
        self.get(key)
            .ok_or_else(|| SpecError::new(self.path, format!("missing field `{key}`")))
    }
    /// An optional field, read by `read`.
    pub fn opt<T>(&self, key: &str, read: impl Fn(&N, &str) -> Read<T>) -> Read<Option<T>> {
        self.get(key).map(|v| read(&v, &self.path(key))).transpose()
    }
    /// A field that must be present, read by `read`.
    pub fn need<T>(&self, key: &str, read: impl Fn(&N, &str) -> Read<T>) -> Read<T> {
        read(&self.require(key)?, &self.path(key))
    }
}

/// A number.
pub fn number<N: Node>(v: &N, path: &str) -> Read<f64> {
    v.number().ok_or_else(|| expected(v, path, "a number"))
}

/// A whole number from 0 to 2^53 − 1.
pub fn whole<N: Node>(v: &N, path: &str) -> Read<u64> {
    let n = number(v, path)?;
    if (0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0 {
        Ok(n as u64)
    } else {
        Err(SpecError::new(path, "expected a whole number ≥ 0"))
    }
}

/// A string.
pub fn text<N: Node>(v: &N, path: &str) -> Read<String> {
    v.text().ok_or_else(|| expected(v, path, "a string"))
}

/// An array of at most `max` entries, each read by `each`. The length is checked first, so a
/// huge array is refused before it is walked.
pub fn list<N: Node, T>(
    v: &N,
    path: &str,
    (max, what): (usize, &str),
    each: impl Fn(&N, &str) -> Read<T>,
) -> Read<Vec<T>> {
    if v.kind() != Kind::Array {
        return Err(expected(v, path, "an array"));
    }
    let n = v.len();
    if n > max {
        let msg = format!("has {n} {what}; at most {max} are allowed");
        return Err(SpecError::new(path, msg));
    }
    (0..n)
        .map(|i| each(&v.item(i), &format!("{path}[{i}]")))
        .collect()
}

/// Numbers, each rounded to the nearest f32 (values beyond its range become ±Inf here, and
/// validation refuses them with their position).
pub fn floats<N: Node>(v: &N, path: &str) -> Read<Vec<f32>> {
    list(v, path, (MAX_WIDTH, "values"), |n, p| {
        number(n, p).map(|x| x as f32)
    })
}

/// Rows of numbers.
pub fn rows<N: Node>(v: &N, path: &str) -> Read<Vec<Vec<f32>>> {
    list(v, path, (MAX_SAMPLES, "rows"), floats)
}

/// `value` as an object whose keys are all in `allowed` (its fields read with `need`, `opt`).
pub fn fields<'p, N: Node>(value: N, path: &'p str, allowed: &[&str]) -> Read<Fields<'p, N>> {
    Fields::new(value, path, allowed)
}

/// A whole spec.
pub fn spec<N: Node>(v: N) -> Read<Spec> {
    let keys = [
        "x",
        "t",
        "x_test",
        "t_test",
        "layers",
        "loss",
        "regularization",
        "optimizer",
        "steps",
        "batch_size",
        "seed",
    ];
    let f = Fields::new(v, "", &keys)?;
    Ok(Spec {
        x: f.need("x", rows)?,
        t: f.need("t", rows)?,
        x_test: f.opt("x_test", rows)?.unwrap_or_default(),
        t_test: f.opt("t_test", rows)?.unwrap_or_default(),
        layers: f.need("layers", |v, p| list(v, p, (MAX_LAYERS, "entries"), layer))?,
        loss: f.opt("loss", text)?.unwrap_or_else(|| "mse".into()),
        regularization: f.opt("regularization", regularization)?,
        optimizer: f.need("optimizer", optimizer)?,
        steps: f.opt("steps", whole)?.unwrap_or(1),
        batch_size: f.opt("batch_size", whole)?.map(|n| n as usize),
        seed: f.opt("seed", whole)?,
    })
}

/// The `type` field of a tagged object.
pub fn type_of<N: Node>(v: &N, path: &str) -> Read<String> {
    if v.kind() != Kind::Object {
        return Err(expected(v, path, "an object"));
    }
    let ty = v
        .field("type")
        .ok_or_else(|| SpecError::new(path, "missing field `type`"))?;
    text(&ty, &format!("{path}.type"))
}

fn unknown_type(path: &str, got: &str, expected: &str) -> SpecError {
    SpecError::new(
        format!("{path}.type"),
        format!("unknown type `{got}`, expected one of {expected}"),
    )
}

/// One entry of `layers`: `{"type": "affine", "W", "b"}` or `{"type": "relu" | "sigmoid" | "tanh"}`.
fn layer<N: Node>(v: &N, path: &str) -> Read<LayerSpec> {
    let ty = type_of(v, path)?;
    let bare = |l: LayerSpec| Fields::new(v.clone(), path, &["type"]).map(|_| l);
    match ty.as_str() {
        "affine" => {
            let f = Fields::new(v.clone(), path, &["type", "W", "b"])?;
            Ok(LayerSpec::Affine {
                w: f.need("W", rows)?,
                b: f.need("b", floats)?,
            })
        }
        "relu" => bare(LayerSpec::Relu {}),
        "sigmoid" => bare(LayerSpec::Sigmoid {}),
        "tanh" => bare(LayerSpec::Tanh {}),
        other => Err(unknown_type(
            path,
            other,
            "`affine`, `relu`, `sigmoid`, `tanh`",
        )),
    }
}

/// The `regularization` object: `{"type", "rate"}` (the names are checked by validation).
fn regularization<N: Node>(v: &N, path: &str) -> Read<RegularizationSpec> {
    let kind = type_of(v, path)?;
    let f = Fields::new(v.clone(), path, &["type", "rate"])?;
    Ok(RegularizationSpec {
        kind,
        rate: f.need("rate", number)?,
    })
}

/// The `optimizer` object: sgd (lr), momentum (lr, momentum), adam (lr, beta1, beta2, eps);
/// a hyper-parameter left out takes its default from [`crate::preset`].
pub fn optimizer<N: Node>(v: &N, path: &str) -> Read<OptimizerSpec> {
    let ty = type_of(v, path)?;
    let or = |f: &Fields<N>, key, default| Ok(f.opt(key, number)?.unwrap_or(default));
    match ty.as_str() {
        "sgd" => {
            let f = Fields::new(v.clone(), path, &["type", "lr"])?;
            Ok(OptimizerSpec::Sgd {
                lr: f.need("lr", number)?,
            })
        }
        "momentum" => {
            let f = Fields::new(v.clone(), path, &["type", "lr", "momentum"])?;
            Ok(OptimizerSpec::Momentum {
                lr: f.need("lr", number)?,
                momentum: or(&f, "momentum", MOMENTUM)?,
            })
        }
        "adam" => {
            let f = Fields::new(v.clone(), path, &["type", "lr", "beta1", "beta2", "eps"])?;
            Ok(OptimizerSpec::Adam {
                lr: f.need("lr", number)?,
                beta1: or(&f, "beta1", BETA1)?,
                beta2: or(&f, "beta2", BETA2)?,
                eps: or(&f, "eps", EPS)?,
            })
        }
        other => Err(unknown_type(path, other, "`sgd`, `momentum`, `adam`")),
    }
}
