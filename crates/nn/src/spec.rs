//! The spec: the JSON document that fully describes a run (data, layers with their parameters,
//! loss, optimizer, steps), and its validation into a [`Session`]. See `docs/trace-format.md`.
//!
//! Every problem is reported as a [`SpecError`] naming the field, e.g.
//! `layers[2] (affine): W is 3×1 but its input has width 4`.

use crate::activation::{Act, Activation};
use crate::affine::Affine;
use crate::cycle::Session;
use crate::data::Dataset;
use crate::error::SpecError;
use crate::layer::Layer;
use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_TRACE_STEPS, MAX_WIDTH};
use crate::network::Network;
use crate::optim::OptimizerKind;
use nalgebra::DMatrix;
use serde::{Deserialize, Serialize};

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
            OptimizerKind::Adam { lr, beta1, beta2, eps } => OptimizerSpec::Adam { lr, beta1, beta2, eps },
        }
    }
}

impl Spec {
    /// Parses JSON; a syntax or type error names the field it was found in.
    pub fn parse(json: &str) -> Result<Spec, SpecError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." { String::new() } else { path };
            SpecError::new(field, e.into_inner().to_string())
        })
    }

    /// The spec as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a spec always serialises")
    }

    /// Checks every field and builds a session at step 0.
    pub fn session(&self) -> Result<Session<f32>, SpecError> {
        let (data, layers, kind) = self.validate()?;
        let net = Network::new(layers);
        Ok(Session::new(net, kind, &data, self.batch_size.unwrap_or(0), self.seed.unwrap_or(0)))
    }

    fn validate(&self) -> Result<(Dataset, Vec<Layer<f32>>, OptimizerKind), SpecError> {
        let x = matrix("x", &self.x, 1, MAX_SAMPLES)?;
        let t = matrix("t", &self.t, 1, MAX_SAMPLES)?;
        if t.nrows() != x.nrows() {
            return Err(SpecError::new("t", format!("has {} rows but x has {}", t.nrows(), x.nrows())));
        }
        let mut data = Dataset::train_only(x, t);
        if !self.x_test.is_empty() || !self.t_test.is_empty() {
            data.x_test = matrix("x_test", &self.x_test, 1, MAX_SAMPLES)?;
            data.t_test = matrix("t_test", &self.t_test, 1, MAX_SAMPLES)?;
            if data.x_test.ncols() != data.x.ncols() || data.t_test.ncols() != data.t.ncols() {
                return Err(SpecError::new("x_test", "x_test and t_test must have the widths of x and t"));
            }
            if data.t_test.nrows() != data.x_test.nrows() {
                return Err(SpecError::new("t_test", "must have as many rows as x_test"));
            }
        }
        if self.layers.is_empty() || self.layers.len() > MAX_LAYERS {
            return Err(SpecError::new(
                "layers",
                format!("has {} entries; 1 to {MAX_LAYERS} are allowed", self.layers.len()),
            ));
        }
        let mut width = data.x.ncols();
        let mut layers = Vec::with_capacity(self.layers.len());
        for (i, l) in self.layers.iter().enumerate() {
            let layer = match l {
                LayerSpec::Affine { w, b } => {
                    let w = matrix(&format!("layers[{i}].W"), w, 1, MAX_WIDTH)?;
                    if w.nrows() != width {
                        return Err(SpecError::new(
                            format!("layers[{i}] (affine)"),
                            format!("W is {}×{} but its input has width {width}", w.nrows(), w.ncols()),
                        ));
                    }
                    if b.len() != w.ncols() {
                        return Err(SpecError::new(
                            format!("layers[{i}] (affine)"),
                            format!("b has {} values but W has {} columns", b.len(), w.ncols()),
                        ));
                    }
                    finite(&format!("layers[{i}].b"), b)?;
                    width = w.ncols();
                    Layer::Affine(Affine::new(w, DMatrix::from_row_slice(1, b.len(), b)))
                }
                LayerSpec::Relu {} => Layer::Act(Activation::new(Act::Relu, width)),
                LayerSpec::Sigmoid {} => Layer::Act(Activation::new(Act::Sigmoid, width)),
                LayerSpec::Tanh {} => Layer::Act(Activation::new(Act::Tanh, width)),
            };
            layers.push(layer);
        }
        if width != data.t.ncols() {
            return Err(SpecError::new(
                "layers",
                format!("the network's output has width {width} but t has width {}", data.t.ncols()),
            ));
        }
        if self.loss != "mse" {
            return Err(SpecError::new("loss", format!("unknown loss `{}`, expected `mse`", self.loss)));
        }
        if !(1..=MAX_TRACE_STEPS).contains(&self.steps) {
            return Err(SpecError::new("steps", format!("must be from 1 to {MAX_TRACE_STEPS}, got {}", self.steps)));
        }
        if self.batch_size == Some(0) {
            return Err(SpecError::new("batch_size", "must be at least 1"));
        }
        Ok((data, layers, optimizer(self.optimizer)?))
    }
}

