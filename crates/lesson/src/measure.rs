//! What a run's parameters score on whole sets, after each step: the training and the test loss
//! on the same footing (the mean per sample over the whole set, (1/n)·Σᵢ ½‖yᵢ − tᵢ‖²) and, for a
//! 2-class task, the accuracy on the training and the test points; plus which step's batch loss
//! the session's loss is. [`curves::Curves`] keeps them per step for the timeline.
//!
//! A task is 2-class when its targets have one column and take exactly two values on a training
//! set of at least three points (0 and 1 for the class data sets; AND, OR and NAND, whose one
//! class has a single point; not the article's 2-sample regression, whose two targets differ).
//! The decision threshold is their midpoint, and a point counts as right when its output and its
//! target lie on the same side of it (an output exactly on the threshold counts as the higher
//! class: y ≥ 0.5 counts as 1). Under softmax cross-entropy (one-hot targets) a point is right
//! when its largest output is its target's class, and the loss is that loss's mean per sample.

pub mod curves;
pub(crate) mod pending;

use crate::cycle::{MicroStep, Session};
use backstep_nn::loss::{LossKind, argmax};
use nalgebra::DMatrix;

/// The two target values of a 2-class task (lower, higher), or `None` if `t` has more than one
/// column, fewer than three rows, or does not take exactly two (finite) values.
pub fn classes(t: &DMatrix<f32>) -> Option<(f32, f32)> {
    if t.ncols() != 1 {
        return None;
    }
    let mut seen: Option<(f32, f32)> = None;
    for &v in t.iter() {
        if !v.is_finite() {
            return None;
        }
        seen = match seen {
            None => Some((v, v)),
            Some((lo, hi)) if v == lo || v == hi => Some((lo, hi)),
            Some((lo, hi)) if lo == hi => Some((lo.min(v), hi.max(v))),
            Some(_) => return None,
        };
    }
    seen.filter(|&(lo, hi)| lo < hi && t.nrows() >= 3)
}

/// The decision threshold of a 2-class task: the midpoint of its two target values.
pub fn threshold(t: &DMatrix<f32>) -> Option<f32> {
    classes(t).map(|(lo, hi)| lo + (hi - lo) / 2.0)
}

/// How many rows have their output `y` (first column) on the same side of `mid` as their
/// target `t` (y ≥ mid on the higher side).
pub fn correct(y: &DMatrix<f32>, t: &DMatrix<f32>, mid: f32) -> usize {
    (0..t.nrows().min(y.nrows()))
        .filter(|&r| (y[(r, 0)] >= mid) == (t[(r, 0)] >= mid))
        .count()
}

/// The fraction of rows [`correct`] counts; `None` for no rows.
pub fn accuracy(y: &DMatrix<f32>, t: &DMatrix<f32>, mid: f32) -> Option<f32> {
    if t.nrows() == 0 || y.nrows() != t.nrows() {
        return None;
    }
    Some(correct(y, t, mid) as f32 / t.nrows() as f32)
}

/// The mean loss per sample, (1/n)·Σᵢ ½‖yᵢ − tᵢ‖² for `mse`; `None` for no rows.
pub fn mean_loss(kind: LossKind, y: &DMatrix<f32>, t: &DMatrix<f32>) -> Option<f32> {
    (t.nrows() > 0).then(|| kind.value(y, t) / t.nrows() as f32)
}

/// How many rows have their largest output at their target's class (one-hot `t`).
pub fn argmax_correct(y: &DMatrix<f32>, t: &DMatrix<f32>) -> usize {
    let rows = t.nrows().min(y.nrows());
    (0..rows).filter(|&r| argmax(y, r) == argmax(t, r)).count()
}

/// The fraction of rows [`argmax_correct`] counts; `None` for no rows.
pub fn argmax_accuracy(y: &DMatrix<f32>, t: &DMatrix<f32>) -> Option<f32> {
    if t.nrows() == 0 || y.shape() != t.shape() {
        return None;
    }
    Some(argmax_correct(y, t) as f32 / t.nrows() as f32)
}

/// The step whose batch loss `session.loss()` is: in the middle of a step, after its loss phase,
/// the step under way (steps + 1); otherwise the last completed step (0 before the first).
pub fn loss_step(session: &Session<f32>) -> u64 {
    let after_loss = matches!(session.next(), MicroStep::Backward(_) | MicroStep::Update);
    session.steps() + u64::from(after_loss)
}

/// The measures of one set of parameters; NaN where there is none (no test set, not 2-class).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measures {
    /// Mean loss per sample on the whole training set.
    pub train_loss: f32,
    /// Mean loss per sample on the whole test set.
    pub test_loss: f32,
    /// Fraction of training points on the right side of the threshold.
    pub accuracy: f32,
    /// Fraction of test points on the right side of the threshold.
    pub test_accuracy: f32,
}

/// Whether the timeline records the measures after step `s`: every step below 1 024, then every
/// stride-th, the stride the largest power of two ≤ s/512 (512 to 1 024 points per doubling of
/// the run). A measure costs a forward pass over both whole sets, several steps' worth for a
/// mini-batch run; so a long run's cost a small fraction of its steps.
pub fn is_measured(s: u64) -> bool {
    s < 1024 || s % (1u64 << (63 - (s / 512).leading_zeros())) == 0
}

/// Series index of the training loss (mean per sample) in [`curves::Curves::series`].
pub const TRAIN_LOSS: usize = 0;
/// Series index of the test loss (mean per sample).
pub const TEST_LOSS: usize = 1;
/// Series index of the training accuracy.
pub const ACCURACY: usize = 2;
/// Series index of the test accuracy.
pub const TEST_ACCURACY: usize = 3;
