//! The check after each micro-step and the rollback of a step that produced NaN or ±Inf.
//!
//! Every check returns the layer and the quantity that went non-finite, if any. The step-by-step
//! path ([`Session::substep`]) and the whole-step path ([`Session::step`]) run the same checks in
//! the same order, so they stop at the same place with the same [`NonFinite`].

use crate::cycle::{MicroStep, Session};
use backstep_nn::error::NonFinite;
use backstep_nn::layer::Layer;
use backstep_nn::real::{Real, all_finite};

/// Where a micro-step went non-finite: the layer (`None` for the loss) and the quantity.
pub(crate) type Bad = Option<(Option<usize>, &'static str)>;

impl<T: Real> Session<T> {
    /// Forward through layer `i` (the batch must be loaded), then its check.
    #[inline(always)]
    pub(crate) fn forward_checked(&mut self, i: usize) -> Bad {
        self.net.forward_layer(i, &self.xb);
        // Only affine outputs are checked. An activation's input was checked where it was
        // produced (the batch is validated finite), and ReLU, sigmoid and tanh map finite values
        // to finite values.
        match &self.net.layers()[i] {
            // Seen as the layer added its bias.
            Layer::Affine(a) => (!a.y_finite()).then_some((Some(i), "y")),
            Layer::Act(_) => None,
        }
    }

    /// The loss and dL/dy, then their check.
    #[inline(always)]
    pub(crate) fn loss_checked(&mut self) -> Bad {
        let l = self.net.loss_forward(&self.tb);
        self.loss = Some(l);
        if !l.finite() {
            Some((None, "loss"))
        } else if self.net.loss().kind().finite_loss_means_finite_dy() {
            // The batch is validated finite and y was checked: dL/dy cannot be the first.
            None
        } else {
            (!all_finite(self.net.loss_backward())).then_some((None, "dL/dy"))
        }
    }

    /// Backward through layer `i`, then its check.
    #[inline(always)]
    pub(crate) fn backward_checked(&mut self, i: usize) -> Bad {
        self.net.backward_layer(i);
        // An activation's dx is its (checked) incoming gradient times a factor bounded by 1
        // (ReLU 0 or 1, sigmoid at most 1/4, tanh at most 1), so it cannot overflow.
        let what = match &self.net.layers()[i] {
            Layer::Affine(a) if !all_finite(a.dw()) => Some("dW"),
            Layer::Affine(a) if !a.db_finite() => Some("db"),
            Layer::Affine(a) => (!all_finite(a.dx())).then_some("dx"),
            Layer::Act(_) => None,
        };
        what.map(|w| (Some(i), w))
    }

    /// The optimizer's update, then the check of every parameter and of the optimizer's state:
    /// a moment that overflowed (Adam's v = g² past f32's range) would leave its weight finite
    /// but stuck (m/√v = 0), so it counts as a divergence too. (An infinite velocity, or an
    /// infinite m with v, makes the weight non-finite as well, so `W` or `b` is named first.)
    #[inline(always)]
    pub(crate) fn update_checked(&mut self) -> Bad {
        self.opt_backup.copy_state_from(&self.opt);
        // The update sees every new W and b as it writes them: only a non-finite one is looked
        // for again, to name it.
        let finite = self.opt.update(&mut self.net);
        let bad = if finite { None } else { self.first_bad_param() };
        bad.or_else(|| {
            let (slot, what) = self.opt.first_non_finite()?;
            Some((Some(self.affine_layer(slot / 2)), what))
        })
    }

    /// The counters of a completed step: the step count and the batch position.
    pub(crate) fn finish_step(&mut self) {
        self.steps += 1;
        self.batcher.advance();
    }

    /// The index in `layers` of the `k`-th affine layer.
    pub(crate) fn affine_layer(&self, k: usize) -> usize {
        let affines = self.net.layers().iter().enumerate();
        affines
            .filter(|(_, l)| l.as_affine().is_some())
            .nth(k)
            .map_or(0, |(i, _)| i)
    }

    fn first_bad_param(&self) -> Bad {
        self.net.layers().iter().enumerate().find_map(|(i, l)| {
            let a = l.as_affine()?;
            if !all_finite(a.w()) {
                Some((Some(i), "W"))
            } else if !all_finite(a.b()) {
                Some((Some(i), "b"))
            } else {
                None
            }
        })
    }

    /// Puts back the state from before the step (after an update: the parameters and the
    /// optimizer's state), rewinds the cursor to a fresh forward and describes the failure.
    pub(crate) fn fail(
        &mut self,
        ms: MicroStep,
        layer: Option<usize>,
        what: &'static str,
    ) -> NonFinite {
        if ms == MicroStep::Update {
            for a in self.net.affines_mut() {
                a.restore_params();
            }
            self.opt.copy_state_from(&self.opt_backup);
        }
        let kind = layer.map_or(self.net.loss().kind().name(), |i| {
            self.net.layers()[i].kind()
        });
        self.next = MicroStep::Forward(0);
        self.last = None;
        NonFinite {
            step: self.steps + 1,
            phase: ms.phase(),
            layer,
            kind,
            what,
        }
    }
}
