//! The page's handle on a run: made from a spec, settings or a saved run; steps, sub-steps,
//! back, seek and reset through `backstep_lesson::Timeline` (keyframes make going back cheap), and
//! the notices it keeps up to date. What the page reads between frames is in `state.rs`; the
//! glass box's calls (inspect, gradient check, edits, code) in `glass.rs`.

use crate::js::{Js, error as js, to_js};
use backstep_lesson::glass::notices::Notices;
use backstep_lesson::spec::page_limits::page_check;
use backstep_lesson::{Session, Settings, Spec, Timeline, TimelineError};
use backstep_nn::{Inference, NonFinite};
use nalgebra::DMatrix;
use wasm_bindgen::prelude::*;

/// A spec, its run and what the page reads between frames.
#[wasm_bindgen]
pub struct Trainer {
    pub(crate) spec: Spec,
    pub(crate) run: Timeline,
    pub(crate) notices: Notices,
    pub(crate) error: Option<NonFinite>,
    /// Buffers of the decision-boundary grid's forward pass, read by the page between frames.
    pub(crate) infer: Inference<f32>,
    pub(crate) grid: DMatrix<f32>,
    /// Whether the last call was `substep` (then `phase` names its micro-step) rather than
    /// `step`/`reset`/an error (then the page is `idle` between steps).
    pub(crate) stepping: bool,
    /// The settings the spec was built from, if it was built from settings.
    pub(crate) settings: Option<Settings>,
}

#[wasm_bindgen]
impl Trainer {
    /// A trainer for a spec (an object in the format of docs/trace-format.md, as `JSON.parse`
    /// returns it); a bad spec throws one line naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<Trainer, JsError> {
        Trainer::with_spec(backstep_lesson::spec::read::spec(Js(spec)).map_err(js)?)
    }

    /// A trainer for settings (`{dataset, hidden, …}`, any subset; the rest take the data set's
    /// defaults), built in wasm without a round trip of the spec through JS.
    #[wasm_bindgen(js_name = fromSettings)]
    pub fn from_settings(settings: JsValue) -> Result<Trainer, JsError> {
        let settings = backstep_lesson::spec::read::settings(Js(settings)).map_err(js)?;
        let preset = settings.preset().map_err(js)?;
        let mut trainer = Trainer::with_spec(preset.spec(1).map_err(js)?)?;
        trainer.settings = Some(preset.settings());
        Ok(trainer)
    }

    /// A trainer that resumes a saved run (`{spec, run, settings?}`, as `save` writes it) at its
    /// step: the next step equals the original's, bit for bit. The saved state is what it
    /// resumes from at every step count, once checked (shapes, finite values, Adam's v ≥ 0);
    /// settings that do not build the saved spec are dropped (the run then has none, as a run
    /// from a spec file).
    pub fn resume(doc: JsValue) -> Result<Trainer, JsError> {
        let spec_field =
            js_sys::Reflect::get(&doc, &"spec".into()).map_err(|_| js("spec: missing"))?;
        let run_field =
            js_sys::Reflect::get(&doc, &"run".into()).map_err(|_| js("run: missing"))?;
        let spec = backstep_lesson::spec::read::spec(Js(spec_field))
            .map_err(|e| js(in_field("spec", e)))?;
        let saved = backstep_lesson::saved::read_saved::timeline_checkpoint(Js(run_field))
            .map_err(|e| js(in_field("run", e)))?;
        let mut trainer = Trainer::with_spec(spec)?;
        let session = trainer.run.session().clone();
        let resume = |s: Session<f32>| {
            let mut run = Timeline::resume(s, &saved).map_err(|e| js(in_field("run", e)))?;
            run.defer_measures(true);
            Ok::<_, JsError>(run)
        };
        trainer.run = resume(session.clone())?;
        let settings = js_sys::Reflect::get(&doc, &"settings".into()).unwrap_or(JsValue::NULL);
        if !settings.is_null() && !settings.is_undefined() {
            let s = backstep_lesson::spec::read::settings(Js(settings))
                .map_err(|e| js(in_field("settings", e)))?;
            let preset = s.preset().ok();
            // Kept only when they build this very spec: a link must describe the run it opens.
            if preset.as_ref().and_then(|p| p.spec(1).ok()).as_ref() == Some(&trainer.spec) {
                trainer.settings = preset.map(|p| p.settings());
            }
        }
        trainer.observe_all();
        // The replay (for the notices and the measures) must arrive at the saved state; where
        // it does not (an edited state), the saved state is used, without the replay's record.
        let replayed = trainer.run.steps() == saved.state.steps
            && trainer.run.session().checkpoint() == saved.state;
        if !replayed {
            trainer.run = resume(session)?;
            trainer.notices = Notices::new();
        }
        Ok(trainer)
    }

    /// What puts this run over the page's limits (`{what, field, value, max}`), or `null`.
    #[wasm_bindgen(js_name = overLimits)]
    pub fn over_limits(&self) -> JsValue {
        page_check(&self.spec).map_or(JsValue::NULL, |o| to_js(&o))
    }

    /// Back to step 0 with the spec's initial weights; the run's later steps are forgotten.
    pub fn reset(&mut self) {
        self.run.reset();
        self.notices = Notices::new();
        self.error = None;
        self.stepping = false;
    }

    /// Runs up to `n` full steps (finishing a half-done one first). Stops at the first
    /// non-finite value, keeps the state after the last finite step and throws its message.
    pub fn step(&mut self, n: u32) -> Result<(), JsError> {
        self.stepping = false;
        for _ in 0..n {
            let result = self.run.step();
            self.settle(result.map(|_| ()))?;
            self.notices.observe(self.run.session());
        }
        Ok(())
    }

    /// Runs the next micro-step: forward through one layer, the loss, backward through one
    /// layer, or the update.
    pub fn substep(&mut self) -> Result<(), JsError> {
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
    pub fn back(&mut self, n: u32) -> Result<(), JsError> {
        let mid = !self.run.session().is_between_steps();
        let k = self
            .run
            .steps()
            .saturating_sub(u64::from(n) - u64::from(mid));
        self.seek(k as f64)
    }

    /// Exactly the state after step `k` (0 to the furthest step this run reached), bit for bit
    /// as a fresh run stepped k times.
    pub fn seek(&mut self, k: f64) -> Result<(), JsError> {
        if !(0.0..=self.furthest()).contains(&k) || k.fract() != 0.0 {
            return Err(js(format!(
                "seek(k): k must be a whole number from 0 to {}",
                self.furthest()
            )));
        }
        let k = k as u64;
        self.stepping = false;
        self.error = None;
        let seen = self.notices.steps();
        if k <= seen {
            self.notices.truncate(k);
            let result = self.run.seek(k);
            return self.settle(result);
        }
        // Forward past what the notices saw: step there one step at a time, observing each.
        let result = self.run.seek(seen);
        self.settle(result)?;
        self.step((k - seen) as u32)
    }

    /// The furthest step this run reached (the timeline's end).
    pub fn furthest(&self) -> f64 {
        self.run.farthest() as f64
    }
}

