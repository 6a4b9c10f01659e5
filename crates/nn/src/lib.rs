//! backstep-nn: the math of the training cycle 知る (forward) → ロス (loss) → 考える (backward)
//! → 更新 (update) — scalars and lanes, kernels, layers, loss, network, optimizers, init, rng,
//! data and batches — as an exact, inspectable library on nalgebra, with no knowledge of lessons
//! (the micro-step session, timeline and spec reader are `backstep-lesson`'s).
//!
//! ```
//! use backstep_nn::Affine;
//! use nalgebra::DMatrix;
//! // One affine layer, 2 in and 1 out: y = x·W + b.
//! let w = DMatrix::from_row_slice(2, 1, &[1.0f32, 2.0]);
//! let mut a = Affine::new(w, DMatrix::from_element(1, 1, 0.5));
//! let y = a.forward(&DMatrix::from_row_slice(1, 2, &[3.0, 4.0]));
//! assert_eq!(y[(0, 0)], 11.5);
//! ```

pub mod activation;
pub mod affine;
pub mod batch;
pub mod data;
pub mod error;
pub mod fastmath;
pub mod features;
pub mod infer;
pub mod init;
pub mod layer;
pub mod loss;
pub mod matmul;
pub mod message;
pub mod network;
pub mod optim;
pub mod real;
pub mod regularize;
pub mod rng;
pub mod simd;
pub mod simd_kernels;
mod tiny;

pub use activation::{Act, Activation};
pub use affine::Affine;
pub use error::{NonFinite, Phase, SpecError};
pub use infer::Inference;
pub use init::Init;
pub use layer::Layer;
pub use matmul::Kernels;
pub use network::Network;
pub use optim::{Optimizer, OptimizerKind};
pub use real::Real;
pub use rng::TorchGenerator;
