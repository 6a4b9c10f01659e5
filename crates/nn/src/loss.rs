//! The losses, each value beside its derivative, summed over every sample of the batch:
//!
//! - `mse` (the article's): L = 0.5 · Σ (y − t)²; dL/dy = y − t.
//! - `softmax_cross_entropy`: p = softmax(y) row by row, L = −Σᵢ Σⱼ tᵢⱼ · log pᵢⱼ (t one-hot, or
//!   any rows of class weights); dL/dy = p − t. Computed stably: with m the row's largest logit
//!   and lse = m + log Σⱼ e^(yⱼ − m), pⱼ = e^(yⱼ − m) / Σ e^(yₖ − m) and −log pⱼ = lse − yⱼ, so no
//!   exponential overflows.
//!
//! # Shapes
//! y, t, dy, p: batch × out; L is a scalar.
//!
//! The loss phase computes L and dL/dy together (one pass over y and t), so y and t need no copy:
//! they are the network's output and the batch's targets. The network's outputs stay the logits;
//! p is kept as its own readable intermediate.

use crate::matmul::fit;
use crate::real::Real;
use nalgebra::DMatrix;

/// Which loss: the one place their names live (the reader, the settings and the CLI list them
/// from [`LossKind::ALL`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LossKind {
    /// 0.5 · Σ (y − t)².
    #[default]
    Mse,
    /// −Σ t · log softmax(y).
    SoftmaxCrossEntropy,
}

impl LossKind {
    /// Every loss, in menu order.
    pub const ALL: [LossKind; 2] = [LossKind::Mse, LossKind::SoftmaxCrossEntropy];

    /// The spec's name.
    pub fn name(self) -> &'static str {
        match self {
            LossKind::Mse => "mse",
            LossKind::SoftmaxCrossEntropy => "softmax_cross_entropy",
        }
    }
    /// The loss named `name`, if any.
    pub fn parse(name: &str) -> Option<LossKind> {
        LossKind::ALL.into_iter().find(|k| k.name() == name)
    }
    /// Every name, for messages: `` `mse`, `softmax_cross_entropy` ``.
    pub fn names() -> String {
        let names: Vec<String> = LossKind::ALL
            .iter()
            .map(|k| format!("`{}`", k.name()))
            .collect();
        names.join(", ")
    }
    /// Whether a finite loss, from finite outputs and targets, means a finite dL/dy, so that
    /// a check of dL/dy after the loss's own would never find anything. `mse`: dL/dy is the
    /// y − t whose squares the loss sums, and a sum of squares with a non-finite term is not
    /// finite (a penalty on the weights only adds a value ≥ 0). Cross-entropy: p − t, with
    /// p = softmax(y) in [0, 1] (the largest logit subtracted first). A new loss says here
    /// whether the same holds for it.
    pub fn finite_loss_means_finite_dy(self) -> bool {
        match self {
            LossKind::Mse | LossKind::SoftmaxCrossEntropy => true,
        }
    }
    /// The value alone, summed over the rows of `y` and `t` (for whole-set measures).
    pub fn value<T: Real>(self, y: &DMatrix<T>, t: &DMatrix<T>) -> T {
        match self {
            LossKind::Mse => mse_value(y, t),
            LossKind::SoftmaxCrossEntropy => cross_entropy(y, t, None),
        }
    }
}

/// A loss with its cache: the value, dL/dy and (softmax only) p.
#[derive(Clone, Debug)]
pub struct Loss<T: Real> {
    kind: LossKind,
    dy: DMatrix<T>,
    p: DMatrix<T>,
    value: T,
}

/// 0.5 · Σ (y − t)², summed in storage order.
pub fn mse_value<T: Real>(y: &DMatrix<T>, t: &DMatrix<T>) -> T {
    let mut s = T::zero();
    for (&a, &b) in y.as_slice().iter().zip(t.as_slice()) {
        let d = a - b;
        s += d * d;
    }
    T::of(0.5) * s
}

