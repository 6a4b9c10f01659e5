//! Validation of a [`Spec`]: shapes that chain, sizes within [`crate::limits`], finite numbers
//! and sane hyper-parameters, each problem reported as a [`SpecError`] naming its field.

use crate::cycle::Session;
use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_TRACE_STEPS, MAX_WIDTH};
use crate::spec::{LayerSpec, OptimizerSpec, Spec};
use backstep_nn::activation::{Act, Activation};
use backstep_nn::affine::Affine;
use backstep_nn::data::Dataset;
use backstep_nn::error::SpecError;
use backstep_nn::layer::Layer;
use backstep_nn::loss::LossKind;
use backstep_nn::network::Network;
use backstep_nn::optim::OptimizerKind;
use backstep_nn::regularize::{Penalty, PenaltyKind};
use nalgebra::DMatrix;

impl Spec {
    /// Checks every field and builds a session at step 0.
    pub fn session(&self) -> Result<Session<f32>, SpecError> {
        let (data, net, kind) = validate(self)?;
        Ok(Session::new(
            net,
            kind,
            &data,
            self.batch_size.unwrap_or(0),
            self.seed.unwrap_or(0),
        ))
    }
}

/// Checks every field of `spec` and builds its data, network (layers, loss and penalty) and
/// optimizer rule.
pub fn validate(spec: &Spec) -> Result<(Dataset, Network<f32>, OptimizerKind), SpecError> {
    let x = matrix("x", &spec.x, 1, MAX_SAMPLES)?;
    let t = matrix("t", &spec.t, 1, MAX_SAMPLES)?;
    if t.nrows() != x.nrows() {
        return Err(SpecError::new(
            "t",
            format!("has {} rows but x has {}", t.nrows(), x.nrows()),
        ));
    }
    let mut data = Dataset::train_only(x, t);
    if !spec.x_test.is_empty() || !spec.t_test.is_empty() {
        data.x_test = matrix("x_test", &spec.x_test, 1, MAX_SAMPLES)?;
        data.t_test = matrix("t_test", &spec.t_test, 1, MAX_SAMPLES)?;
        if data.x_test.ncols() != data.x.ncols() || data.t_test.ncols() != data.t.ncols() {
            return Err(SpecError::new(
                "x_test",
                "x_test and t_test must have the widths of x and t",
            ));
        }
        if data.t_test.nrows() != data.x_test.nrows() {
            return Err(SpecError::new("t_test", "must have as many rows as x_test"));
        }
    }
    crate::spec::features::apply(spec, &mut data)?;
    if spec.layers.is_empty() || spec.layers.len() > MAX_LAYERS {
        return Err(SpecError::new(
            "layers",
            format!(
                "has {} entries; 1 to {MAX_LAYERS} are allowed",
                spec.layers.len()
            ),
        ));
    }
    let mut width = data.x.ncols();
    let mut layers = Vec::with_capacity(spec.layers.len());
    for (i, l) in spec.layers.iter().enumerate() {
        let layer = match l {
            LayerSpec::Affine { w, b } => {
                let w = matrix(&format!("layers[{i}].W"), w, 1, MAX_WIDTH)?;
                if w.nrows() != width {
                    return Err(SpecError::new(
                        format!("layers[{i}] (affine)"),
                        format!(
                            "W is {}×{} but its input has width {width}",
                            w.nrows(),
                            w.ncols()
                        ),
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
            format!(
                "the network's output has width {width} but t has width {}",
                data.t.ncols()
            ),
        ));
    }
    let (loss, penalty) = loss_and_penalty(spec, &data)?;
    if !(1..=MAX_TRACE_STEPS).contains(&spec.steps) {
        return Err(SpecError::new(
            "steps",
            format!("must be from 1 to {MAX_TRACE_STEPS}, got {}", spec.steps),
        ));
    }
    if spec.batch_size == Some(0) {
        return Err(SpecError::new("batch_size", "must be at least 1"));
    }
    let kind = optimizer(spec.optimizer)?;
    Ok((data, Network::with_loss(layers, loss, penalty), kind))
}

/// The spec's loss (its targets fit for it: for softmax, one-hot rows of at least 2 classes) and
/// its penalty on the weights (a known type, a finite rate ≥ 0).
fn loss_and_penalty(spec: &Spec, data: &Dataset) -> Result<(LossKind, Option<Penalty>), SpecError> {
    let loss = LossKind::parse(&spec.loss).ok_or_else(|| {
        let msg = format!(
            "unknown loss `{}`, expected one of {}",
            spec.loss,
            LossKind::names()
        );
        SpecError::new("loss", msg)
    })?;
    if loss == LossKind::SoftmaxCrossEntropy {
        if data.t.ncols() < 2 {
            let msg = format!(
                "softmax_cross_entropy needs one-hot rows of at least 2 classes; t has width {}",
                data.t.ncols()
            );
            return Err(SpecError::new("t", msg));
        }
        for (field, t) in [("t", &data.t), ("t_test", &data.t_test)] {
            let bad = t.row_iter().position(|r| {
                r.iter().any(|&v| v != 0.0 && v != 1.0)
                    || r.iter().filter(|&&v| v == 1.0).count() != 1
            });
            if let Some(r) = bad {
                let msg = "is not one-hot (one 1, the rest 0), as softmax_cross_entropy needs";
                return Err(SpecError::new(format!("{field}[{r}]"), msg));
            }
        }
    }
    let penalty = match &spec.regularization {
        None => None,
        Some(r) => {
            let kind = PenaltyKind::parse(&r.kind).ok_or_else(|| {
                let msg = format!(
                    "unknown type `{}`, expected one of {}",
                    r.kind,
                    PenaltyKind::names()
                );
                SpecError::new("regularization.type", msg)
            })?;
            if !(r.rate.is_finite() && r.rate >= 0.0) {
                return Err(SpecError::new(
                    "regularization.rate",
                    "must be a finite number ≥ 0",
                ));
            }
            Some(Penalty { kind, rate: r.rate })
        }
    };
    Ok((loss, penalty))
}

/// Checks an optimizer's hyper-parameters.
///
/// Messages name the field but do not repeat a float value: the value is the user's own
/// input, and formatting floats would add about 20 KB to the page's wasm.
pub fn optimizer(o: OptimizerSpec) -> Result<OptimizerKind, SpecError> {
    let positive = |name: &str, v: f64| {
        if v.is_finite() && v > 0.0 {
            Ok(())
        } else {
            Err(SpecError::new(
                format!("optimizer.{name}"),
                "must be a positive number",
            ))
        }
    };
    let unit = |name: &str, v: f64| {
        if (0.0..1.0).contains(&v) {
            Ok(())
        } else {
            Err(SpecError::new(
                format!("optimizer.{name}"),
                "must be in [0, 1)",
            ))
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
        OptimizerSpec::Adam {
            lr,
            beta1,
            beta2,
            eps,
        } => {
            positive("lr", lr)?;
            unit("beta1", beta1)?;
            unit("beta2", beta2)?;
            positive("eps", eps)?;
            OptimizerKind::Adam {
                lr,
                beta1,
                beta2,
                eps,
            }
        }
    })
}

fn finite(field: &str, row: &[f32]) -> Result<(), SpecError> {
    match row.iter().position(|v| !v.is_finite()) {
        Some(j) => Err(SpecError::new(
            format!("{field}[{j}]"),
            "is outside the range of a 32-bit float",
        )),
        None => Ok(()),
    }
}

/// Nested rows into a matrix: not empty, not ragged, at most `max_rows` rows and `MAX_WIDTH`
/// columns, every value finite as an f32.
fn matrix(
    field: &str,
    rows: &[Vec<f32>],
    min_rows: usize,
    max_rows: usize,
) -> Result<DMatrix<f32>, SpecError> {
    if rows.len() < min_rows {
        return Err(SpecError::new(
            field,
            "is empty; at least one row is needed",
        ));
    }
    if rows.len() > max_rows {
        return Err(SpecError::new(
            field,
            format!("has {} rows; at most {max_rows} are allowed", rows.len()),
        ));
    }
    let w = rows[0].len();
    if w == 0 || w > MAX_WIDTH {
        return Err(SpecError::new(
            format!("{field}[0]"),
            format!("has {w} values; 1 to {MAX_WIDTH} are allowed"),
        ));
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
