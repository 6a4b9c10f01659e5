//! The timeline's keyframes: the state after some steps, kept so that going back recomputes a
//! bounded number of steps. See [`crate::timeline`] for the bound.

use crate::checkpoint::State;

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
    /// (step, state after that step and its events), sorted by step.
    frames: Vec<(u64, State<f32>)>,
}

impl Keyframes {
    /// An empty store for states of about `frame_bytes` each.
    pub(crate) fn new(frame_bytes: usize) -> Self {
        let cap = (KEYFRAME_BUDGET / frame_bytes.max(1)).clamp(MIN_KEYFRAMES, MAX_KEYFRAMES);
        Keyframes {
            interval: 1,
            cap,
            frames: Vec::new(),
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
    pub(crate) fn offer(&mut self, step: u64, state: impl FnOnce() -> State<f32>) {
        if step == 0 || step % self.interval != 0 {
            return;
        }
        if let Err(at) = self.find(step) {
            self.frames.insert(at, (step, state()));
        }
        while self.frames.len() > self.cap {
            self.interval *= 2;
            let n = self.interval;
            self.frames.retain(|(s, _)| s % n == 0);
        }
    }

    /// Keeps `state` as the frame at `step` whatever the interval (a resumed run's start), or
    /// replaces the frame there.
    pub(crate) fn put(&mut self, step: u64, state: State<f32>) {
        match self.find(step) {
            Ok(at) => self.frames[at].1 = state,
            Err(at) => self.frames.insert(at, (step, state)),
        }
    }

    /// Replaces the frame at `step`, if there is one.
    pub(crate) fn replace(&mut self, step: u64, state: impl FnOnce() -> State<f32>) {
        if let Ok(at) = self.find(step) {
            self.frames[at].1 = state();
        }
    }

    /// The latest frame at or before `step`.
    pub(crate) fn at_or_before(&self, step: u64) -> Option<&(u64, State<f32>)> {
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
        self.frames.truncate(end);
    }

    /// Drops every frame.
    pub(crate) fn clear(&mut self) {
        self.frames.clear();
        self.interval = 1;
    }
}
