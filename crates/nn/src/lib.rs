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
pub mod checkpoint;
pub mod codegen;
pub mod curves;
pub mod cycle;
pub mod data;
pub mod dataedit;
mod edit;
pub mod error;
pub mod event;
pub mod experiments;
pub mod fastmath;
mod guard;
pub mod infer;
pub mod init;
pub mod inspect;
pub mod keyframes;
pub mod layer;
pub mod limits;
pub mod loss;
pub mod matmul;
pub mod measure;
pub mod network;
pub mod node;
pub mod notices;
pub mod numgrad;
pub mod optim;
mod pending;
pub mod preset;
pub mod pytorch_text;
pub mod read;
pub mod read_saved;
mod read_settings;
pub mod real;
pub mod regularize;
pub mod rng;
pub mod saved;
pub mod settings;
pub mod simd;
pub mod simd_kernels;
pub mod spec;
pub mod timeline;
pub mod trace;
pub mod validate;
mod whole;
pub mod workloads;

pub use activation::{Act, Activation};
pub use affine::Affine;
pub use checkpoint::Checkpoint;
pub use cycle::{MicroStep, Session};
pub use error::{NonFinite, Phase, SpecError};
pub use event::{Change, Event};
pub use infer::Inference;
pub use init::Init;
pub use layer::Layer;
pub use matmul::Kernels;
pub use network::Network;
pub use optim::{Optimizer, OptimizerKind};
pub use preset::{DataChoice, Preset};
pub use real::Real;
pub use rng::TorchGenerator;
pub use saved::TimelineCheckpoint;
pub use settings::Settings;
pub use spec::Spec;
pub use timeline::{Timeline, TimelineError};
pub use trace::Trace;
