//! Whole steps without the micro-step cursor: when nobody watches a sub-step, [`Session::step`]
//! runs forward, loss, backward and update as straight-line code. It calls the same layer
//! functions and the same checks in the same order as [`Session::substep`], so the bits, the
//! caches left behind and any [`NonFinite`] are the same as stepping phase by phase.

use crate::cycle::{MicroStep, Session};
use backstep_nn::error::NonFinite;
use backstep_nn::real::Real;

impl<T: Real> Session<T> {
    /// Runs one whole step and returns its loss. In the middle of a step it completes that step
    /// micro-step by micro-step instead. On a non-finite value the state from before the step
    /// is kept (see [`NonFinite`]).
    pub fn step(&mut self) -> Result<T, NonFinite> {
        if self.next != MicroStep::Forward(0) {
            loop {
                if self.substep()? == MicroStep::Update {
                    return Ok(self.loss.unwrap_or_else(T::zero));
                }
            }
        }
        let n = self.net.layers().len();
        self.load_batch();
        for i in 0..n {
            if let Some((layer, what)) = self.forward_checked(i) {
                return Err(self.fail(MicroStep::Forward(i), layer, what));
            }
        }
        if let Some((layer, what)) = self.loss_checked() {
            return Err(self.fail(MicroStep::Loss, layer, what));
        }
        for i in (0..n).rev() {
            if let Some((layer, what)) = self.backward_checked(i) {
                return Err(self.fail(MicroStep::Backward(i), layer, what));
            }
        }
        if let Some((layer, what)) = self.update_checked() {
            return Err(self.fail(MicroStep::Update, layer, what));
        }
        self.last = Some(MicroStep::Update);
        self.finish_step();
        Ok(self.loss.unwrap_or_else(T::zero))
    }

    /// Runs `n` whole steps (a half-done step, if any, is completed as the first of them) and
    /// returns the last step's loss, or `None` when `n` is 0. Stops at the first non-finite
    /// value with the state from before that step kept; the steps before it stay done.
    pub fn run(&mut self, n: u64) -> Result<Option<T>, NonFinite> {
        let mut loss = None;
        for _ in 0..n {
            loss = Some(self.step()?);
        }
        Ok(loss)
    }
}
