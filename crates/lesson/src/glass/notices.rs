//! Notices about a run, kept step by step: dead ReLU units, a loss that has stopped moving, a
//! step that diverged. [`crate::glass::experiments`] suggests what to try for each.
//!
//! [`Notices`] is fed the session after each completed step ([`Notices::observe`]) and keeps
//! what it saw as data that can be cut back exactly ([`Notices::truncate`], for stepping back):
//! the loss of every step, and dead streaks as step intervals.
//!
//! # Codes
//! - `dead-unit`: a ReLU unit whose input z is ≤ 0 for every sample of the step's batch, so it
//!   passes no gradient and the weights into it get dW = 0. `layer` is the ReLU layer's index
//!   in the spec's `layers`, `unit` its column, `since` the first step of the current streak
//!   (the step whose forward pass first found it dead).
//! - `plateau`: the loss has stopped moving. With ℓ(k) the loss of step k divided by its batch
//!   size, the run is on a plateau at step k when, for the longest run of steps s..=k over which
//!   max ℓ − min ℓ ≤ [`PLATEAU_REL`] · max ℓ, that run is at least [`PLATEAU_STEPS`] long and
//!   ℓ(k) ≥ [`NEAR_ZERO`] (a loss that has reached zero is solved, not stuck). `since` = s.
//!   Mini-batch losses jump from batch to batch, so they rarely qualify.
//! - `diverged`: a step produced NaN or ±Inf ([`Notices::diverged`]); `since` is that step and
//!   `layer` the layer it was found in, if any.

use crate::cycle::Session;
use backstep_nn::layer::Layer;
use backstep_nn::real::Real;
use serde::Serialize;

/// Steps a flat stretch must last to count as a plateau.
pub const PLATEAU_STEPS: u64 = 200;
/// The relative spread of the loss allowed on a plateau.
pub const PLATEAU_REL: f64 = 1e-4;
/// Loss per sample below which a flat loss is a solved problem, not a plateau.
pub const NEAR_ZERO: f64 = 1e-4;

/// One notice.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// `dead-unit`, `plateau` or `diverged`.
    pub code: &'static str,
    /// The layer concerned (index in the spec's `layers`), if any.
    pub layer: Option<usize>,
    /// The unit (column) concerned, if any.
    pub unit: Option<usize>,
    /// The step from which it holds.
    pub since: u64,
}

/// A stretch of steps `from..=to` over which a ReLU unit was dead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Streak {
    /// The ReLU layer's index in the spec's `layers`.
    pub layer: usize,
    /// The unit.
    pub unit: usize,
    /// The first step of the streak.
    pub from: u64,
    /// The last step of the streak.
    pub to: u64,
}

/// What has been observed of a run so far.
#[derive(Clone, Debug, Default)]
pub struct Notices {
    /// ℓ(k) at index k − 1; NaN for a step that was not observed.
    per_sample: Vec<f64>,
    streaks: Vec<Streak>,
    /// Indices in `streaks` of the streaks that reach the last observed step.
    open: Vec<usize>,
    /// The buffer `open` is rebuilt in (no meaning between calls).
    spare: Vec<usize>,
    diverged: Option<(u64, Option<usize>)>,
}

impl Notices {
    /// Nothing observed.
    pub fn new() -> Self {
        Notices::default()
    }

    /// The last observed step (0 when none).
    pub fn steps(&self) -> u64 {
        self.per_sample.len() as u64
    }

