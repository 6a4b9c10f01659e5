//! The regression sets in the plane (`plane` and `hills` of `Shape2d`): a point uniform on
//! [−6, 6]², its target (−1 to 1) the set's rule at the point drawn, then the noise moves the
//! point (as TF Playground's regression sets do: the noise is in the input).

use super::noise::jitter;
use crate::rng::TorchGenerator;

/// A regression set's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regression {
    /// A tilted plane, t = (x₁ + x₂) / 12.
    Plane,
    /// Gaussian hills and hollows.
    Hills,
}

/// Where the hills (s = 1) and hollows (s = −1) of [`Regression::Hills`] sit: (x₁, x₂, s).
const HILLS: [(f64, f64, f64); 5] = [
    (-3.0, 3.0, 1.0),
    (3.0, 3.0, -1.0),
    (0.0, 0.0, 1.0),
    (-3.0, -3.0, -1.0),
    (3.0, -3.0, 1.0),
];
/// The hills' spread σ.
const HILL_SD: f64 = 2.0;

/// The target of a regression set at `p` (before noise moves the point).
pub fn regression_target(rule: Regression, p: [f64; 2]) -> f64 {
    match rule {
        Regression::Plane => (p[0] + p[1]) / 12.0,
        Regression::Hills => {
            let v: f64 = HILLS
                .iter()
                .map(|&(a, b, s)| {
                    let d2 = (p[0] - a) * (p[0] - a) + (p[1] - b) * (p[1] - b);
                    s * libm::exp(-d2 / (2.0 * HILL_SD * HILL_SD))
                })
                .sum();
            v.clamp(-1.0, 1.0)
        }
    }
}

/// A point of a regression set and its target.
pub(crate) fn point(rule: Regression, g: &mut TorchGenerator, noise: f64) -> ([f64; 2], f32) {
    let p = [12.0 * g.uniform53() - 6.0, 12.0 * g.uniform53() - 6.0];
    let t = regression_target(rule, p);
    let j = jitter(g, noise, 1.0);
    ([p[0] + j[0], p[1] + j[1]], t as f32)
}
