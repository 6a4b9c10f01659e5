//! Recording a change at the current step: the timeline checks it, applies it to the session
//! and keeps it as an [`Event`], so that going back and forth replays it.

use crate::spec::OptimizerSpec;
use crate::timeline::event::{Change, Event};
use crate::timeline::{Timeline, TimelineError};

impl Timeline {
    /// Records and applies a change at the current step; see [`Change`]. A parameter edit in
    /// the middle of a step first returns to that step's start. Everything after the current
    /// step (kept by going back) goes. A refused change changes nothing.
    pub fn edit(&mut self, change: Change) -> Result<(), TimelineError> {
        change.check(&self.session)?;
        if change.is_edit() && (!self.session.is_between_steps() || self.stale) {
            self.seek(self.steps())?;
        }
        let k = self.steps();
        self.drop_after(k);
        change.apply(&mut self.session)?;
        self.events.push(Event { step: k, change });
        self.curves.record_now(k, &self.session);
        let s = &self.session;
        self.frames.replace(k, || s.state());
        Ok(())
    }
    /// Records a change of the optimizer; see [`Timeline::edit`].
    pub fn set_optimizer(&mut self, rule: OptimizerSpec) -> Result<(), TimelineError> {
        self.edit(Change::Optimizer { rule })
    }
    /// Records W[row][col] = value for layer `layer`; see [`Timeline::edit`].
    pub fn set_weight(
        &mut self,
        layer: usize,
        row: usize,
        col: usize,
        value: f32,
    ) -> Result<(), TimelineError> {
        self.edit(Change::Weight {
            layer,
            row,
            col,
            value,
        })
    }
    /// Records b[col] = value for layer `layer`; see [`Timeline::edit`].
    pub fn set_bias(&mut self, layer: usize, col: usize, value: f32) -> Result<(), TimelineError> {
        self.edit(Change::Bias { layer, col, value })
    }
}
