//! A change made in the middle of a run (the optimizer, a weight, a bias), as an event at the
//! step it was made after: checked and applied to a session here; the [`crate::Timeline`]
//! records it (`record.rs`) and replays it whenever it recomputes the run (step back, seek,
//! resume).

use crate::cycle::Session;
use crate::spec::OptimizerSpec;
use backstep_nn::error::SpecError;
use backstep_nn::real::Real;
use serde::Serialize;

/// A change applied after step `step` (0: before the first step) and before the next one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Completed steps when the change was made.
    pub step: u64,
    /// What changed.
    pub change: Change,
}

/// What an [`Event`] changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Change {
    /// `{"type": "optimizer", "rule": {"type": "adam", "lr": …}}`: a new rule or new
    /// hyper-parameters (the same rule keeps its state; another starts from zero).
    Optimizer {
        /// The rule, as the spec's `optimizer` object.
        rule: OptimizerSpec,
    },
    /// `{"type": "weight", "layer": 0, "row": 1, "col": 2, "value": 0.5}`: W[row][col] of an
    /// affine layer.
    Weight {
        /// Index into the spec's `layers` (an affine layer).
        layer: usize,
        /// Row of W (input unit).
        row: usize,
        /// Column of W (output unit).
        col: usize,
        /// The new value (finite).
        value: f32,
    },
    /// `{"type": "bias", "layer": 0, "col": 2, "value": 0.5}`: b[col] of an affine layer.
    Bias {
        /// Index into the spec's `layers` (an affine layer).
        layer: usize,
        /// Index into b (output unit).
        col: usize,
        /// The new value (finite).
        value: f32,
    },
}

impl Change {
    /// True for a change to a parameter (which invalidates a half-done step's caches).
    pub fn is_edit(&self) -> bool {
        !matches!(self, Change::Optimizer { .. })
    }

    /// Applies the change; errors name the field (`set_weight.row: …`) and change nothing.
    pub fn apply<T: Real>(&self, s: &mut Session<T>) -> Result<(), SpecError> {
        match *self {
            Change::Optimizer { rule } => s.set_optimizer(rule),
            Change::Weight {
                layer,
                row,
                col,
                value,
            } => s.set_weight(layer, row, col, value),
            Change::Bias { layer, col, value } => s.set_bias(layer, col, value),
        }
    }

    /// Checks the change against a session's layers without applying it.
    pub fn check<T: Real>(&self, s: &Session<T>) -> Result<(), SpecError> {
        match *self {
            Change::Optimizer { rule } => crate::spec::validate::optimizer(rule).map(|_| ()),
            Change::Weight {
                layer,
                row,
                col,
                value,
            } => s.check_weight(layer, Some(row), col, value, "set_weight"),
            Change::Bias { layer, col, value } => {
                s.check_weight(layer, None, col, value, "set_bias")
            }
        }
    }
}
