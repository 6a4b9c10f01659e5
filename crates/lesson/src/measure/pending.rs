//! Measures taken later: the parameters of the steps the schedule measures
//! ([`crate::measure::is_measured`]), copied when the step completes and measured when there is
//! time ([`crate::measure::curves::Curves`] in deferred mode). A copy is one `memcpy` per matrix into
//! one growing buffer, so a step pays for its parameters' size, never for a forward pass over
//! the whole sets; the measure itself is the same function of the same parameters, so its bits
//! are those of measuring at once.

use backstep_nn::network::Network;

/// Bytes of parameters kept waiting at most; past it the step is measured at once.
pub const PENDING_BUDGET: usize = 8 << 20;

/// Copies of parameters waiting to be measured, sorted by step.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pending {
    /// Floats per copy (every W and b of the network, in order).
    per: usize,
    steps: Vec<u64>,
    params: Vec<f32>,
}

impl Pending {
    pub(crate) fn len(&self) -> usize {
        self.steps.len()
    }

    /// Keeps `net`'s parameters as those after `step` (replacing a copy of the same step);
    /// false, keeping nothing, when the copy would not fit [`PENDING_BUDGET`].
    pub(crate) fn push(&mut self, step: u64, net: &Network<f32>) -> bool {
        let per: usize = net.affines().map(|a| a.w().len() + a.b().len()).sum();
        if (self.steps.len() + 1) * per * 4 > PENDING_BUDGET {
            return false;
        }
        // Usually a step after every waiting one: it goes at the end, no search.
        let at = if self.steps.last().is_none_or(|&last| last < step) {
            self.steps.len()
        } else {
            match self.steps.binary_search(&step) {
                Ok(at) => {
                    self.remove(at);
                    at
                }
                Err(at) => at,
            }
        };
        if self.per != per {
            self.steps.clear();
            self.params.clear();
            self.per = per;
        }
        let old = self.params.len();
        for a in net.affines() {
            self.params.extend_from_slice(a.w().as_slice());
            self.params.extend_from_slice(a.b().as_slice());
        }
        self.steps.insert(at, step);
        if at + 1 < self.steps.len() {
            // A replayed step below later copies: rotate its copy into place.
            self.params[at * per..].rotate_right(per);
        }
        debug_assert_eq!(self.params.len(), old + per);
        true
    }

    /// Whether `step` waits.
    pub(crate) fn position(&self, step: u64) -> Option<usize> {
        self.steps.binary_search(&step).ok()
    }

    /// Forgets the copy at `at`.
    pub(crate) fn remove(&mut self, at: usize) {
        let per = self.per;
        self.steps.remove(at);
        self.params.copy_within((at + 1) * per.., at * per);
        self.params.truncate(self.steps.len() * per);
    }

    /// Forgets every copy after `step`.
    pub(crate) fn truncate_after(&mut self, step: u64) {
        let keep = self.steps.partition_point(|&s| s <= step);
        self.steps.truncate(keep);
        self.params.truncate(keep * self.per);
    }

    /// The copy to measure first: the one on the coarsest grid (the most trailing zero bits of
    /// its step, the earliest of those), so a curve being filled in keeps its whole shape.
    pub(crate) fn coarsest(&self) -> Option<usize> {
        let mut best: Option<(u32, usize)> = None;
        for (i, s) in self.steps.iter().enumerate() {
            let z = s.trailing_zeros();
            if best.is_none_or(|(bz, _)| z > bz) {
                best = Some((z, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The step of the copy at `at`, with its parameters loaded into `net` (a network of the
    /// same shape).
    pub(crate) fn load(&self, at: usize, net: &mut Network<f32>) -> u64 {
        let mut p = &self.params[at * self.per..(at + 1) * self.per];
        for a in net.affines_mut() {
            let (w, rest) = p.split_at(a.w().len());
            a.w_mut().as_mut_slice().copy_from_slice(w);
            let (b, rest) = rest.split_at(a.b().len());
            a.b_mut().as_mut_slice().copy_from_slice(b);
            p = rest;
        }
        self.steps[at]
    }
}