/// −Σ t · log softmax(y), row by row with the row's largest logit subtracted; with `out`, also
/// writes p = softmax(y) into its first matrix and p − t into its second (both sized as y).
fn cross_entropy<T: Real>(
    y: &DMatrix<T>,
    t: &DMatrix<T>,
    mut out: Option<(&mut DMatrix<T>, &mut DMatrix<T>)>,
) -> T {
    let (n, k) = y.shape();
    let mut total = T::zero();
    for r in 0..n {
        let (m, s) = shifted_exp_sum(y, r);
        let lse = m + s.ln_m();
        for j in 0..k {
            let tj = t[(r, j)];
            if tj != T::zero() {
                total += tj * (lse - y[(r, j)]);
            }
            if let Some((p, dy)) = out.as_mut() {
                let pj = (y[(r, j)] - m).exp_m() / s;
                p[(r, j)] = pj;
                dy[(r, j)] = pj - tj;
            }
        }
    }
    total
}

impl<T: Real> Default for Loss<T> {
    fn default() -> Self {
        Loss::new(LossKind::Mse)
    }
}

impl<T: Real> Loss<T> {
    /// An empty cache for `kind`.
    pub fn new(kind: LossKind) -> Self {
        Loss {
            kind,
            dy: DMatrix::zeros(0, 0),
            p: DMatrix::zeros(0, 0),
            value: T::zero(),
        }
    }

    /// Which loss this is.
    pub fn kind(&self) -> LossKind {
        self.kind
    }

    /// Computes and keeps the loss and dL/dy (and p for softmax); returns the loss.
    pub fn forward(&mut self, y: &DMatrix<T>, t: &DMatrix<T>) -> T {
        let (n, w) = y.shape();
        fit(&mut self.dy, n, w);
        self.value = match self.kind {
            LossKind::Mse => {
                let mut s = T::zero();
                for ((d, &a), &b) in self
                    .dy
                    .as_mut_slice()
                    .iter_mut()
                    .zip(y.as_slice())
                    .zip(t.as_slice())
                {
                    *d = a - b;
                    s += *d * *d;
                }
                T::of(0.5) * s
            }
            LossKind::SoftmaxCrossEntropy => {
                fit(&mut self.p, n, w);
                cross_entropy(y, t, Some((&mut self.p, &mut self.dy)))
            }
        };
        self.value
    }

    /// dL/dy from the last forward (y − t, or p − t): the start of the backward pass.
    pub fn backward(&self) -> &DMatrix<T> {
        &self.dy
    }

    /// The last loss value (the data's part, without a penalty on the weights).
    pub fn value(&self) -> T {
        self.value
    }
    /// The last dL/dy.
    pub fn dy(&self) -> &DMatrix<T> {
        &self.dy
    }
    /// The last p = softmax(y), batch × out (empty, 0 × 0, for `mse`).
    pub fn probabilities(&self) -> &DMatrix<T> {
        &self.p
    }
}

/// p = softmax(y) row by row into `p` (sized as y), as the loss phase computes it (the same
/// steps, so the same bits): for the page's grid, whose outputs are logits.
pub fn softmax_into<T: Real>(p: &mut DMatrix<T>, y: &DMatrix<T>) {
    let (n, k) = y.shape();
    fit(p, n, k);
    for r in 0..n {
        let (m, s) = shifted_exp_sum(y, r);
        for j in 0..k {
            p[(r, j)] = (y[(r, j)] - m).exp_m() / s;
        }
    }
}

/// Row r's largest value m and Σⱼ exp(yⱼ − m): the stable softmax's shift and denominator, one
/// computation for the loss phase and the grid (so both give the same bits).
fn shifted_exp_sum<T: Real>(y: &DMatrix<T>, r: usize) -> (T, T) {
    let k = y.ncols();
    let mut m = y[(r, 0)];
    for j in 1..k {
        m = m.max(y[(r, j)]);
    }
    let mut s = T::zero();
    for j in 0..k {
        s += (y[(r, j)] - m).exp_m();
    }
    (m, s)
}

/// The row's class: the index of its largest value (the first of equals).
pub fn argmax<T: Real>(m: &DMatrix<T>, r: usize) -> usize {
    let mut best = 0;
    for j in 1..m.ncols() {
        if m[(r, j)] > m[(r, best)] {
            best = j;
        }
    }
    best
}
