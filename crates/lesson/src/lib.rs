//! backstep-lesson: the lesson around the math of `backstep-nn` — the micro-step [`Session`], the
//! timeline and its keyframes, events and edits, saved runs, measures, the glass-box tools
//! (notices, experiments, inspect, gradient check), code export and traces, data edits, and the
//! spec with its settings, presets and limits.
//!
//! ```
//! use backstep_lesson::{Preset, MicroStep};
//! // The article's run: XOR, 2-4-1 ReLU, SGD lr 0.1, its initial weights.
//! let mut s = Preset::article().spec(1).unwrap().session().unwrap();
//! assert_eq!(s.substep().unwrap(), MicroStep::Forward(0));
//! let loss = s.step().unwrap(); // finishes the step
//! assert_eq!(format!("{loss:.4}"), "2.0640");
//! let dw1 = s.network().layers()[0].as_affine().unwrap().dw();
//! assert_eq!(format!("{:.4}", dw1[(0, 1)]), "1.1860");
//! ```

pub mod course;
pub mod cycle;
pub mod dataedit;
pub mod export;
pub mod glass;
pub mod limits;
pub mod measure;
pub mod preset;
pub mod saved;
pub mod settings;
pub mod spec;
pub mod timeline;
pub mod workloads;

pub use course::Course;
pub use cycle::{MicroStep, Session};
pub use export::trace::Trace;
pub use preset::{DataChoice, Preset};
pub use saved::TimelineCheckpoint;
pub use saved::checkpoint::Checkpoint;
pub use settings::Settings;
pub use spec::Spec;
pub use timeline::event::{Change, Event};
pub use timeline::{Timeline, TimelineError};
