//! The spec: the JSON document that fully describes a run (data, layers with their parameters,
//! loss, optimizer, steps), and its validation into a [`Session`]. See `docs/trace-format.md`.
//!
//! Every problem is reported as a [`SpecError`] naming the field, e.g.
//! `layers[2] (affine): W is 3×1 but its input has width 4` (the checks live in
//! [`crate::validate`]).

use crate::cycle::Session;
use crate::error::SpecError;
use crate::network::Network;
use crate::optim::OptimizerKind;
use serde::{Deserialize, Serialize};

pub use crate::validate::{optimizer, rows};

/// A whole run, as read from and written to JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Inputs, one row per sample.
    pub x: Vec<Vec<f32>>,
    /// Targets, one row per sample.
    pub t: Vec<Vec<f32>>,
    /// Optional held-out inputs (not trained on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub x_test: Vec<Vec<f32>>,
    /// Optional held-out targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub t_test: Vec<Vec<f32>>,
    /// The layers, first to last.
    pub layers: Vec<LayerSpec>,
    /// The loss; only `mse` (0.5·Σ(y − t)²) exists.
    #[serde(default = "mse")]
    pub loss: String,
    /// The optimizer and its hyper-parameters.
    pub optimizer: OptimizerSpec,
    /// How many steps a trace records (1 to 10 000).
    #[serde(default = "one")]
    pub steps: u64,
    /// Samples per step; absent means the full batch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<usize>,
    /// Seed of the mini-batch shuffle (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

fn mse() -> String {
    "mse".into()
}
fn one() -> u64 {
    1
}

/// One entry of `layers`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum LayerSpec {
    /// `y = x·W + b`; W is in × out as nested rows, b has out values.
    Affine {
        /// Weights, in rows × out columns.
        #[serde(rename = "W")]
        w: Vec<Vec<f32>>,
        /// Bias, one value per output.
        b: Vec<f32>,
    },
    /// max(0, x). (Empty braces, not a unit variant: serde rejects unknown fields only there.)
    Relu {},
    /// 1 / (1 + e^(−x)).
    Sigmoid {},
    /// tanh(x).
    Tanh {},
}

/// The `optimizer` object.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum OptimizerSpec {
    /// `{"type": "sgd", "lr": …}`
    Sgd {
        /// Learning rate.
        lr: f64,
    },
    /// `{"type": "momentum", "lr": …, "momentum": …}` (momentum defaults to 0.9)
    Momentum {
        /// Learning rate.
        lr: f64,
        /// Momentum coefficient.
        #[serde(default = "beta1")]
        momentum: f64,
    },
    /// `{"type": "adam", "lr": …, "beta1": …, "beta2": …, "eps": …}` (0.9, 0.999, 1e-8 by default)
    Adam {
        /// Learning rate.
        lr: f64,
        /// First-moment decay.
        #[serde(default = "beta1")]
        beta1: f64,
        /// Second-moment decay.
        #[serde(default = "beta2")]
        beta2: f64,
        /// Denominator guard.
        #[serde(default = "eps")]
        eps: f64,
    },
}

fn beta1() -> f64 {
    0.9
}
fn beta2() -> f64 {
    0.999
}
fn eps() -> f64 {
    1e-8
}

impl From<OptimizerKind> for OptimizerSpec {
    fn from(k: OptimizerKind) -> Self {
        match k {
            OptimizerKind::Sgd { lr } => OptimizerSpec::Sgd { lr },
            OptimizerKind::Momentum { lr, momentum } => OptimizerSpec::Momentum { lr, momentum },
            OptimizerKind::Adam {
                lr,
                beta1,
                beta2,
                eps,
            } => OptimizerSpec::Adam {
                lr,
                beta1,
                beta2,
                eps,
            },
        }
    }
}

impl Spec {
    #[cfg(feature = "json")]
    /// Parses JSON; a syntax or type error names the field it was found in. Anything but
    /// whitespace after the document (a second document, stray text) is an error too.
    pub fn parse(json: &str) -> Result<Spec, SpecError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let spec = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." { String::new() } else { path };
            SpecError::new(field, e.into_inner().to_string())
        })?;
        de.end().map_err(|e| {
            SpecError::new(
                "",
                format!("text after the end of the spec ({e}); a file holds one spec"),
            )
        })?;
        Ok(spec)
    }

    #[cfg(feature = "json")]
    /// The spec as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a spec always serialises")
    }

    /// Checks every field and builds a session at step 0.
    pub fn session(&self) -> Result<Session<f32>, SpecError> {
        let (data, layers, kind) = crate::validate::validate(self)?;
        let net = Network::new(layers);
        Ok(Session::new(
            net,
            kind,
            &data,
            self.batch_size.unwrap_or(0),
            self.seed.unwrap_or(0),
        ))
    }
}
