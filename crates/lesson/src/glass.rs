//! The glass-box tools beside the run: notices and the experiments they suggest, the inspector's
//! per-unit arithmetic, and the numerical gradient check.

pub mod experiments;
pub mod inspect;
pub mod notices;
pub mod numgrad;
