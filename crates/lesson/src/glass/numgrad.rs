//! The gradient check at a session's current state: the library's own backward pass run in f64
//! against central finite differences of the loss, for every entry of every dW and db.
//!
//! # What is compared
//! The session's current parameters (exactly, widened to f64) build a [`Network<f64>`]. On the
//! batch the next step trains on (the batch in progress when a step is half done; the whole
//! training set for the full batch), its forward, loss and backward give the analytic gradient;
//! each parameter p is then moved to p ± h and the loss recomputed, giving the numeric gradient
//! (L(p + h) − L(p − h)) / 2h with h = [`H`].
//!
//! # Verdict
//! An entry agrees when `|analytic − numeric| ≤ `[`ATOL`]` + `[`RTOL`]` · |numeric|` (the form
//! and the defaults of PyTorch's `gradcheck`): a relative error alone calls two gradients of
//! 1e-7 that differ by 5e-7 a disagreement, though both are rounding-sized. An entry outside
//! the tolerance is at a kink (not a disagreement) when a move of it changes which units a ReLU
//! blocks, or when some ReLU input of the batch lies within h of 0: there the loss has no
//! derivative the difference could measure. Otherwise it disagrees; `ok` is true when none does.
//! The relative error `|analytic − numeric| / max(|analytic|, |numeric|, floor)`, with
//! `floor = `[`FLOOR`]` · max(1, L)`, is reported beside it.
//!
//! # ReLU kinks
//! ReLU has no derivative at 0; the library takes the left one (a unit with z ≤ 0 is blocked),
//! and z is exactly 0 wherever an input row and the bias are 0 (the article's first XOR sample
//! at step 0). When the move to p + h changes which units some ReLU blocks and the move to
//! p − h does not, the backward difference (L(p) − L(p − h)) / h is used, and the other way
//! round; when both moves change a mask, the entry is marked as a kink and left out of the
//! maximum.
//!
//! # Cost
//! One forward and backward pass, then two forward passes (plus the loss) per parameter, each
//! over the batch. The page's largest net, 2-16-16-16-16-1 (881 parameters), on its largest full
//! batch (500 samples) is 1762 forward passes of about 0.45 million multiply-adds each, about
//! 0.8 billion in all: 1.4 s in a native release build on a shared 2-core machine (measured
//! once with `cargo test --release --test numgrad`; not a benchmark). A mini-batch of 10 costs
//! 50 times less. [`gradcheck_at_most`] bounds the number of entries checked.

use crate::cycle::Session;
use backstep_nn::activation::{Act, Activation};
use backstep_nn::affine::Affine;
use backstep_nn::layer::Layer;
use backstep_nn::network::Network;
use backstep_nn::real::Real;
use nalgebra::DMatrix;
use serde::Serialize;

/// The finite-difference step.
pub const H: f64 = 1e-6;
/// The floor of the relative error's denominator, per unit of loss.
pub const FLOOR: f64 = 1e-6;
/// The absolute tolerance (PyTorch's `gradcheck` default).
pub const ATOL: f64 = 1e-5;
/// The relative tolerance (PyTorch's `gradcheck` default).
pub const RTOL: f64 = 1e-3;

/// What the check says of one entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Within the tolerance.
    Agree,
    /// Outside it, with no kink nearby: a wrong gradient.
    Disagree,
    /// Outside it at a ReLU kink, where the loss has no derivative to measure.
    Kink,
}

/// One checked parameter entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradEntry {
    /// The affine layer's index in the spec's `layers`.
    pub layer: usize,
    /// `"W"` or `"b"`.
    pub param: &'static str,
    /// Row of the entry (always 0 for b).
    pub row: usize,
    /// Column of the entry.
    pub col: usize,
    /// dL/dp from backpropagation in f64.
    pub analytic: f64,
    /// dL/dp from the central difference.
    pub numeric: f64,
    /// `|analytic − numeric| / max(|analytic|, |numeric|, floor)`.
    pub rel_err: f64,
    /// True when both moves of this parameter change some ReLU's mask: the loss has a kink
    /// within ±h, no difference measures the derivative, and `rel_err` is left out of the
    /// maximum.
    pub kink: bool,
    /// The verdict (see the module documentation).
    pub status: Status,
}

