//! Saving and resuming a [`Timeline`]: what it holds besides the spec (the events up to the
//! current step, the loss history and the session's [`Checkpoint`]), and rebuilding it on a
//! session made from the same spec. See `docs/checkpoint-format.md`.

pub mod checkpoint;
pub mod read_saved;

use crate::cycle::Session;
use crate::saved::checkpoint::Checkpoint;
use crate::timeline::event::Event;
use crate::timeline::{MAX_STEPS, Timeline};
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;
use serde::Serialize;

/// What a saved timeline holds besides the spec: the events up to the saved step, the loss
/// history and the state at that step (after its events). See `docs/checkpoint-format.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineCheckpoint {
    /// The events made at or before `state.steps`, in order.
    pub events: Vec<Event>,
    /// The loss of each completed step (`state.steps` values).
    pub history: Vec<f32>,
    /// The session's state.
    pub state: Checkpoint,
}

impl Timeline {
    /// The run up to the current step, to save: events, history and state.
    pub fn checkpoint(&self) -> TimelineCheckpoint {
        let k = self.steps();
        TimelineCheckpoint {
            events: self
                .events
                .iter()
                .filter(|e| e.step <= k)
                .cloned()
                .collect(),
            history: self.history().to_vec(),
            state: self.session.checkpoint(),
        }
    }

    /// A timeline resumed from `c` on `session`, a session at step 0 built from the same spec:
    /// its step count is the saved one and its next step is the one the saved run would have
    /// taken, bit for bit. The caches are empty until that step. Errors name the field
    /// (`checkpoint.state.params[1].W: …`, `checkpoint.events[2].change: …`).
    pub fn resume(session: Session<f32>, c: &TimelineCheckpoint) -> Result<Timeline, SpecError> {
        let mut t = Timeline::new(session)?;
        let k = c.state.steps;
        let mut last = 0;
        for (i, e) in c.events.iter().enumerate() {
            if e.step < last || e.step > k {
                let msg = Msg::EventOrder {
                    step: e.step,
                    saved: k,
                };
                return Err(SpecError::new(format!("checkpoint.events[{i}].step"), msg));
            }
            last = e.step;
            e.change
                .check(&t.session)
                .map_err(|err| err.at(|f| format!("checkpoint.events[{i}].change ({f})")))?;
        }
        if c.history.len() as u64 != k {
            let msg = Msg::History {
                want: k,
                got: c.history.len(),
            };
            return Err(SpecError::new("checkpoint.history", msg));
        }
        if let Some(i) = c.history.iter().position(|v| !v.is_finite()) {
            return Err(SpecError::new(
                format!("checkpoint.history[{i}]"),
                Msg::NotFinite,
            ));
        }
        if k > MAX_STEPS {
            return Err(SpecError::new(
                "checkpoint.state.steps",
                Msg::AtMost { max: MAX_STEPS },
            ));
        }
        (t.session.restore(&c.state))
            .map_err(|e| e.at(|f| f.replacen("checkpoint", "checkpoint.state", 1)))?;
        t.history = c.history.clone();
        t.events = c.events.clone();
        t.frames.put(k, t.session.state());
        // The measures before the saved step are unknown until replayed (NaN meanwhile).
        t.curves.truncate_after(0);
        t.curves.record_now(k, &t.session);
        Ok(t)
    }
}
