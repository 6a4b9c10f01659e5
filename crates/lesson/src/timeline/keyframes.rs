//! The timeline's keyframes: the state after some steps (parameters, optimizer state, batch
//! schedule), kept so that going back recomputes a bounded number of steps. See
//! [`crate::timeline`] for the bound.

use crate::cycle::{MicroStep, Session};
use backstep_nn::batch::Batcher;
use backstep_nn::matmul::assign;
use backstep_nn::optim::Optimizer;
use backstep_nn::real::Real;
use nalgebra::DMatrix;

/// Most keyframes kept at once.
pub const MAX_KEYFRAMES: usize = 1024;
/// Fewest keyframes kept, whatever their size.
pub const MIN_KEYFRAMES: usize = 4;
/// Bytes the keyframes may hold together, when that allows fewer than [`MAX_KEYFRAMES`].
pub const KEYFRAME_BUDGET: usize = 64 << 20;

/// Keyframes at multiples of an interval that doubles whenever the cap is exceeded.
#[derive(Clone, Debug)]
pub(crate) struct Keyframes {
    interval: u64,
    cap: usize,
    /// (step, state after that step and its events), sorted by step. Boxed: a state holds the
    /// batch generator's 2.5 KB inline, which inserting and thinning would otherwise move.
    frames: Vec<(u64, Box<State<f32>>)>,
    /// Frames dropped, kept to be written over by later ones: a keyframe taken on an ordinary
    /// step allocates nothing. Together with `frames` never more than the cap plus one.
    // Boxed like `frames`' states, which move here and back without copying.
    #[allow(clippy::vec_box)]
    spare: Vec<Box<State<f32>>>,
}

impl Keyframes {
    /// An empty store for states of about `frame_bytes` each.
    pub(crate) fn new(frame_bytes: usize) -> Self {
        let cap = (KEYFRAME_BUDGET / frame_bytes.max(1)).clamp(MIN_KEYFRAMES, MAX_KEYFRAMES);
        Keyframes {
            interval: 1,
            cap,
            frames: Vec::new(),
            spare: Vec::new(),
        }
    }

    pub(crate) fn interval(&self) -> u64 {
        self.interval
    }
    pub(crate) fn cap(&self) -> usize {
        self.cap
    }
    pub(crate) fn len(&self) -> usize {
        self.frames.len()
    }
    pub(crate) fn bytes(&self) -> usize {
        self.frames.iter().map(|(_, s)| s.bytes()).sum()
    }

    fn find(&self, step: u64) -> Result<usize, usize> {
        self.frames.binary_search_by_key(&step, |(s, _)| *s)
    }

    /// Keeps the state after `step` if the step is a multiple of the interval and not kept yet;
    /// past the cap, the interval doubles and every frame off the new interval goes (every
    /// other one).
    pub(crate) fn offer(&mut self, step: u64, session: &Session<f32>) {
        if step == 0 || step % self.interval != 0 {
            return;
        }
        if let Err(at) = self.find(step) {
            let state = match self.spare.pop() {
                Some(mut state) => {
                    session.state_into(&mut state);
                    state
                }
                None => Box::new(session.state()),
            };
            self.frames.insert(at, (step, state));
        }
        while self.frames.len() > self.cap {
            self.interval *= 2;
            let n = self.interval;
            // Keep the frames on the new interval in order; the others become spares.
            let mut kept = 0;
            for i in 0..self.frames.len() {
                if self.frames[i].0 % n == 0 {
                    self.frames.swap(kept, i);
                    kept += 1;
                }
            }
            self.spare.extend(self.frames.drain(kept..).map(|(_, s)| s));
        }
    }

    /// Keeps `state` as the frame at `step` whatever the interval (a resumed run's start), or
    /// replaces the frame there.
    pub(crate) fn put(&mut self, step: u64, state: State<f32>) {
        match self.find(step) {
            Ok(at) => *self.frames[at].1 = state,
            Err(at) => self.frames.insert(at, (step, Box::new(state))),
        }
    }

    /// Replaces the frame at `step`, if there is one.
    pub(crate) fn replace(&mut self, step: u64, state: impl FnOnce() -> State<f32>) {
        if let Ok(at) = self.find(step) {
            *self.frames[at].1 = state();
        }
    }

    /// The latest frame at or before `step`.
    pub(crate) fn at_or_before(&self, step: u64) -> Option<&(u64, Box<State<f32>>)> {
        let end = match self.find(step) {
            Ok(at) => at + 1,
            Err(at) => at,
        };
        self.frames[..end].last()
    }

    /// Drops every frame after `step`.
    pub(crate) fn truncate_after(&mut self, step: u64) {
        let end = match self.find(step) {
            Ok(at) => at + 1,
            Err(at) => at,
        };
        self.spare.extend(self.frames.drain(end..).map(|(_, s)| s));
    }

    /// Drops every frame.
    pub(crate) fn clear(&mut self) {
        self.spare.extend(self.frames.drain(..).map(|(_, s)| s));
        self.interval = 1;
    }
}

/// The in-memory state a timeline keeps as a keyframe: like a [`Checkpoint`], without
/// conversion, and cheap to put back on the session it came from.
#[derive(Clone, Debug)]
pub(crate) struct State<T: Real> {
    pub(crate) params: Vec<[DMatrix<T>; 2]>,
    pub(crate) opt: Optimizer<T>,
    pub(crate) batcher: Batcher,
    pub(crate) steps: u64,
}

impl<T: Real> State<T> {
    /// Bytes held by the state's matrices and schedule (an estimate of its heap size).
    pub(crate) fn bytes(&self) -> usize {
        let t = std::mem::size_of::<T>();
        let params: usize = self.params.iter().flatten().map(|m| m.len() * t).sum();
        let slots: usize = (self.opt.slots().iter())
            .map(|s| (s.m.len() + s.v.len()) * t)
            .sum();
        params + slots + self.batcher.bytes()
    }
}

impl<T: Real> Session<T> {
    /// The state between steps as a keyframe (mid-step, the state before the step under way:
    /// parameters and optimizer state only change in the update, which completes the step).
    pub(crate) fn state(&self) -> State<T> {
        State {
            params: self
                .net
                .affines()
                .map(|a| [a.w().clone(), a.b().clone()])
                .collect(),
            opt: self.opt.clone(),
            batcher: self.batcher.clone(),
            steps: self.steps,
        }
    }

    /// Writes the state between steps over `s` (a spare keyframe), reusing its buffers.
    pub(crate) fn state_into(&self, s: &mut State<T>) {
        s.params.resize_with(self.net.affines().count(), || {
            [DMatrix::zeros(0, 0), DMatrix::zeros(0, 0)]
        });
        for (a, [w, b]) in self.net.affines().zip(&mut s.params) {
            assign(w, a.w());
            assign(b, a.b());
        }
        s.opt.clone_from(&self.opt);
        s.batcher.clone_from(&self.batcher);
        s.steps = self.steps;
    }

    /// Puts back a keyframe taken from this session (or one built from the same spec). The
    /// caches keep whatever they held until the next step overwrites them.
    pub(crate) fn set_state(&mut self, s: &State<T>) {
        for (a, [w, b]) in self.net.affines_mut().zip(&s.params) {
            assign(a.w_mut(), w);
            assign(a.b_mut(), b);
        }
        self.opt.clone_from(&s.opt);
        self.opt_backup.clone_from(&s.opt);
        self.batcher.clone_from(&s.batcher);
        self.steps = s.steps;
        self.next = MicroStep::Forward(0);
        self.last = None;
        self.loss = None;
    }
}