    /// Records the step `s` has just completed. Does nothing when `s` is half way through a
    /// step or at step 0. Observing step k again (after a step back without
    /// [`Notices::truncate`]) first truncates to k − 1; a skipped step breaks dead streaks.
    pub fn observe<T: Real>(&mut self, s: &Session<T>) {
        let k = s.steps();
        if k == 0 || !s.is_between_steps() {
            return;
        }
        if k <= self.steps() {
            self.truncate(k - 1);
        }
        self.per_sample.resize(k as usize - 1, f64::NAN);
        let n = s.batch().len().max(1) as f64;
        self.per_sample
            .push(s.loss().map_or(f64::NAN, |l| l.f64() / n));
        // The streaks still open after this step, gathered in last step's spare buffer, so a
        // step allocates nothing.
        let mut open = std::mem::take(&mut self.spare);
        open.clear();
        for (layer, l) in s.network().layers().iter().enumerate() {
            let Layer::Act(a) = l else { continue };
            for unit in a.dead() {
                let streaks = &mut self.streaks;
                let continued = self.open.iter().copied().find(|&i| {
                    let st = streaks[i];
                    (st.layer, st.unit, st.to) == (layer, unit, k - 1)
                });
                match continued {
                    Some(i) => {
                        streaks[i].to = k;
                        open.push(i);
                    }
                    None => {
                        open.push(streaks.len());
                        streaks.push(Streak {
                            layer,
                            unit,
                            from: k,
                            to: k,
                        });
                    }
                }
            }
        }
        self.spare = std::mem::replace(&mut self.open, open);
        if self.diverged.is_some_and(|(d, _)| d <= k) {
            self.diverged = None;
        }
    }

    /// Records that step `step` failed with NaN or ±Inf, found in `layer` (if any).
    pub fn diverged(&mut self, step: u64, layer: Option<usize>) {
        self.diverged = Some((step, layer));
    }

    /// Forgets everything after step `k`, as if the run had stopped there. A divergence at step
    /// k + 1 (the step that failed from step k) is kept.
    pub fn truncate(&mut self, k: u64) {
        self.per_sample.truncate(k as usize);
        self.streaks.retain(|st| st.from <= k);
        for st in &mut self.streaks {
            st.to = st.to.min(k);
        }
        self.open = (0..self.streaks.len())
            .filter(|&i| k > 0 && self.streaks[i].to == k)
            .collect();
        if self.diverged.is_some_and(|(d, _)| d > k + 1) {
            self.diverged = None;
        }
    }

    /// Every dead streak seen so far, in the order they started.
    pub fn streaks(&self) -> &[Streak] {
        &self.streaks
    }

    /// The step the current plateau started at, if the run is on one (see the module
    /// documentation).
    pub fn plateau(&self) -> Option<u64> {
        let last = *self.per_sample.last()?;
        if last.is_nan() || last < NEAR_ZERO {
            return None;
        }
        let (mut lo, mut hi) = (last, last);
        let mut since = self.per_sample.len();
        for (i, &v) in self.per_sample.iter().enumerate().rev().skip(1) {
            let (l, h) = (lo.min(v), hi.max(v));
            // An unobserved step (NaN) ends the stretch.
            if v.is_nan() || h - l > PLATEAU_REL * h {
                break;
            }
            (lo, hi, since) = (l, h, i + 1);
        }
        let k = self.per_sample.len() as u64;
        let since = since as u64;
        (k + 1 - since >= PLATEAU_STEPS).then_some(since)
    }

    /// The notices at the last observed step: dead units (by layer, then unit), then the
    /// plateau, then the divergence.
    pub fn notices(&self) -> Vec<Notice> {
        let k = self.steps();
        let mut dead: Vec<&Streak> = self
            .open
            .iter()
            .map(|&i| &self.streaks[i])
            .filter(|st| k > 0 && st.to == k)
            .collect();
        dead.sort_by_key(|st| (st.layer, st.unit));
        let mut out: Vec<Notice> = dead
            .into_iter()
            .map(|st| Notice {
                code: "dead-unit",
                layer: Some(st.layer),
                unit: Some(st.unit),
                since: st.from,
            })
            .collect();
        out.extend(self.plateau().map(|since| Notice {
            code: "plateau",
            layer: None,
            unit: None,
            since,
        }));
        out.extend(self.diverged.map(|(since, layer)| Notice {
            code: "diverged",
            layer,
            unit: None,
            since,
        }));
        out
    }
}
