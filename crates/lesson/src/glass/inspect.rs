//! One neuron under the glass: for a unit of an affine layer and a sample of the batch, its
//! weighted sum term by term, its activation, and the gradients the backward pass has produced
//! for it so far in the current cycle.
//!
//! # Which values
//! Everything comes from the step in progress, or between steps from the step just completed.
//! The weights in `terms` and `b` are those that forward pass used: after the update they are
//! W and b from before it (the updated values are in `updated`).
//!
//! Stored values (read from the layers' caches, the same bits as `trace::record`): `z`, `a`,
//! `x` and `w` of every term, `b`, `dz`, `da`, `batch_dw`, `batch_db`, `updated`.
//! Recomputed here: `dw` (this sample's share x·dz, one f32 product per input) and `db` (= dz).
//! The sum of `terms` plus `b` equals `z` up to the order of the additions (the library's
//! product may sum in another order); the sum of `dw` over the batch's samples equals
//! `batch_dw` in the same sense.

use crate::cycle::{MicroStep, Session};
use backstep_nn::error::SpecError;
use backstep_nn::layer::Layer;
use backstep_nn::message::Msg;
use serde::Serialize;

/// One product of the weighted sum.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The weight from input i to the unit.
    pub w: f32,
    /// Input i for the sample.
    pub x: f32,
}

/// The unit's parameters after the update.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Updated {
    /// The incoming weights (column `unit` of W).
    pub w: Vec<f32>,
    /// The bias.
    pub b: f32,
}

/// A neuron's values for one sample; see the module documentation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Neuron {
    /// The affine layer's index in the spec's `layers`.
    pub layer: usize,
    /// The unit (column of W).
    pub unit: usize,
    /// The sample's row in the batch.
    pub sample: usize,
    /// The sample's row in the training set.
    pub row: usize,
    /// The step these values belong to (1-based).
    pub step: u64,
    /// The activation after the layer (`relu`, `sigmoid`, `tanh`), if any.
    pub act: Option<&'static str>,
    /// z = Σ terms (w·x, inputs in order) + b.
    pub z: f32,
    /// The bias.
    pub b: f32,
    /// The products of the weighted sum, in input order.
    pub terms: Vec<Term>,
    /// The activation's output for z (z itself when no activation follows); absent until the
    /// forward pass has run the activation.
    pub a: Option<f32>,
    /// dL/da; absent until the backward pass has produced it.
    pub da: Option<f32>,
    /// dL/dz; absent until the backward pass has produced it.
    pub dz: Option<f32>,
    /// This sample's share of dL/dW for the unit's weights: x·dz per input.
    pub dw: Option<Vec<f32>>,
    /// This sample's share of dL/db: dz.
    pub db: Option<f32>,
    /// dL/dW for the unit's weights over the whole batch (column `unit` of dW); absent until
    /// the backward pass has run the layer.
    pub batch_dw: Option<Vec<f32>>,
    /// dL/db for the unit over the whole batch.
    pub batch_db: Option<f32>,
    /// The unit's parameters after this step's update, once it has run.
    pub updated: Option<Updated>,
}

/// The order of micro-steps in one cycle of a network with `n` layers.
fn position(ms: MicroStep, n: usize) -> usize {
    match ms {
        MicroStep::Forward(i) => i,
        MicroStep::Loss => n,
        MicroStep::Backward(i) => n + n - i,
        MicroStep::Update => 2 * n + 1,
    }
}

/// Whether micro-step `ms` has run in the step under way (or in the one just finished, while
/// its last micro-step is still the latest): what the page may show as computed.
pub fn has_run(s: &Session<f32>, ms: MicroStep) -> bool {
    let n = s.network().layers().len();
    s.last()
        .is_some_and(|last| position(ms, n) <= position(last, n))
}

/// Unit `unit` of the affine layer `layer` for row `sample` of the batch; an error names the
/// argument that does not fit, or says that the forward pass has not reached the layer yet in
/// this cycle.
pub fn inspect(
    s: &Session<f32>,
    layer: usize,
    unit: usize,
    sample: usize,
) -> Result<Neuron, SpecError> {
    let net = s.network();
    let layers = net.layers();
    let n = layers.len();
    let aff = layers
        .get(layer)
        .ok_or_else(|| SpecError::new("layer", Msg::NoLayer { layer, n }))?
        .as_affine()
        .ok_or_else(|| SpecError::new("layer", Msg::LayerNotAffine { layer }))?;
    if unit >= aff.fan_out() {
        let msg = Msg::NoUnit {
            unit,
            n: aff.fan_out(),
        };
        return Err(SpecError::new("unit", msg));
    }
    let done = |ms: MicroStep| has_run(s, ms);
    if !done(MicroStep::Forward(layer)) {
        let msg = Msg::NotReached { layer };
        return Err(SpecError::new("layer", msg));
    }
    let rows = aff.x().nrows();
    if sample >= rows {
        let msg = Msg::NoSample { sample, rows };
        return Err(SpecError::new("sample", msg));
    }
    let updated = done(MicroStep::Update);
    let (w, b) = if updated {
        (aff.w_before(), aff.b_before())
    } else {
        (aff.w(), aff.b())
    };
    let terms: Vec<Term> = (0..aff.fan_in())
        .map(|i| Term {
            w: w[(i, unit)],
            x: aff.x()[(sample, i)],
        })
        .collect();
    let z = aff.y()[(sample, unit)];
    let next_act = layers.get(layer + 1).and_then(Layer::as_act);
    // The layer whose output is a: the activation, or the affine layer itself.
    let out = if next_act.is_some() { layer + 1 } else { layer };
    let a = done(MicroStep::Forward(out)).then(|| layers[out].y()[(sample, unit)]);
    // A layer's incoming gradient is ready once the layer after it has run backward (or, for
    // the last layer, once the loss has run).
    let grad_into = |i: usize| {
        let ready = if i + 1 == n {
            done(MicroStep::Loss)
        } else {
            done(MicroStep::Backward(i + 1))
        };
        ready.then(|| net.dout(i)[(sample, unit)])
    };
    let dz = grad_into(layer);
    let ran_backward = done(MicroStep::Backward(layer));
    Ok(Neuron {
        layer,
        unit,
        sample,
        row: s.batch().get(sample).copied().unwrap_or(sample),
        step: if s.is_between_steps() {
            s.steps()
        } else {
            s.steps() + 1
        },
        act: next_act.map(|a| a.act().name()),
        z,
        b: b[(0, unit)],
        da: grad_into(out),
        dz,
        dw: dz.map(|d| terms.iter().map(|t| t.x * d).collect()),
        db: dz,
        terms,
        a,
        batch_dw: ran_backward.then(|| aff.dw().column(unit).iter().copied().collect()),
        batch_db: ran_backward.then(|| aff.db()[(0, unit)]),
        updated: updated.then(|| Updated {
            w: aff.w().column(unit).iter().copied().collect(),
            b: aff.b()[(0, unit)],
        }),
    })
}
