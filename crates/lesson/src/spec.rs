//! The spec: the JSON document that fully describes a run (data, layers with their parameters,
//! loss, optimizer, steps), and its validation into a [`crate::Session`]. See `docs/trace-format.md`.
//!
//! These are the format's types only. They are written through their serde derives (serde_json
//! in the CLI, serde-wasm-bindgen in the page) and read by [`read`], the one reader both front
//! ends share (`Spec::parse` is there). Their checks, and the [`crate::Session`] built from a
//! spec, live in [`validate`]; the page's smaller limits in [`page_limits`]. Each of those
//! depends on this module and not the reverse.

pub mod features;
pub mod node;
pub mod page_limits;
pub mod read;
pub(crate) mod read_settings;
pub mod validate;

use nalgebra::DMatrix;
use serde::Serialize;

/// A whole run, as read from and written to JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spec {
    /// Inputs, one row per sample.
    pub x: Vec<Vec<f32>>,
    /// Targets, one row per sample.
    pub t: Vec<Vec<f32>>,
    /// Optional held-out inputs (not trained on).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub x_test: Vec<Vec<f32>>,
    /// Optional held-out targets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub t_test: Vec<Vec<f32>>,
    /// The input features the network takes from each 2-D point of x (`x1`, `x2`, `x1_sq`,
    /// `x2_sq`, `x1_x2`, `sin_x1`, `sin_x2`; [`features`]); absent: x as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
    /// The layers, first to last.
    pub layers: Vec<LayerSpec>,
    /// The loss: `mse` (0.5·Σ(y − t)²) or `softmax_cross_entropy` (−Σ t·log softmax(y), `t`
    /// one-hot rows); see [`backstep_nn::loss::LossKind`]. Read as `mse` when absent.
    pub loss: String,
    /// An optional penalty on every affine layer's W (`{"type": "l1" | "l2", "rate": r}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regularization: Option<RegularizationSpec>,
    /// The optimizer and its hyper-parameters.
    pub optimizer: OptimizerSpec,
    /// How many steps a trace records (1 to 10 000).
    pub steps: u64,
    /// Samples per step; absent means the full batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<usize>,
    /// Seed of the mini-batch shuffle (default 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// One entry of `layers`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum LayerSpec {
    /// `y = x·W + b`; W is in × out as nested rows, b has out values.
    Affine {
        /// Weights, in rows × out columns.
        #[serde(rename = "W")]
        w: Vec<Vec<f32>>,
        /// Bias, one value per output.
        b: Vec<f32>,
    },
    /// max(0, x). (Empty braces, not a unit variant: written as `{"type": "relu"}`.)
    Relu {},
    /// 1 / (1 + e^(−x)).
    Sigmoid {},
    /// tanh(x).
    Tanh {},
}

/// The `regularization` object; see [`backstep_nn::regularize`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegularizationSpec {
    /// `l1` or `l2` ([`backstep_nn::regularize::PenaltyKind`]).
    #[serde(rename = "type")]
    pub kind: String,
    /// The rate r (finite, ≥ 0).
    pub rate: f64,
}

/// The `optimizer` object (`{"type": "sgd" | "momentum" | "adam", "lr", …}`; a left-out
/// hyper-parameter's default is `crate::preset`'s): the math crate's [`OptimizerKind`], written
/// as the spec writes it, so the rule exists once.
pub use backstep_nn::optim::OptimizerKind as OptimizerSpec;

impl Spec {
    #[cfg(feature = "json")]
    /// The spec as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a spec always serialises")
    }
}

/// Nested rows (row-major) of a matrix, as specs and traces write them.
pub fn rows(m: &DMatrix<f32>) -> Vec<Vec<f32>> {
    m.row_iter().map(|r| r.iter().copied().collect()).collect()
}
