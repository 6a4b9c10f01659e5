//! The whole-set measures a timeline keeps per step ([`Curves`]), and when they are taken: at
//! once as each scheduled step completes, or (deferred, as the page runs) later from a copy of
//! that step's parameters, when there is time or when someone looks.
//!
//! # Deferred measures
//! A measure is a forward pass over both whole sets: on a mini-batch run, many steps' worth. The
//! page cannot pay that on every step it plays, and it does not need to: its curve draws about
//! one point per column. So in deferred mode a scheduled step ([`is_measured`]) only copies its
//! parameters ([`crate::measure::pending`]); [`Curves::settle`] measures the copies (the
//! coarsest grid first, so a curve being filled keeps its shape) in the time a frame has left, and
//! [`Curves::settle_at`] the one step a reader points at. The current step's measures
//! ([`Curves::now`], read every frame) are kept in the series too, as a point of the curve. A
//! measure is a function of the parameters and the sets alone, so every value, whenever it was
//! taken, has the bits of measuring at once (`tests/measure_later.rs`).

use crate::cycle::Session;
use crate::measure::pending::Pending;
use crate::measure::{Measures, accuracy, argmax_accuracy, is_measured, mean_loss, threshold};
use backstep_nn::infer::Inference;
use backstep_nn::loss::LossKind;
use backstep_nn::network::Network;
use nalgebra::DMatrix;

/// The measures after each step (index s: after s steps; NaN where none is known), as four
/// series the page reads in place, and the buffers of their forward passes (kept apart from
/// training's).
#[derive(Clone, Debug, Default)]
pub struct Curves {
    series: [Vec<f32>; 4],
    eval: Inference<f32>,
    /// Bumped by every record (each time the parameters may have changed), and the measures of
    /// the current parameters computed on demand at that count (measuring at once).
    generation: u64,
    now: Option<(u64, Measures)>,
    /// Whether scheduled steps wait in `pending` instead of being measured as they complete.
    deferred: bool,
    pending: Pending,
    /// A network of the run's shape, for measuring a waiting copy (made on first use).
    scratch: Option<Network<f32>>,
}

const NONE: Measures = Measures {
    train_loss: f32::NAN,
    test_loss: f32::NAN,
    accuracy: f32::NAN,
    test_accuracy: f32::NAN,
};

