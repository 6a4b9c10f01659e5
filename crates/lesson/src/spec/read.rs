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
use crate::spec::node::expected;
use crate::spec::{LayerSpec, OptimizerSpec, RegularizationSpec, Spec};
use backstep_nn::error::SpecError;
use backstep_nn::features::Feature;
use backstep_nn::message::Msg;

pub use crate::spec::node::{Fields, Kind, Node, fields, list, number, text, whole};
pub use crate::spec::read_settings::{KEYS as SETTINGS_KEYS, settings};

type Read<T> = Result<T, SpecError>;

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

/// A whole spec.
pub fn spec<N: Node>(v: N) -> Read<Spec> {
    let keys = [
        "x",
        "t",
        "x_test",
        "t_test",
        "features",
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
        features: f.opt("features", |v, p| {
            list(v, p, (Feature::ALL.len(), "entries"), text)
        })?,
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
        .ok_or_else(|| SpecError::new(path, Msg::MissingField { key: "type".into() }))?;
    text(&ty, &format!("{path}.type"))
}

/// The error for a `type` that is none of `allowed` (a list such as "`a`, `b`").
pub fn unknown_type(path: &str, got: &str, allowed: &str) -> SpecError {
    let (got, allowed) = (got.into(), allowed.into());
    SpecError::new(format!("{path}.type"), Msg::UnknownType { got, allowed })
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

impl Spec {
    #[cfg(feature = "json")]
    /// Parses JSON; a syntax or type error names the field it was found in. Anything but
    /// whitespace after the document (a second document, stray text) is an error too.
    pub fn parse(json: &str) -> Result<Spec, SpecError> {
        use serde::Deserialize;
        let de = &mut serde_json::Deserializer::from_str(json);
        let value = serde_json::Value::deserialize(&mut *de).map_err(|e| {
            SpecError::new(
                "",
                Msg::Json {
                    detail: e.to_string(),
                },
            )
        })?;
        de.end().map_err(|e| {
            let detail = e.to_string();
            SpecError::new("", Msg::TextAfter { detail })
        })?;
        spec(&value)
    }
}
