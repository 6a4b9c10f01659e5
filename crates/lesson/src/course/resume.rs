//! Resuming a saved run as a course: the run continues from the saved state, bit for bit, and
//! its notices are rebuilt by replaying its history where that is short enough and arrives at
//! the saved state; settings are kept only when they build the saved spec.

use crate::course::Course;
use crate::glass::notices::Notices;
use crate::{Session, Settings, Spec, Timeline, TimelineCheckpoint};

/// The longest resumed run whose steps are replayed for the notices.
pub const REPLAY_NOTICES: u64 = 20_000;

/// An error from a part of a saved run (`spec`, `run`, `settings`), named by that part.
pub fn in_field(part: &str, e: impl std::fmt::Display) -> String {
    format!("{part}.{e}")
}

impl Course {
    /// A course that resumes `saved` (a run of `spec`) at its step: the next step equals the
    /// original's. The saved state is what it resumes from, once checked (shapes, finite
    /// values, Adam's v ≥ 0); an error in it is named under `run.`. The notices come from
    /// replaying up to [`REPLAY_NOTICES`] steps; where the replay does not arrive at the saved
    /// state (an edited state), the saved state is used, without notices.
    pub fn resume(spec: Spec, saved: &TimelineCheckpoint) -> Result<Course, String> {
        let mut course = Course::new(spec).map_err(|e| e.to_string())?;
        let session = course.run.session().clone();
        let resume = |s: Session<f32>| {
            let mut run = Timeline::resume(s, saved).map_err(|e| in_field("run", e))?;
            run.defer_measures(true);
            Ok::<_, String>(run)
        };
        course.run = resume(session.clone())?;
        course.observe_all();
        let replayed = course.run.steps() == saved.state.steps
            && course.run.session().checkpoint() == saved.state;
        if !replayed {
            course.run = resume(session)?;
            course.notices = Notices::new();
        }
        Ok(course)
    }

    /// Keeps `settings` only when they build this very spec (a link must describe the run it
    /// opens); otherwise the course keeps none, as a run from a spec file.
    pub fn offer_settings(&mut self, settings: &Settings) {
        let preset = settings.preset().ok();
        if preset.as_ref().and_then(|p| p.spec(1).ok()).as_ref() == Some(&self.spec) {
            self.settings = preset.map(|p| p.settings());
        }
    }

    /// Observes every step of a resumed run's history for the notices (a run of up to
    /// [`REPLAY_NOTICES`] steps; a longer one's notices start at the resumed step).
    fn observe_all(&mut self) {
        let k = self.run.steps();
        if k > 0 && k <= REPLAY_NOTICES && self.run.seek(0).is_ok() {
            for _ in 0..k {
                if self.run.step().is_err() {
                    break;
                }
                self.notices.observe(self.run.session());
            }
        }
    }
}
