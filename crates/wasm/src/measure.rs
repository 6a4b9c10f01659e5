//! The whole-set measures the page reads (`backstep_lesson::measure`): the training and test loss
//! per step as views into wasm memory (deferred: taken when the page has time, or looks), the
//! accuracies now, the decision threshold, and which step's batch loss the header shows.

use crate::trainer::Trainer;
use backstep_lesson::measure::{self, ACCURACY, TEST_ACCURACY, TEST_LOSS, TRAIN_LOSS};
use wasm_bindgen::prelude::*;

/// Which per-step series to read (the order of `backstep_lesson::measure::curves::Curves`).
#[wasm_bindgen]
#[derive(Clone, Copy, Debug)]
pub enum Curve {
    /// Mean loss per sample on the whole training set, (1/n)·Σᵢ ½‖yᵢ − tᵢ‖².
    TrainLoss = 0,
    /// The same on the test set (NaN without one).
    TestLoss = 1,
    /// The fraction of training points on the right side of the threshold (NaN if not 2-class).
    Accuracy = 2,
    /// The same for the test points.
    TestAccuracy = 3,
}

impl Curve {
    fn index(self) -> usize {
        match self {
            Curve::TrainLoss => TRAIN_LOSS,
            Curve::TestLoss => TEST_LOSS,
            Curve::Accuracy => ACCURACY,
            Curve::TestAccuracy => TEST_ACCURACY,
        }
    }
}

#[wasm_bindgen]
impl Trainer {
    /// Where series `c` starts in wasm memory: one f32 per step from 0 to the current one (NaN
    /// where none is known: at the steps a long run leaves out, at those still waiting to be
    /// measured, and before a resumed run's step until it is replayed).
    pub fn curve_ptr(&self, c: Curve) -> *const f32 {
        self.course
            .run()
            .curves()
            .series(c.index(), self.course.run().steps())
            .as_ptr()
    }
    /// Length of series `c` (the current step + 1, once measured).
    pub fn curve_len(&self, c: Curve) -> usize {
        self.course
            .run()
            .curves()
            .series(c.index(), self.course.run().steps())
            .len()
    }
    /// Series `c` for the current parameters (after the completed steps; computed now at a step
    /// the series leaves out), or NaN where there is none.
    pub fn measured(&mut self, c: Curve) -> f64 {
        let m = self.course.run_mut().measures_now();
        f64::from(match c {
            Curve::TrainLoss => m.train_loss,
            Curve::TestLoss => m.test_loss,
            Curve::Accuracy => m.accuracy,
            Curve::TestAccuracy => m.test_accuracy,
        })
    }
    /// The decision threshold (the midpoint of the two target values), or NaN if not 2-class.
    pub fn threshold(&self) -> f64 {
        measure::threshold(self.session().t()).map_or(f64::NAN, f64::from)
    }

    /// Measures up to `n` of the steps whose measures wait (the coarsest grid first, so the
    /// curve keeps its shape as it fills in); returns how many still wait. The page calls it
    /// with the time a frame has left.
    pub fn settle_measures(&mut self, n: u32) -> u32 {
        self.course.run_mut().settle_measures(n as usize) as u32
    }
    /// Measures step `k` now if its measures wait (the step the loss read-out points at); true
    /// if it did.
    pub fn settle_measure(&mut self, k: f64) -> bool {
        k >= 0.0 && self.course.run_mut().settle_measure(k as u64)
    }
    /// The step whose batch loss `loss()` is: after a loss phase in the middle of a step, the
    /// step under way; after a divergence, the last finite step; otherwise the last completed.
    pub fn loss_step(&self) -> f64 {
        if self.course.error().is_some() {
            return self.course.run().steps() as f64;
        }
        measure::loss_step(self.session()) as f64
    }
}
