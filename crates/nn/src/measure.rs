//! What a run's parameters score on whole sets, after each step: the training and the test loss
//! on the same footing (the mean per sample over the whole set, (1/n)·Σᵢ ½‖yᵢ − tᵢ‖²) and, for a
//! 2-class task, the accuracy on the training and the test points; plus which step's batch loss
//! the session's loss is. [`Curves`] keeps them per step for the timeline.
//!
//! A task is 2-class when its targets have one column and take exactly two values on a training
//! set of at least three points (0 and 1 for the class data sets; AND, OR and NAND, whose one
//! class has a single point; not the article's 2-sample regression, whose two targets differ).
//! The decision threshold is their midpoint, and a point counts as right when its output and its
//! target lie on the same side of it (an output exactly on the threshold counts as the higher
//! class: y ≥ 0.5 counts as 1). Under softmax cross-entropy (one-hot targets) a point is right
//! when its largest output is its target's class, and the loss is that loss's mean per sample.

use crate::cycle::{MicroStep, Session};
use crate::infer::Inference;
use crate::loss::{LossKind, argmax};
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

/// The measures after the steps [`is_measured`] picks (index s: after s steps; NaN between), as
/// four series the page reads in place, and the buffers of their forward passes (kept apart
/// from training's).
#[derive(Clone, Debug, Default)]
pub struct Curves {
    series: [Vec<f32>; 4],
    eval: Inference<f32>,
    /// Bumped by every record (each time the parameters may have changed), and the measures of
    /// the current parameters computed on demand at that count.
    generation: u64,
    now: Option<(u64, Measures)>,
}

/// Series index of the training loss (mean per sample) in [`Curves::series`].
pub const TRAIN_LOSS: usize = 0;
/// Series index of the test loss (mean per sample).
pub const TEST_LOSS: usize = 1;
/// Series index of the training accuracy.
pub const ACCURACY: usize = 2;
/// Series index of the test accuracy.
pub const TEST_ACCURACY: usize = 3;

impl Curves {
    /// No steps measured.
    pub fn new() -> Self {
        Curves::default()
    }

    /// Measures the session's parameters on its whole training and test sets.
    pub fn measure(&mut self, s: &Session<f32>) -> Measures {
        let mid = threshold(s.t());
        let kind = s.network().loss().kind();
        let mut on = |x: &DMatrix<f32>, t: &DMatrix<f32>| {
            if t.nrows() == 0 {
                return (f32::NAN, f32::NAN);
            }
            let y = self.eval.run(s.network(), x);
            let acc = match kind {
                LossKind::SoftmaxCrossEntropy => argmax_accuracy(y, t),
                LossKind::Mse => mid.and_then(|m| accuracy(y, t, m)),
            };
            let loss = mean_loss(kind, y, t);
            (loss.unwrap_or(f32::NAN), acc.unwrap_or(f32::NAN))
        };
        let (train_loss, accuracy) = on(s.x(), s.t());
        let (test_loss, test_accuracy) = on(s.x_test(), s.t_test());
        Measures {
            train_loss,
            test_loss,
            accuracy,
            test_accuracy,
        }
    }

    /// Records the measures of `s`'s parameters as those after step `step` if [`is_measured`]
    /// picks it (NaN otherwise); the series stay contiguous.
    pub fn record(&mut self, step: u64, s: &Session<f32>) {
        self.generation += 1;
        let nan = Measures {
            train_loss: f32::NAN,
            test_loss: f32::NAN,
            accuracy: f32::NAN,
            test_accuracy: f32::NAN,
        };
        let m = if is_measured(step) {
            self.measure(s)
        } else {
            nan
        };
        let i = step as usize;
        let values = [m.train_loss, m.test_loss, m.accuracy, m.test_accuracy];
        for (series, v) in self.series.iter_mut().zip(values) {
            if series.len() <= i {
                series.resize(i + 1, f32::NAN);
            }
            series[i] = v;
        }
    }

    /// Forgets the measures after step `k`.
    pub fn truncate_after(&mut self, k: u64) {
        for series in &mut self.series {
            series.truncate(k as usize + 1);
        }
    }

    /// Series `which` ([`TRAIN_LOSS`], …) for steps 0 to `k` (fewer if not measured).
    pub fn series(&self, which: usize, k: u64) -> &[f32] {
        let s = &self.series[which.min(3)];
        &s[..s.len().min(k as usize + 1)]
    }

    /// The measures of `s`'s parameters, after step `k`: as recorded, or (at a step not
    /// recorded) computed now and kept until the next record.
    pub fn now(&mut self, k: u64, s: &Session<f32>) -> Measures {
        if let Some(m) = self.at(k).filter(|m| !m.train_loss.is_nan()) {
            return m;
        }
        match self.now {
            Some((g, m)) if g == self.generation => m,
            _ => {
                let m = self.measure(s);
                self.now = Some((self.generation, m));
                m
            }
        }
    }

    /// The measures after step `k`, if recorded.
    pub fn at(&self, k: u64) -> Option<Measures> {
        let i = k as usize;
        let get = |w: usize| self.series[w].get(i).copied();
        Some(Measures {
            train_loss: get(TRAIN_LOSS)?,
            test_loss: get(TEST_LOSS)?,
            accuracy: get(ACCURACY)?,
            test_accuracy: get(TEST_ACCURACY)?,
        })
    }
}

/// The run's loss history up to its current step as CSV, one row per step from 0: the step, its
/// batch loss (0.5·Σ over its batch, the header's number; empty for step 0), the mean loss per
/// sample on the whole training and test sets after it, and the two accuracies. A value that
/// does not exist (no test set, not 2-class, not measured) is an empty cell; every number is
/// the f32's shortest exact form.
pub fn loss_csv(t: &crate::Timeline) -> String {
    use std::fmt::Write;
    let k = t.steps();
    let c = t.curves();
    let cell = |v: Option<f32>| {
        v.filter(|v| !v.is_nan())
            .map_or(String::new(), |v| v.to_string())
    };
    let mut out =
        String::from("step,batch_loss,train_loss_mean,test_loss_mean,accuracy,test_accuracy\n");
    for s in 0..=k {
        let batch = s
            .checked_sub(1)
            .and_then(|i| t.history().get(i as usize).copied());
        let m = c.at(s);
        let _ = writeln!(
            out,
            "{s},{},{},{},{},{}",
            cell(batch),
            cell(m.map(|m| m.train_loss)),
            cell(m.map(|m| m.test_loss)),
            cell(m.map(|m| m.accuracy)),
            cell(m.map(|m| m.test_accuracy)),
        );
    }
    out
}
