//! A course: one spec's run as the page drives it — the [`Timeline`] (step, sub-step, back,
//! seek, reset, edits), the [`Notices`] kept in step with it (every completed step observed
//! once; going back forgets the steps after; a divergence noticed), the last non-finite error,
//! and the settings the spec was built from. The wasm glue only binds it; resuming a saved run
//! is in [`resume`].

pub mod resume;

use crate::glass::notices::Notices;
use crate::timeline::event::Change;
use crate::{Session, Settings, Spec, Timeline, TimelineError};
use backstep_nn::error::{NonFinite, SpecError};

/// A spec, its run, its notices and how the last move ended.
#[derive(Clone, Debug)]
pub struct Course {
    spec: Spec,
    run: Timeline,
    notices: Notices,
    error: Option<NonFinite>,
    stepping: bool,
    settings: Option<Settings>,
}

impl Course {
    /// A course for `spec` at step 0. A step costs its training: the curves' measures are
    /// deferred (taken by [`Timeline::settle_measures`], or when someone looks).
    pub fn new(spec: Spec) -> Result<Course, SpecError> {
        let mut run = Timeline::new(spec.session()?)?;
        run.defer_measures(true);
        Ok(Course {
            spec,
            run,
            notices: Notices::new(),
            error: None,
            stepping: false,
            settings: None,
        })
    }

    /// A course for settings: the data set's defaults completed by them, with the settings
    /// kept (the experiments and the page's link read them).
    pub fn from_settings(settings: &Settings) -> Result<Course, SpecError> {
        let preset = settings.preset()?;
        let mut course = Course::new(preset.spec(1)?)?;
        course.settings = Some(preset.settings());
        Ok(course)
    }

    /// The spec it runs.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }
    /// The run.
    pub fn run(&self) -> &Timeline {
        &self.run
    }
    /// The run, to settle or read its measures. Moves of the run go through the course's own
    /// calls, so that the notices follow.
    pub fn run_mut(&mut self) -> &mut Timeline {
        &mut self.run
    }
    /// The session, with every cache.
    pub fn session(&self) -> &Session<f32> {
        self.run.session()
    }
    /// The notices of the steps observed so far.
    pub fn notices(&self) -> &Notices {
        &self.notices
    }
    /// The non-finite value the last move stopped at, if it did.
    pub fn error(&self) -> Option<&NonFinite> {
        self.error.as_ref()
    }
    /// Whether the last move was a sub-step (rather than a step, a seek, a reset or an error).
    pub fn stepping(&self) -> bool {
        self.stepping
    }
    /// The settings the spec was built from, if it was built from settings.
    pub fn settings(&self) -> Option<&Settings> {
        self.settings.as_ref()
    }
    /// The furthest step this run reached (the timeline's end).
    pub fn furthest(&self) -> u64 {
        self.run.farthest()
    }

    /// Back to step 0 with the spec's initial weights; the run's later steps are forgotten.
    pub fn reset(&mut self) {
        self.run.reset();
        self.notices = Notices::new();
        self.error = None;
        self.stepping = false;
    }

    /// Runs up to `n` full steps (finishing a half-done one first), each observed for the
    /// notices. Stops at the first non-finite value, keeping the state after the last finite
    /// step (see [`Course::error`]).
    pub fn step(&mut self, n: u64) -> Result<(), TimelineError> {
        self.stepping = false;
        for _ in 0..n {
            let result = self.run.step();
            self.settle(result.map(|_| ()))?;
            self.notices.observe(self.run.session());
        }
        Ok(())
    }

    /// Runs the next micro-step; a step it completes is observed for the notices.
    pub fn substep(&mut self) -> Result<(), TimelineError> {
        self.stepping = true;
        let result = self.run.substep();
        self.settle(result.map(|_| ()))?;
        if self.run.session().is_between_steps() {
            self.notices.observe(self.run.session());
        }
        Ok(())
    }

    /// Back `n` steps; in the middle of a cycle, back to that cycle's start first (that counts
    /// as one).
    pub fn back(&mut self, n: u64) -> Result<(), TimelineError> {
        let mid = !self.run.session().is_between_steps();
        let k = self.run.steps().saturating_sub(n - u64::from(mid));
        self.seek(k)
    }

    /// Exactly the state after step `k` (at most [`Course::furthest`]). Behind what the notices
    /// saw they forget the later steps; past it the course steps there, observing each step.
    pub fn seek(&mut self, k: u64) -> Result<(), TimelineError> {
        self.stepping = false;
        self.error = None;
        let seen = self.notices.steps();
        if k <= seen {
            self.notices.truncate(k);
            let result = self.run.seek(k);
            return self.settle(result);
        }
        let result = self.run.seek(seen);
        self.settle(result)?;
        self.step(k - seen)
    }

    /// Records and applies a change at the current step (see [`Timeline::edit`]); the notices
    /// forget the steps after it.
    pub fn edit(&mut self, change: Change) -> Result<(), TimelineError> {
        self.run.edit(change)?;
        self.notices.truncate(self.run.steps());
        self.error = None;
        Ok(())
    }

    /// Records how a move of the timeline ended: a divergence is noticed and kept, and the
    /// last finite step's caches are recomputed, so that everything shows that step.
    fn settle(&mut self, result: Result<(), TimelineError>) -> Result<(), TimelineError> {
        match result {
            Ok(()) => {
                self.error = None;
                Ok(())
            }
            Err(TimelineError::Diverged(e)) => {
                self.notices.diverged(e.step, e.layer);
                self.error = Some(e.clone());
                self.stepping = false;
                // The caches hold the failed step's values until the timeline seeks.
                let _ = self.run.seek(self.run.steps());
                Err(TimelineError::Diverged(e))
            }
            Err(e) => Err(e),
        }
    }
}
