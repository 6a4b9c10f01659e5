//! A run that can go back: [`Timeline`] owns the session, the loss history, keyframes and the
//! changes made mid-run (events), and can step forward, step back and seek to any step.
//!
//! # Exactness
//! Training is deterministic, so the state after step k is recomputed rather than stored: going
//! to step k restores the latest keyframe at some j < k and runs the k − j steps after it,
//! replaying every event on the way. The result (every cache, the parameters, the optimizer's
//! state, the batch position, the loss history truncated to k) equals, bit for bit, a fresh
//! session stepped k times with the same events. Step 0 is the fresh session itself.
//!
//! # Memory bound and worst-case recompute
//! - Keyframes are taken after every N-th step, N starting at [`keyframes::FIRST_INTERVAL`]
//!   (16). There are at most
//!   `cap = clamp(64 MiB / frame, 4, 1 024)` of them, where a frame is the parameters three
//!   times over (W and b, and room for Adam's m and v) plus the batch schedule; past the cap N
//!   doubles and every other keyframe goes (kept as a spare, written over by later keyframes,
//!   so taking one allocates nothing). So keyframes hold at most max(64 MiB, 4 frames), plus one
//!   frame. The article's 2-4-1 network (17 parameters, full batch) takes about 2.6 KB a frame,
//!   so 1 024 frames take about 2.7 MB.
//! - A seek to step k recomputes at most N steps, and N ≤ max(16, 2·F / cap) where F is the
//!   farthest step reached: with 1 024 keyframes, 1 024 steps at 1 M steps. After a resume
//!   the only keyframe is the resumed step, so going back before it replays from step 0 once
//!   (keyframes are taken on the way).
//! - The loss history is one f32 per step (4 MB at 1 M steps), and the fresh session is kept
//!   once for step 0 (a second copy of the data set).
//! - A timeline runs at most [`MAX_STEPS`] (1 000 000) steps: past it `step`, `run` and
//!   `substep` return [`TimelineError::Limit`] and the run stays at its last step; going back
//!   and seeking still work.
//!
//! # Divergence
//! A step that produces NaN or ±Inf returns [`TimelineError::Diverged`] and keeps the state
//! after the last finite step (parameters, optimizer state, batch position, history). The
//! caches still show the failed step's values, where the non-finite value appeared, until the
//! next seek: `seek(steps())` (or `back(0)`) recomputes the last finite step's caches. Going
//! back and seeking work as before; stepping forward meets the same divergence again unless an
//! event (a smaller learning rate, say) changed the run.
//!
//! # Going back, then forward
//! Going back keeps the steps after it (their losses, keyframes and events): stepping forward
//! again replays the same run. A new event made at step k drops everything after k, as a new
//! branch of the run.

pub mod event;
pub mod keyframes;
pub mod measures;
mod record;

use crate::cycle::{MicroStep, Session};
use crate::measure::curves::Curves;
use crate::timeline::event::Event;
use crate::timeline::keyframes::Keyframes;
use backstep_nn::error::{NonFinite, SpecError};
use backstep_nn::matmul::Kernels;
use backstep_nn::message::{Lang, Msg};
use std::fmt;

/// Most steps a timeline runs.
pub const MAX_STEPS: u64 = crate::limits::MAX_RUN_STEPS;

/// Why a timeline did not move as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineError {
    /// A step produced NaN or ±Inf; the state after the last finite step is kept.
    Diverged(NonFinite),
    /// The run is at [`MAX_STEPS`].
    Limit,
    /// An event was refused (a field out of range or not finite); nothing changed.
    Invalid(SpecError),
}

