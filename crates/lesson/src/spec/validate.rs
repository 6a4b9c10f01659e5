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
use backstep_nn::message::Msg;
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
            Msg::RowsBut {
                n: t.nrows(),
                other: "x".into(),
                m: x.nrows(),
            },
        ));
    }
    let mut data = Dataset::train_only(x, t);
    if !spec.x_test.is_empty() || !spec.t_test.is_empty() {
        data.x_test = matrix("x_test", &spec.x_test, 1, MAX_SAMPLES)?;
        data.t_test = matrix("t_test", &spec.t_test, 1, MAX_SAMPLES)?;
        if data.x_test.ncols() != data.x.ncols() || data.t_test.ncols() != data.t.ncols() {
            return Err(SpecError::new("x_test", Msg::TestWidths));
        }
        if data.t_test.nrows() != data.x_test.nrows() {
            return Err(SpecError::new("t_test", Msg::TestRows));
        }
    }
    crate::spec::features::apply(spec, &mut data)?;
    if spec.layers.is_empty() || spec.layers.len() > MAX_LAYERS {
        return Err(SpecError::new(
            "layers",
            Msg::CountRange {
                n: spec.layers.len(),
                what: "entries",
                max: MAX_LAYERS,
            },
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
                        Msg::WShape {
                            r: w.nrows(),
                            c: w.ncols(),
                            width,
                        },
                    ));
                }
                if b.len() != w.ncols() {
                    return Err(SpecError::new(
                        format!("layers[{i}] (affine)"),
                        Msg::BiasLen {
                            n: b.len(),
                            cols: w.ncols(),
                        },
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
            Msg::OutputWidth {
                width,
                t: data.t.ncols(),
            },
        ));
    }
    let (loss, penalty) = loss_and_penalty(spec, &data)?;
    if !(1..=MAX_TRACE_STEPS).contains(&spec.steps) {
        return Err(SpecError::new(
            "steps",
            Msg::RangeGot {
                min: 1,
                max: MAX_TRACE_STEPS,
                got: spec.steps,
            },
        ));
    }
    if spec.batch_size == Some(0) {
        return Err(SpecError::new("batch_size", Msg::AtLeastOne));
    }
    let kind = optimizer(spec.optimizer)?;
    Ok((data, Network::with_loss(layers, loss, penalty), kind))
}

/// The spec's loss (its targets fit for it: for softmax, one-hot rows of at least 2 classes) and
/// its penalty on the weights (a known type, a finite rate ≥ 0).
fn loss_and_penalty(spec: &Spec, data: &Dataset) -> Result<(LossKind, Option<Penalty>), SpecError> {
    let loss = LossKind::parse(&spec.loss).ok_or_else(|| {
        let (got, allowed) = (spec.loss.clone(), LossKind::names());
        SpecError::new("loss", Msg::UnknownLoss { got, allowed })
    })?;
    if loss == LossKind::SoftmaxCrossEntropy {
        if data.t.ncols() < 2 {
            let width = data.t.ncols();
            return Err(SpecError::new("t", Msg::SoftmaxWidth { width }));
        }
        for (field, t) in [("t", &data.t), ("t_test", &data.t_test)] {
            let bad = t.row_iter().position(|r| {
                r.iter().any(|&v| v != 0.0 && v != 1.0)
                    || r.iter().filter(|&&v| v == 1.0).count() != 1
            });
            if let Some(r) = bad {
                return Err(SpecError::new(format!("{field}[{r}]"), Msg::NotOneHot));
            }
        }
    }
    let penalty = match &spec.regularization {
        None => None,
        Some(r) => {
            let kind = PenaltyKind::parse(&r.kind).ok_or_else(|| {
                crate::spec::read::unknown_type("regularization", &r.kind, &PenaltyKind::names())
            })?;
            if !(r.rate.is_finite() && r.rate >= 0.0) {
                return Err(SpecError::new(
                    "regularization.rate",
                    Msg::FiniteNonNegative,
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
            Err(SpecError::new(format!("optimizer.{name}"), Msg::Positive))
        }
    };
    let unit = |name: &str, v: f64| {
        if (0.0..1.0).contains(&v) {
            Ok(())
        } else {
            Err(SpecError::new(
                format!("optimizer.{name}"),
                Msg::UnitInterval,
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
        Some(j) => Err(SpecError::new(format!("{field}[{j}]"), Msg::F32Range)),
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
        return Err(SpecError::new(field, Msg::Empty));
    }
    if rows.len() > max_rows {
        return Err(SpecError::new(
            field,
            Msg::TooMany {
                n: rows.len(),
                what: "rows",
                max: max_rows,
            },
        ));
    }
    let w = rows[0].len();
    if w == 0 || w > MAX_WIDTH {
        return Err(SpecError::new(
            format!("{field}[0]"),
            Msg::CountRange {
                n: w,
                what: "values",
                max: MAX_WIDTH,
            },
        ));
    }
    for (r, row) in rows.iter().enumerate() {
        if row.len() != w {
            return Err(SpecError::new(
                format!("{field}[{r}]"),
                Msg::ValuesBut {
                    n: row.len(),
                    other: format!("{field}[0]"),
                    m: w,
                },
            ));
        }
        finite(&format!("{field}[{r}]"), row)?;
    }
    let flat: Vec<f32> = rows.iter().flatten().copied().collect();
    Ok(DMatrix::from_row_slice(rows.len(), w, &flat))
}
