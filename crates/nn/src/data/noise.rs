//! The noise of a generated 2-D set: each point moved by up to `noise · scale` on each axis,
//! uniformly, from the set's generator (so the same seed moves it the same way).

use crate::rng::TorchGenerator;

/// A point's move: two uniform draws in [−noise·scale, noise·scale].
pub(crate) fn jitter(g: &mut TorchGenerator, noise: f64, scale: f64) -> [f64; 2] {
    [
        (2.0 * g.uniform53() - 1.0) * noise * scale,
        (2.0 * g.uniform53() - 1.0) * noise * scale,
    ]
}