impl Trainer {
    pub(crate) fn with_spec(spec: Spec) -> Result<Trainer, JsError> {
        let mut run = Timeline::new(spec.session().map_err(js)?).map_err(js)?;
        // A step costs its training: the curve's measures are taken when there is time
        // (`settle_measures`), or when someone looks (`measured`, `settle_measure`, the CSV).
        run.defer_measures(true);
        Ok(Trainer {
            spec,
            run,
            notices: Notices::new(),
            error: None,
            infer: Inference::new(),
            grid: DMatrix::zeros(0, 2),
            stepping: false,
            settings: None,
        })
    }

    /// The session, with every cache.
    pub(crate) fn session(&self) -> &Session<f32> {
        self.run.session()
    }

    /// Records how a move of the timeline ended: a divergence keeps the last finite step (its
    /// caches recomputed, so every panel shows that step) and throws its message.
    pub(crate) fn settle(&mut self, result: Result<(), TimelineError>) -> Result<(), JsError> {
        match result {
            Ok(()) => {
                self.error = None;
                Ok(())
            }
            Err(TimelineError::Diverged(e)) => {
                let msg = e.to_string();
                self.notices.diverged(e.step, e.layer);
                self.error = Some(e);
                self.stepping = false;
                // The caches hold the failed step's values until the timeline seeks.
                let _ = self.run.seek(self.run.steps());
                Err(js(msg))
            }
            Err(e) => Err(js(e)),
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

/// The longest resumed run whose steps are replayed for the notices.
const REPLAY_NOTICES: u64 = 20_000;

/// An error from a part of a saved run, named by that part.
fn in_field(part: &str, e: impl std::fmt::Display) -> String {
    format!("{part}.{e}")
}
