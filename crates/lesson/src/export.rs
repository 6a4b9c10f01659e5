//! What a run is written out as: the PyTorch code that reproduces it and the trace of its steps.

pub mod codegen;
pub mod pytorch_text;
pub mod trace;