/// Checks an optimizer's hyper-parameters.
pub fn optimizer(o: OptimizerSpec) -> Result<OptimizerKind, SpecError> {
    let positive = |name: &str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(())
        } else {
            Err(SpecError::new(format!("optimizer.{name}"), format!("must be a positive number, got {v}")))
        }
    };
    let unit = |name: &str, v: f64| {
        if (0.0..1.0).contains(&v) {
            Ok(())
        } else {
            Err(SpecError::new(format!("optimizer.{name}"), format!("must be in [0, 1), got {v}")))
        }
    };
    Ok(match o {
        OptimizerSpec::Sgd { lr } => {
            positive("lr", lr)?;
            OptimizerKind::Sgd { lr }
        }
        OptimizerSpec::Momentum { lr, momentum } => {
            positive("lr", lr)?;
            unit("momentum", momentum)?;
            OptimizerKind::Momentum { lr, momentum }
        }
        OptimizerSpec::Adam { lr, beta1, beta2, eps } => {
            positive("lr", lr)?;
            unit("beta1", beta1)?;
            unit("beta2", beta2)?;
            positive("eps", eps)?;
            OptimizerKind::Adam { lr, beta1, beta2, eps }
        }
    })
}

fn finite(field: &str, row: &[f32]) -> Result<(), SpecError> {
    match row.iter().position(|v| !v.is_finite()) {
        Some(j) => Err(SpecError::new(format!("{field}[{j}]"), "is outside the range of a 32-bit float")),
        None => Ok(()),
    }
}

/// Nested rows into a matrix: not empty, not ragged, at most `max_rows` rows and `MAX_WIDTH`
/// columns, every value finite as an f32.
fn matrix(field: &str, rows: &[Vec<f32>], min_rows: usize, max_rows: usize) -> Result<DMatrix<f32>, SpecError> {
    if rows.len() < min_rows {
        return Err(SpecError::new(field, "is empty; at least one row is needed"));
    }
    if rows.len() > max_rows {
        return Err(SpecError::new(field, format!("has {} rows; at most {max_rows} are allowed", rows.len())));
    }
    let w = rows[0].len();
    if w == 0 || w > MAX_WIDTH {
        return Err(SpecError::new(format!("{field}[0]"), format!("has {w} values; 1 to {MAX_WIDTH} are allowed")));
    }
    for (r, row) in rows.iter().enumerate() {
        if row.len() != w {
            return Err(SpecError::new(
                format!("{field}[{r}]"),
                format!("has {} values but {field}[0] has {w}", row.len()),
            ));
        }
        finite(&format!("{field}[{r}]"), row)?;
    }
    let flat: Vec<f32> = rows.iter().flatten().copied().collect();
    Ok(DMatrix::from_row_slice(rows.len(), w, &flat))
}

/// Nested rows (row-major) of a matrix, as specs and traces write them.
pub fn rows(m: &DMatrix<f32>) -> Vec<Vec<f32>> {
    m.row_iter().map(|r| r.iter().copied().collect()).collect()
}
