//! The timeline's keyframes: the state after some steps (parameters, optimizer state, batch
//! schedule), kept so that going back recomputes a bounded number of steps. See
//! [`crate::timeline`] for the bound.

use crate::cycle::{MicroStep, Session};
use backstep_nn::batch::Batcher;
use backstep_nn::optim::Optimizer;
use backstep_nn::real::Real;

/// Most keyframes kept at once.
pub const MAX_KEYFRAMES: usize = 1024;
/// Fewest keyframes kept, whatever their size.
pub const MIN_KEYFRAMES: usize = 4;
/// Bytes the keyframes may hold together, when that allows fewer than [`MAX_KEYFRAMES`].
pub const KEYFRAME_BUDGET: usize = 64 << 20;
/// The interval between keyframes until the cap is first exceeded. Not 1: for the small nets a
/// lesson starts with, taking a keyframe (a fresh state and its allocation, until the cap is
/// reached) is a large share of a step. The article's net from step 0, in the page, as
/// `cargo xtask bench` times it: 11% less time a step at 16 than at 4 (1 024 fresh states in its
/// first 4 096 steps at 4, 256 at 16). Going back recomputes at most 15 steps: microseconds on
/// such a net, about 2 ms on the page's largest (W5, about 0.15 ms a step).
pub const FIRST_INTERVAL: u64 = 16;

/// Keyframes at multiples of an interval that doubles whenever the cap is exceeded.
#[derive(Clone, Debug)]
pub(crate) struct Keyframes {
    interval: u64,
    cap: usize,
    /// (step, index in `states` of the state after that step and its events), sorted by step:
    /// inserting and thinning move two words, never a state (which holds the batch
    /// generator's 2.5 KB inline).
    frames: Vec<(u64, usize)>,
    /// Every state ever taken, kept or spare: a dropped frame's state is written over by a
    /// later one, so a keyframe taken on an ordinary step allocates nothing. Never more than
    /// the cap plus one.
    states: Vec<State<f32>>,
    /// Indices in `states` of the frames dropped.
    spare: Vec<usize>,
    /// Every state's parameters (`State::params` stays empty here): state i's at
    /// `per·i..per·(i + 1)`, in one buffer, so a fresh keyframe allocates none of its own.
    arena: Vec<f32>,
    per: usize,
}

impl Keyframes {
    /// An empty store for states of about `frame_bytes` each.
    pub(crate) fn new(frame_bytes: usize) -> Self {
        let cap = (KEYFRAME_BUDGET / frame_bytes.max(1)).clamp(MIN_KEYFRAMES, MAX_KEYFRAMES);
        Keyframes {
            interval: FIRST_INTERVAL,
            cap,
            frames: Vec::new(),
            states: Vec::new(),
            spare: Vec::new(),
            arena: Vec::new(),
            per: 0,
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
        self.frames
            .iter()
            .map(|&(_, i)| self.states[i].bytes() + 4 * self.per)
            .sum()
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
            let i = match self.spare.pop() {
                Some(i) => {
                    session.state_into(&mut self.states[i]);
                    i
                }
                None => {
                    self.states.push(session.state_without_params());
                    self.states.len() - 1
                }
            };
            let per = session.param_count();
            session.params_to(self.slot(i, per));
            self.frames.insert(at, (step, i));
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
            self.spare.extend(self.frames.drain(kept..).map(|(_, i)| i));
        }
    }

    /// State i's parameters in the arena (of `per` floats a state, which a run never changes),
    /// growing it for a new state.
    fn slot(&mut self, i: usize, per: usize) -> &mut [f32] {
        assert!(
            self.per == per || self.arena.is_empty(),
            "a keyframe of the run's shape"
        );
        self.per = per;
        if self.arena.len() < per * (i + 1) {
            self.arena.resize(per * (i + 1), 0.0);
        }
        &mut self.arena[per * i..per * (i + 1)]
    }

    /// Keeps `state` at index i, its parameters in the arena.
    fn keep(&mut self, i: usize, mut state: State<f32>) {
        let params = std::mem::take(&mut state.params);
        self.slot(i, params.len()).copy_from_slice(&params);
        self.states[i] = state;
    }