/// The measures of `net` on `s`'s whole training and test sets.
fn measure_net(eval: &mut Inference<f32>, net: &Network<f32>, s: &Session<f32>) -> Measures {
    let mid = threshold(s.t());
    let kind = s.network().loss().kind();
    let mut on = |x: &DMatrix<f32>, t: &DMatrix<f32>| {
        if t.nrows() == 0 {
            return (f32::NAN, f32::NAN);
        }
        let y = eval.run(net, x);
        let acc = match kind {
            LossKind::SoftmaxCrossEntropy => argmax_accuracy(y, t),
            LossKind::Mse => mid.and_then(|m| accuracy(y, t, m)),
        };
        (
            mean_loss(kind, y, t).unwrap_or(f32::NAN),
            acc.unwrap_or(f32::NAN),
        )
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

impl Curves {
    /// No steps measured.
    pub fn new() -> Self {
        Curves::default()
    }

    /// Measures the session's parameters on its whole training and test sets.
    pub fn measure(&mut self, s: &Session<f32>) -> Measures {
        measure_net(&mut self.eval, s.network(), s)
    }

    /// Defers the scheduled measures (see the module documentation), or measures every waiting
    /// one and takes them at once from now on.
    pub fn set_deferred(&mut self, on: bool, s: &Session<f32>) {
        if !on {
            while self.settle(usize::MAX, s) > 0 {}
        }
        self.deferred = on;
    }

    /// Records that `s` has completed step `step` (and its events): if [`is_measured`] picks it
    /// and its measures are not known yet, measures them, or in deferred mode keeps a copy of
    /// the parameters (measuring at once when the copies are at their budget). Known measures
    /// stay: a replayed step has the same parameters, bit for bit.
    pub fn record(&mut self, step: u64, s: &Session<f32>) {
        self.generation += 1;
        self.extend(step);
        if !is_measured(step) || self.known(step) {
            return;
        }
        if !(self.deferred && self.pending.push(step, s.network())) {
            let m = self.measure(s);
            self.put(step, m);
        }
    }

    /// Measures `s`'s parameters at once as those after step `step`, replacing what was known
    /// (a new run, a reset, an edit, a resumed run's step).
    pub fn record_now(&mut self, step: u64, s: &Session<f32>) {
        self.generation += 1;
        self.extend(step);
        if let Some(at) = self.pending.position(step) {
            self.pending.remove(at);
        }
        let m = if is_measured(step) || self.deferred {
            self.measure(s)
        } else {
            NONE
        };
        self.put(step, m);
    }

    /// Measures up to `n` waiting copies, the coarsest grid first; returns how many still wait.
    pub fn settle(&mut self, n: usize, s: &Session<f32>) -> usize {
        for _ in 0..n {
            let Some(at) = self.pending.coarsest() else {
                break;
            };
            self.settle_one(at, s);
        }
        self.pending.len()
    }

    /// Measures step `k`'s waiting copy, if it has one (then true).
    pub fn settle_at(&mut self, k: u64, s: &Session<f32>) -> bool {
        let at = self.pending.position(k);
        if let Some(at) = at {
            self.settle_one(at, s);
        }
        at.is_some()
    }

    /// How many scheduled steps wait to be measured.
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }

    fn settle_one(&mut self, at: usize, s: &Session<f32>) {
        let net = self.scratch.get_or_insert_with(|| s.network().clone());
        if let Some(k) = s.network().affines().next().map(|a| a.kernels()) {
            net.set_kernels(k);
        }
        let step = self.pending.load(at, net);
        self.pending.remove(at);
        let m = measure_net(&mut self.eval, net, s);
        self.put(step, m);
    }

    /// Forgets the measures after step `k`.
    pub fn truncate_after(&mut self, k: u64) {
        for series in &mut self.series {
            series.truncate(k as usize + 1);
        }
        self.pending.truncate_after(k);
    }

    /// Series `which` ([`crate::measure::TRAIN_LOSS`], …) for steps 0 to `k` (fewer if not
    /// recorded yet).
    pub fn series(&self, which: usize, k: u64) -> &[f32] {
        let s = &self.series[which.min(3)];
        &s[..s.len().min(k as usize + 1)]
    }

    /// The measures of `s`'s parameters, after step `k`: as known, or computed now (deferred:
    /// kept in the series as a point of the curve; at once: kept until the next record).
    pub fn now(&mut self, k: u64, s: &Session<f32>) -> Measures {
        if let Some(m) = self.at(k).filter(|m| !m.train_loss.is_nan()) {
            return m;
        }
        if self.deferred {
            self.record_now(k, s);
            return self.at(k).unwrap_or(NONE);
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

    /// The measures after step `k`, if recorded (NaN where not measured).
    pub fn at(&self, k: u64) -> Option<Measures> {
        let i = k as usize;
        let get = |w: usize| self.series[w].get(i).copied();
        Some(Measures {
            train_loss: get(0)?,
            test_loss: get(1)?,
            accuracy: get(2)?,
            test_accuracy: get(3)?,
        })
    }

    fn known(&self, step: u64) -> bool {
        self.series[0]
            .get(step as usize)
            .is_some_and(|v| !v.is_nan())
    }

    /// Makes the series reach step `step` (NaN for the steps new to them).
    fn extend(&mut self, step: u64) {
        let len = step as usize + 1;
        for series in &mut self.series {
            if series.len() + 1 == len {
                series.push(f32::NAN);
            } else if series.len() < len {
                series.resize(len, f32::NAN);
            }
        }
    }

    fn put(&mut self, step: u64, m: Measures) {
        let i = step as usize;
        let values = [m.train_loss, m.test_loss, m.accuracy, m.test_accuracy];
        for (series, v) in self.series.iter_mut().zip(values) {
            series[i] = v;
        }
    }
}
