//! The timeline's whole-set measures: deferring them (what the page does, so that a step costs
//! only its training), settling the steps that wait, and the loss history as CSV. The measures
//! themselves are [`crate::measure`]'s; the timeline owns their [`crate::measure::curves::Curves`].

use crate::measure::is_measured;
use crate::timeline::Timeline;

impl Timeline {
    /// Defers the scheduled whole-set measures (see [`crate::measure::curves`]): what the page does, so
    /// that a step costs its training. Turning it off measures every waiting step.
    pub fn defer_measures(&mut self, on: bool) {
        self.curves.set_deferred(on, &self.session);
    }
    /// Measures up to `n` waiting steps, the coarsest first; returns how many still wait.
    pub fn settle_measures(&mut self, n: usize) -> usize {
        self.curves.settle(n, &self.session)
    }
    /// Measures step `k` now if it waits (then true), so that [`Timeline::curves`] has
    /// it.
    pub fn settle_measure(&mut self, k: u64) -> bool {
        self.curves.settle_at(k, &self.session)
    }
}

/// The run's loss history up to its current step as CSV, one row per step from 0: the step, its
/// batch loss (0.5·Σ over its batch, the header's number; empty for step 0), the mean loss per
/// sample on the whole training and test sets after it, and the two accuracies. A value that
/// does not exist (no test set, not 2-class, not measured) is an empty cell; every number is
/// the f32's shortest exact form. The measures are those of the steps [`is_measured`] picks; a
/// timeline that defers them must settle them first ([`Timeline::settle_measures`]).
pub fn loss_csv(t: &Timeline) -> String {
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
        let m = c.at(s).filter(|_| is_measured(s));
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