    /// Keeps `state` as the frame at `step` whatever the interval (a resumed run's start), or
    /// replaces the frame there.
    pub(crate) fn put(&mut self, step: u64, state: State<f32>) {
        match self.find(step) {
            Ok(at) => self.keep(self.frames[at].1, state),
            Err(at) => {
                let i = self.spare.pop().unwrap_or_else(|| {
                    self.states.push(state.clone());
                    self.states.len() - 1
                });
                self.keep(i, state);
                self.frames.insert(at, (step, i));
            }
        }
    }

    /// Replaces the frame at `step`, if there is one.
    pub(crate) fn replace(&mut self, step: u64, state: impl FnOnce() -> State<f32>) {
        if let Ok(at) = self.find(step) {
            self.keep(self.frames[at].1, state());
        }
    }

    /// The latest frame at or before `step`: its step, state and parameters.
    pub(crate) fn at_or_before(&self, step: u64) -> Option<(u64, &State<f32>, &[f32])> {
        let end = match self.find(step) {
            Ok(at) => at + 1,
            Err(at) => at,
        };
        let &(s, i) = self.frames[..end].last()?;
        Some((
            s,
            &self.states[i],
            &self.arena[self.per * i..self.per * (i + 1)],
        ))
    }

    /// Drops every frame after `step`.
    pub(crate) fn truncate_after(&mut self, step: u64) {
        let end = match self.find(step) {
            Ok(at) => at + 1,
            Err(at) => at,
        };
        self.spare.extend(self.frames.drain(end..).map(|(_, i)| i));
    }

    /// Drops every frame.
    pub(crate) fn clear(&mut self) {
        self.spare.extend(self.frames.drain(..).map(|(_, i)| i));
        self.interval = 1;
    }
}

/// The in-memory state a timeline keeps as a keyframe: like a [`Checkpoint`], without
/// conversion, and cheap to put back on the session it came from.
#[derive(Clone, Debug)]
pub(crate) struct State<T: Real> {
    /// Every affine layer's W then b (column-major), in layer order (empty in a keyframe:
    /// [`Keyframes`] keeps them all in one buffer).
    pub(crate) params: Vec<T>,
    pub(crate) opt: Optimizer<T>,
    pub(crate) batcher: Batcher,
    pub(crate) steps: u64,
}

impl<T: Real> State<T> {
    /// Bytes held by the state's matrices and schedule (an estimate of its heap size).
    pub(crate) fn bytes(&self) -> usize {
        let t = std::mem::size_of::<T>();
        let params = self.params.len() * t;
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
        let mut s = self.state_without_params();
        s.params = vec![T::zero(); self.param_count()];
        self.params_to(&mut s.params);
        s
    }

    /// [`Session::state`] but the parameters.
    fn state_without_params(&self) -> State<T> {
        State {
            params: Vec::new(),
            opt: self.opt.clone(),
            batcher: self.batcher.clone(),
            steps: self.steps,
        }
    }

    /// How many parameters (every W and b) the network has.
    fn param_count(&self) -> usize {
        self.net.affines().map(|a| a.w().len() + a.b().len()).sum()
    }

    /// Every W then b, flat, into `p` (of [`Session::param_count`] values).
    fn params_to(&self, mut p: &mut [T]) {
        for a in self.net.affines() {
            for m in [a.w(), a.b()] {
                let (head, rest) = p.split_at_mut(m.len());
                head.copy_from_slice(m.as_slice());
                p = rest;
            }
        }
    }

    /// Writes the state between steps but the parameters over `s` (a spare keyframe), reusing
    /// its buffers.
    pub(crate) fn state_into(&self, s: &mut State<T>) {
        s.opt.clone_from(&self.opt);
        s.batcher.clone_from(&self.batcher);
        s.steps = self.steps;
    }

    /// Puts back a keyframe taken from this session (or one built from the same spec). The
    /// caches keep whatever they held until the next step overwrites them.
    pub(crate) fn set_state(&mut self, s: &State<T>, params: &[T]) {
        let mut p = params;
        for a in self.net.affines_mut() {
            let (w, rest) = p.split_at(a.w().len());
            a.w_mut().as_mut_slice().copy_from_slice(w);
            let (b, rest) = rest.split_at(a.b().len());
            a.b_mut().as_mut_slice().copy_from_slice(b);
            p = rest;
        }
        debug_assert!(p.is_empty(), "a keyframe of this network's shape");
        self.opt.clone_from(&s.opt);
        self.opt_backup.clone_from(&s.opt);
        self.batcher.clone_from(&s.batcher);
        self.steps = s.steps;
        self.next = MicroStep::Forward(0);
        self.last = None;
        self.loss = None;
    }
}