/// The result of a gradient check.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradCheck {
    /// The largest relative error over the checked entries that are not at a kink (0 when there
    /// are none).
    pub max_rel_err: f64,
    /// How many checked entries are outside the tolerance at a ReLU kink ([`Status::Kink`]).
    pub kinks: usize,
    /// True when no checked entry disagrees.
    pub ok: bool,
    /// True when some ReLU input of the checked batch lies within h of 0.
    pub near_kink: bool,
    /// The tolerance: [`ATOL`] and [`RTOL`].
    pub atol: f64,
    /// See `atol`.
    pub rtol: f64,
    /// The loss (in f64) at the current parameters on the checked batch.
    pub loss: f64,
    /// The finite-difference step used ([`H`]).
    pub h: f64,
    /// The floor of the relative error's denominator for this loss.
    pub floor: f64,
    /// The dataset rows of the checked batch, in order.
    pub batch: Vec<usize>,
    /// Every parameter entry in the model, whether checked or not.
    pub parameters: usize,
    /// Forward passes run (including the one before backpropagation).
    pub forward_passes: usize,
    /// The checked entries: layer by layer, W in row-major order then b.
    pub entries: Vec<GradEntry>,
}

/// The gradient check of every parameter entry; see the module documentation.
pub fn gradcheck<T: Real>(s: &Session<T>) -> GradCheck {
    gradcheck_at_most(s, usize::MAX)
}

/// The gradient check of at most `limit` parameter entries, spread evenly over the whole list
/// (layer by layer, W row-major then b); the first and the last entry are always among them when
/// `limit` ≥ 2.
pub fn gradcheck_at_most<T: Real>(s: &Session<T>, limit: usize) -> GradCheck {
    let batch = s.batcher().current().to_vec();
    let x = rows_of(s.x(), &batch);
    let t = rows_of(s.t(), &batch);
    let mut net = widen(s.network());
    let loss = net.forward_loss(&x, &t);
    net.backward();
    let masks = relu_masks(&net);
    let near_kink = relu_inputs_near_zero(&net);
    // Every parameter entry as (layer, is b, row, col), in the order the result lists them.
    let mut all = Vec::new();
    for (i, l) in net.layers().iter().enumerate() {
        if let Some(a) = l.as_affine() {
            let (r, c) = a.w().shape();
            all.extend((0..r).flat_map(|row| (0..c).map(move |col| (i, false, row, col))));
            all.extend((0..c).map(|col| (i, true, 0, col)));
        }
    }
    let parameters = all.len();
    let picked = spread(parameters, limit);
    let floor = FLOOR * loss.abs().max(1.0);
    let mut entries = Vec::with_capacity(picked.len());
    for k in picked {
        let (layer, is_b, row, col) = all[k];
        let (analytic, base) = net.layers()[layer].as_affine().map_or((0.0, 0.0), |a| {
            let (g, p) = if is_b {
                (a.db(), a.b())
            } else {
                (a.dw(), a.w())
            };
            (g[(row, col)], p[(row, col)])
        });
        set(&mut net, layer, is_b, row, col, base + H);
        let up = net.forward_loss(&x, &t);
        let up_same = same_masks(&net, &masks);
        set(&mut net, layer, is_b, row, col, base - H);
        let down = net.forward_loss(&x, &t);
        let down_same = same_masks(&net, &masks);
        set(&mut net, layer, is_b, row, col, base);
        // Where a move crosses a ReLU kink, the other side's one-sided difference is used.
        let crossed = !(up_same && down_same);
        let (numeric, kink) = match (up_same, down_same) {
            (true, true) => ((up - down) / (2.0 * H), false),
            (false, true) => ((loss - down) / H, false),
            (true, false) => ((up - loss) / H, false),
            (false, false) => ((up - down) / (2.0 * H), true),
        };
        let rel_err = (analytic - numeric).abs() / analytic.abs().max(numeric.abs()).max(floor);
        let status = if (analytic - numeric).abs() <= ATOL + RTOL * numeric.abs() {
            Status::Agree
        } else if crossed {
            Status::Kink
        } else {
            Status::Disagree
        };
        entries.push(GradEntry {
            layer,
            param: if is_b { "b" } else { "W" },
            row,
            col,
            analytic,
            numeric,
            rel_err,
            kink,
            status,
        });
    }
    GradCheck {
        max_rel_err: entries
            .iter()
            .filter(|e| !e.kink)
            .map(|e| e.rel_err)
            .fold(0.0, f64::max),
        kinks: entries.iter().filter(|e| e.status == Status::Kink).count(),
        ok: entries.iter().all(|e| e.status != Status::Disagree),
        near_kink,
        atol: ATOL,
        rtol: RTOL,
        loss,
        h: H,
        floor,
        batch,
        parameters,
        forward_passes: 1 + 2 * entries.len(),
        entries,
    }
}