impl fmt::Display for TimelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimelineError::Diverged(e) => e.fmt(f),
            TimelineError::Limit => f.write_str(&Msg::RunLimit { max: MAX_STEPS }.say(Lang::En)),
            TimelineError::Invalid(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TimelineError {}

impl From<NonFinite> for TimelineError {
    fn from(e: NonFinite) -> Self {
        TimelineError::Diverged(e)
    }
}
impl From<SpecError> for TimelineError {
    fn from(e: SpecError) -> Self {
        TimelineError::Invalid(e)
    }
}

/// A session with its history, keyframes and events; see the module documentation.
#[derive(Clone, Debug)]
pub struct Timeline {
    pub(crate) origin: Session<f32>,
    pub(crate) session: Session<f32>,
    /// The loss of step s at s − 1, possibly past the current step (a run gone back keeps it).
    pub(crate) history: Vec<f32>,
    /// Sorted by step; in the order they were made within a step.
    pub(crate) events: Vec<Event>,
    pub(crate) frames: Keyframes,
    /// True after a divergence: the caches hold the failed step's values until a seek.
    pub(crate) stale: bool,
    /// Whole-set losses and accuracies after each step reached (index s: after s steps).
    pub(crate) curves: Curves,
}

impl Timeline {
    /// A timeline starting from `session`, which must be at step 0 (as `Spec::session` makes).
    pub fn new(session: Session<f32>) -> Result<Timeline, SpecError> {
        if session.steps() != 0 || !session.is_between_steps() {
            return Err(SpecError::new("", Msg::TimelineStart));
        }
        let params: usize = session
            .network()
            .affines()
            .map(|a| a.w().len() + a.b().len())
            .sum();
        let frame = 3 * 4 * params + session.batcher().bytes();
        let mut curves = Curves::new();
        curves.record_now(0, &session);
        Ok(Timeline {
            origin: session.clone(),
            session,
            history: Vec::new(),
            events: Vec::new(),
            frames: Keyframes::new(frame),
            stale: false,
            curves,
        })
    }

    /// The session, for reading every cache, the parameters and the optimizer.
    pub fn session(&self) -> &Session<f32> {
        &self.session
    }
    /// Completed steps.
    pub fn steps(&self) -> u64 {
        self.session.steps()
    }
    /// The loss of each completed step, oldest first.
    pub fn history(&self) -> &[f32] {
        &self.history[..self.steps() as usize]
    }
    /// The whole-set measures (`crate::measure`) after steps 0 to the current one.
    pub fn curves(&self) -> &Curves {
        &self.curves
    }
    /// The whole-set measures of the current parameters (recorded, or computed now).
    pub fn measures_now(&mut self) -> crate::measure::Measures {
        self.curves.now(self.steps(), &self.session)
    }
    /// Every event, including those after the current step that stepping forward replays.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    /// How many keyframes are kept now.
    pub fn keyframes(&self) -> usize {
        self.frames.len()
    }
    /// The most keyframes this timeline keeps.
    pub fn keyframe_cap(&self) -> usize {
        self.frames.cap()
    }
    /// Steps between keyframes now (N), which is also the most steps a seek recomputes.
    pub fn keyframe_interval(&self) -> u64 {
        self.frames.interval()
    }
    /// Bytes the keyframes hold now.
    pub fn keyframe_bytes(&self) -> usize {
        self.frames.bytes()
    }
    /// Chooses how products are computed. Call it before running: the kept steps after the
    /// current one go, since the other kernels may round differently.
    pub fn set_kernels(&mut self, kernels: Kernels) {
        self.origin.set_kernels(kernels);
        self.session.set_kernels(kernels);
        self.drop_after(self.steps());
    }

    /// Runs one whole step (completing a half-done one) and returns its loss.
    pub fn step(&mut self) -> Result<f32, TimelineError> {
        if self.steps() >= MAX_STEPS {
            return Err(TimelineError::Limit);
        }
        let loss = self.session.step().inspect_err(|_| self.stale = true)?;
        self.completed(loss);
        Ok(loss)
    }

    /// Runs `n` steps and returns the last loss (`None` for 0); stops at the first error.
    pub fn run(&mut self, n: u64) -> Result<Option<f32>, TimelineError> {
        let mut loss = None;
        for _ in 0..n {
            loss = Some(self.step()?);
        }
        Ok(loss)
    }

    /// Runs the next micro-step and returns which one ran.
    pub fn substep(&mut self) -> Result<MicroStep, TimelineError> {
        if self.steps() >= MAX_STEPS {
            return Err(TimelineError::Limit);
        }
        let ms = self.session.substep().inspect_err(|_| self.stale = true)?;
        if ms == MicroStep::Update {
            self.completed(self.session.loss().unwrap_or(0.0));
        }
        Ok(ms)
    }

    /// Goes back `n` steps (to step 0 at most). In the middle of a step, going back 1 returns to
    /// the start of that step: the state after the completed steps.
    pub fn back(&mut self, n: u64) -> Result<(), TimelineError> {
        let n = if self.session.is_between_steps() {
            n
        } else {
            n.saturating_sub(1)
        };
        self.seek(self.steps().saturating_sub(n))
    }

    /// Goes to the state after step `k` (at most [`MAX_STEPS`]), back or forward. Forward of the
    /// steps reached so far it runs them, and stops at a divergence as `run` does.
    pub fn seek(&mut self, k: u64) -> Result<(), TimelineError> {
        let k = k.min(MAX_STEPS);
        let cur = self.steps();
        if k == cur && self.session.is_between_steps() && !self.stale {
            return Ok(());
        }
        let frame = k.checked_sub(1).and_then(|j| self.frames.at_or_before(j));
        let from = frame.map_or(0, |(j, _, _)| j);
        self.stale = false;
        if k > cur && from <= cur {
            return self.run(k - cur).map(drop);
        }
        match frame {
            Some((_, state, params)) => self.session.set_state(state, params),
            None => {
                self.session.clone_from(&self.origin);
                self.apply_events(0);
            }
        }
        self.run(k - from).map(drop)
    }

    /// Back to step 0, forgetting the history and every event.
    pub fn reset(&mut self) {
        self.session.clone_from(&self.origin);
        self.stale = false;
        self.history.clear();
        self.events.clear();
        self.frames.clear();
        self.curves.truncate_after(0);
        self.curves.record_now(0, &self.session);
    }

    /// Records a completed step: its loss, the events made after it, and maybe a keyframe.
    pub(crate) fn completed(&mut self, loss: f32) {
        self.stale = false;
        let s = self.steps();
        match self.history.get_mut(s as usize - 1) {
            Some(h) => *h = loss,
            None => self.history.push(loss),
        }
        self.apply_events(s);
        self.frames.offer(s, &self.session);
    }

    pub(crate) fn apply_events(&mut self, step: u64) {
        let from = self.events.partition_point(|e| e.step < step);
        for e in self.events[from..].iter().take_while(|e| e.step == step) {
            // Every event was checked when it was made or loaded, so it applies.
            let applied = e.change.apply(&mut self.session);
            debug_assert!(applied.is_ok(), "{applied:?}");
        }
        // Measured after the step's events, as the parameters stand from here on.
        self.curves.record(step, &self.session);
    }

    pub(crate) fn drop_after(&mut self, k: u64) {
        self.events.retain(|e| e.step <= k);
        self.history.truncate(k as usize);
        self.frames.truncate_after(k);
        self.curves.truncate_after(k);
    }
}

impl Timeline {
    /// The furthest step this run reached: going back keeps the steps after it, so it can be
    /// sought again.
    pub fn farthest(&self) -> u64 {
        self.history.len() as u64
    }
}
