//! backstep-nn: the training cycle 知る (forward) → ロス (loss) → 考える (backward) → 更新 (update)
//! as an exact, inspectable library on nalgebra, with no web dependency.
//!
//! ```
//! use backstep_nn::{Preset, MicroStep};
//! // The article's run: XOR, 2-4-1 ReLU, SGD lr 0.1, its initial weights.
//! let mut s = Preset::article().spec(1).unwrap().session().unwrap();
//! assert_eq!(s.substep().unwrap(), MicroStep::Forward(0));
//! let loss = s.step().unwrap(); // finishes the step
//! assert_eq!(format!("{loss:.4}"), "2.0640");
//! let dw1 = s.network().layers()[0].as_affine().unwrap().dw();
//! assert_eq!(format!("{:.4}", dw1[(0, 1)]), "1.1860");
//! ```

pub mod activation;
pub mod affine;
pub mod batch;
pub mod cycle;
pub mod data;
pub mod error;
pub mod fastmath;
pub mod infer;
pub mod init;
pub mod layer;
pub mod limits;
pub mod loss;
pub mod matmul;
pub mod network;
pub mod optim;
pub mod preset;
pub mod real;
pub mod rng;
pub mod spec;
pub mod trace;
pub mod validate;
pub mod workloads;

pub use activation::{Act, Activation};
pub use affine::Affine;
pub use cycle::{MicroStep, Session};
pub use error::{NonFinite, Phase, SpecError};
pub use infer::Inference;
pub use init::Init;
pub use layer::Layer;
pub use matmul::Kernels;
pub use network::Network;
pub use optim::{Optimizer, OptimizerKind};
pub use preset::{DataChoice, Preset};
pub use real::Real;
pub use rng::TorchGenerator;
pub use spec::Spec;
pub use trace::Trace;
