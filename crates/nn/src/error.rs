//! The errors the library reports: a non-finite value in the cycle, and a bad spec.

use std::fmt;

/// The four phases of the cycle: 知る, ロス, 考える, 更新.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// 知る: forward through the layers.
    Forward,
    /// ロス: the loss and dL/dy.
    Loss,
    /// 考える: backward through the layers, last to first.
    Backward,
    /// 更新: the optimizer moves the parameters.
    Update,
}

impl Phase {
    /// The English name: `forward`, `loss`, `backward`, `update`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Forward => "forward",
            Phase::Loss => "loss",
            Phase::Backward => "backward",
            Phase::Update => "update",
        }
    }
    /// The article's word for it: 知る, ロス, 考える, 更新.
    pub fn word_ja(self) -> &'static str {
        match self {
            Phase::Forward => "知る",
            Phase::Loss => "ロス",
            Phase::Backward => "考える",
            Phase::Update => "更新",
        }
    }
}

/// A micro-step produced NaN or ±Inf. Parameters and optimizer state were put back as they were
/// before the step, and the step counter did not move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonFinite {
    /// The step that failed (1-based: the step that would have completed).
    pub step: u64,
    /// The phase that produced the value.
    pub phase: Phase,
    /// The layer (index into the spec's `layers`), or `None` for the loss.
    pub layer: Option<usize>,
    /// The layer's kind (`affine`, `relu`, …) or `mse`.
    pub kind: &'static str,
    /// What held the value: `y`, `loss`, `dL/dy`, `dx`, `dW`, `db`, `W`, `b`.
    pub what: &'static str,
}

impl fmt::Display for NonFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "step {}, {} phase", self.step, self.phase.name())?;
        if let Some(l) = self.layer {
            write!(f, ", layers[{l}] ({})", self.kind)?;
        }
        write!(
            f,
            ": {} is not finite (NaN or ±Inf); training stopped and the state from before this step was kept — try a smaller learning rate",
            self.what
        )
    }
}

impl std::error::Error for NonFinite {}

/// A spec (or an option that builds one) that cannot be run, with the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// The field, as a path: `layers[2]`, `optimizer.lr`, `x[3]`; empty for the whole document.
    pub field: String,
    /// What is wrong, in one sentence.
    pub message: String,
}

impl SpecError {
    /// An error about `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        SpecError {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for SpecError {}