/// `count` indices out of `0..n`, evenly spaced, first and last included (all of them when
/// `count` ≥ `n`).
fn spread(n: usize, count: usize) -> Vec<usize> {
    match count {
        _ if count >= n => (0..n).collect(),
        0 => Vec::new(),
        1 => vec![0],
        // In u64: on wasm32 the product could overflow a usize.
        _ => (0..count as u64)
            .map(|k| (k * (n as u64 - 1) / (count as u64 - 1)) as usize)
            .collect(),
    }
}

fn set(net: &mut Network<f64>, layer: usize, is_b: bool, row: usize, col: usize, v: f64) {
    if let Layer::Affine(a) = &mut net.layers_mut()[layer] {
        let p = if is_b { a.b_mut() } else { a.w_mut() };
        p[(row, col)] = v;
    }
}

/// The masks of every ReLU layer after the last forward pass.
fn relu_masks(net: &Network<f64>) -> Vec<DMatrix<u8>> {
    net.layers()
        .iter()
        .filter_map(|l| l.as_act().filter(|a| a.act() == Act::Relu))
        .map(|a| a.mask().clone())
        .collect()
}

/// True when some ReLU's input (the layer before it's output, after the last forward pass) lies
/// within [`H`] of 0 for some sample.
fn relu_inputs_near_zero(net: &Network<f64>) -> bool {
    let layers = net.layers();
    (1..layers.len())
        .filter(|&i| layers[i].act() == Some(Act::Relu))
        .any(|i| layers[i - 1].y().iter().any(|z| z.abs() <= H))
}

/// True when every ReLU of `net` blocks the same units as in `masks`.
fn same_masks(net: &Network<f64>, masks: &[DMatrix<u8>]) -> bool {
    net.layers()
        .iter()
        .filter_map(|l| l.as_act().filter(|a| a.act() == Act::Relu))
        .zip(masks)
        .all(|(a, m)| a.mask() == m)
}

/// The rows `idx` of `m`, widened to f64.
fn rows_of<T: Real>(m: &DMatrix<T>, idx: &[usize]) -> DMatrix<f64> {
    DMatrix::from_fn(idx.len(), m.ncols(), |r, c| m[(idx[r], c)].f64())
}

/// An f64 copy of `net`'s layers with its current parameters (exact: every f32 is an f64), its
/// loss and its penalty on the weights.
pub fn widen<T: Real>(net: &Network<T>) -> Network<f64> {
    let layers = net
        .layers()
        .iter()
        .map(|l| match l {
            Layer::Affine(a) => {
                Layer::Affine(Affine::new(a.w().map(Real::f64), a.b().map(Real::f64)))
            }
            Layer::Act(act) => Layer::Act(Activation::new(act.act(), act.y().ncols())),
        })
        .collect();
    Network::with_loss(layers, net.loss().kind(), net.penalty())
}
