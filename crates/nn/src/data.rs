//! Datasets: the article's two, six 2-D sets in the style of TF Playground (four of classes, two
//! of regression: a plane and gaussian hills, targets from −1 to 1), and user points.
//!
//! Every set is deterministic for its seed. Inputs are rows of x (samples × features) and targets
//! rows of t (samples × outputs). The 2-D sets live on [−6, 6]², with label 1 or 0 as the target;
//! spiral and gaussians also come in 3 to [`MAX_CLASSES`] classes, labelled 0 to k − 1 (point i
//! has label k − 1 − i mod k, so two classes are the sets' usual 1, 0, 1, 0, …), which
//! [`one_hot`] turns into one-hot rows.

mod noise;
mod regression;

use noise::jitter;
pub use regression::{Regression, regression_target};

use crate::rng::TorchGenerator;
use nalgebra::DMatrix;
use std::f64::consts::PI;

/// Most classes a generated set takes ([`Shape2d::takes_classes`]); the fewest is 2.
pub const MAX_CLASSES: usize = 5;

/// A training set and an optional held-out test set.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Training inputs, samples × features.
    pub x: DMatrix<f32>,
    /// Training targets, samples × outputs.
    pub t: DMatrix<f32>,
    /// Test inputs (may have zero rows).
    pub x_test: DMatrix<f32>,
    /// Test targets (may have zero rows).
    pub t_test: DMatrix<f32>,
}

/// The generated 2-D sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape2d {
    /// A disc of label 1 inside a ring of label 0.
    Circle,
    /// Four quadrants, label 1 where x·y > 0.
    XorQuadrants,
    /// Two gaussian clouds, label 1 around (2, 2), label 0 around (−2, −2).
    Gaussians,
    /// Two interleaved spiral arms.
    Spiral,
    /// Regression: a tilted plane, t = (x₁ + x₂) / 12, from −1 to 1 over the square.
    Plane,
    /// Regression: gaussian hills and hollows, t = Σ sᵢ·exp(−|x − cᵢ|² / 2σ²) clamped to [−1, 1].
    Hills,
}

impl Shape2d {
    /// Every shape, in menu order.
    pub const ALL: [Shape2d; 6] = [
        Shape2d::Circle,
        Shape2d::XorQuadrants,
        Shape2d::Gaussians,
        Shape2d::Spiral,
        Shape2d::Plane,
        Shape2d::Hills,
    ];

    /// True for the shapes drawn in more than two classes (spiral arms, gaussian clouds).
    pub fn takes_classes(self) -> bool {
        matches!(self, Shape2d::Gaussians | Shape2d::Spiral)
    }

    /// True for the regression sets, whose target is a number rather than a class.
    pub fn is_regression(self) -> bool {
        matches!(self, Shape2d::Plane | Shape2d::Hills)
    }

    /// The name used on the command line and in the page.
    pub fn name(self) -> &'static str {
        match self {
            Shape2d::Circle => "circle",
            Shape2d::XorQuadrants => "quadrants",
            Shape2d::Gaussians => "gaussians",
            Shape2d::Spiral => "spiral",
            Shape2d::Plane => "plane",
            Shape2d::Hills => "hills",
        }
    }
}

/// The article's XOR truth table: x ∈ {0,1}², t = x0 XOR x1.
pub fn xor() -> Dataset {
    let x = DMatrix::from_row_slice(4, 2, &[0., 0., 0., 1., 1., 0., 1., 1.]);
    let t = DMatrix::from_row_slice(4, 1, &[0., 1., 1., 0.]);
    Dataset::train_only(x, t)
}

/// The article's regression sample: after `manual_seed(seed)`, X = randn(2,3) and T = randn(2,1).
/// Returns the generator too, so that weights drawn next continue the article's stream.
pub fn article_regression(seed: u64) -> (Dataset, TorchGenerator) {
    let mut g = TorchGenerator::new(seed);
    let x = DMatrix::from_row_slice(2, 3, &g.randn(6));
    let t = DMatrix::from_row_slice(2, 1, &g.randn(2));
    (Dataset::train_only(x, t), g)
}

/// A generated 2-D set of `n` points in `classes` classes (2 for circle and quadrants; k
/// spiral arms or gaussian clouds otherwise); `noise` in [0, 1] scales the jitter; a
/// `test_fraction` of the points (shuffled) is held out.
pub fn generate(
    shape: Shape2d,
    (n, classes): (usize, usize),
    noise: f64,
    test_fraction: f64,
    seed: u64,
) -> Dataset {
    let mut g = TorchGenerator::new(seed);
    let mut pts: Vec<([f64; 2], f32)> = Vec::with_capacity(n);
    let k = classes.max(2);
    for i in 0..n {
        let label = i % 2 == 0;
        // The class's turn around the plane, as a fraction of a full turn (0 and ½ for two).
        let turn = (i % k) as f64 / k as f64;
        let p = match shape {
            Shape2d::Circle => {
                // Label 1 in a disc of radius 2.5, label 0 in a ring from 3.5 to 5.
                let r = if label {
                    2.5 * g.uniform53()
                } else {
                    3.5 + 1.5 * g.uniform53()
                };
                let a = 2.0 * PI * g.uniform53();
                let j = jitter(&mut g, noise, 5.0);
                [r * libm::cos(a) + j[0], r * libm::sin(a) + j[1]]
            }
            Shape2d::XorQuadrants => {
                // Points kept 0.3 away from the axes so that, without noise, no label is ambiguous.
                let side = |g: &mut TorchGenerator| {
                    let v = 0.3 + 4.7 * g.uniform53();
                    if g.uniform53() < 0.5 { -v } else { v }
                };
                let (a, b) = (side(&mut g), side(&mut g));
                let b = if (a * b > 0.0) == label { b } else { -b };
                let j = jitter(&mut g, noise, 5.0);
                [a + j[0], b + j[1]]
            }
            Shape2d::Gaussians => {
                // Two clouds at (2, 2) and (−2, −2); more on the circle through them.
                let c = if k == 2 {
                    let c = if label { 2.0 } else { -2.0 };
                    [c, c]
                } else {
                    let a = PI / 4.0 + 2.0 * PI * turn;
                    let r = 2.0 * std::f64::consts::SQRT_2;
                    [r * libm::cos(a), r * libm::sin(a)]
                };
                let sd = 0.5 + 1.5 * noise;
                [c[0] + sd * g.normal_scalar(), c[1] + sd * g.normal_scalar()]
            }
            Shape2d::Spiral => {
                let along = (i / k) as f64 / (n / k).max(1) as f64;
                let r = 5.0 * along;
                let a = 1.75 * 2.0 * PI * along + 2.0 * PI * turn;
                let j = jitter(&mut g, noise, 1.0);
                [r * libm::sin(a) + j[0], r * libm::cos(a) + j[1]]
            }
            Shape2d::Plane => {
                pts.push(regression::point(Regression::Plane, &mut g, noise));
                continue;
            }
            Shape2d::Hills => {
                pts.push(regression::point(Regression::Hills, &mut g, noise));
                continue;
            }
        };
        pts.push((p, (k - 1 - i % k) as f32));
    }
    // Fisher–Yates, so that the split takes a fair sample of both labels.
    for i in (1..pts.len()).rev() {
        let j = g.below(i + 1);
        pts.swap(i, j);
    }
    let n_test = ((n as f64) * test_fraction.clamp(0.0, 0.9)).round() as usize;
    let (test, train) = pts.split_at(n_test);
    let mat = |s: &[([f64; 2], f32)]| {
        let x: Vec<f32> = s
            .iter()
            .flat_map(|(p, _)| [p[0] as f32, p[1] as f32])
            .collect();
        let t: Vec<f32> = s.iter().map(|(_, l)| *l).collect();
        (
            DMatrix::from_row_slice(s.len(), 2, &x),
            DMatrix::from_row_slice(s.len(), 1, &t),
        )
    };
    let (x, t) = mat(train);
    let (x_test, t_test) = mat(test);
    Dataset {
        x,
        t,
        x_test,
        t_test,
    }
}

/// Labels 0 to k − 1 in one column as one-hot rows of width `k` (label l sets column l), or
/// `None` when a label is not one of them.
pub fn one_hot(t: &DMatrix<f32>, k: usize) -> Option<DMatrix<f32>> {
    let class = |v: f32| (v >= 0.0 && v.fract() == 0.0 && (v as usize) < k).then_some(v as usize);
    let labels: Option<Vec<usize>> = t.iter().map(|&v| class(v)).collect();
    let labels = labels.filter(|_| t.ncols() == 1)?;
    Some(DMatrix::from_fn(t.nrows(), k, |r, c| {
        f32::from(u8::from(labels[r] == c))
    }))
}

impl Dataset {
    /// A set with no test part.
    pub fn train_only(x: DMatrix<f32>, t: DMatrix<f32>) -> Dataset {
        let (xi, ti) = (x.ncols(), t.ncols());
        Dataset {
            x,
            t,
            x_test: DMatrix::zeros(0, xi),
            t_test: DMatrix::zeros(0, ti),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_sets_are_deterministic_balanced_and_split() {
        for shape in Shape2d::ALL.into_iter().filter(|s| !s.is_regression()) {
            let a = generate(shape, (200, 2), 0.1, 0.25, 3);
            assert_eq!(a, generate(shape, (200, 2), 0.1, 0.25, 3), "{shape:?}");
            assert_ne!(a, generate(shape, (200, 2), 0.1, 0.25, 4), "{shape:?}");
            assert_eq!((a.x.nrows(), a.x_test.nrows()), (150, 50));
            let ones = a.t.sum() + a.t_test.sum();
            assert_eq!(ones, 100.0, "{shape:?}");
            assert!(
                a.x.iter().all(|v| v.abs() <= 6.5),
                "{shape:?} stays on the plane"
            );
        }
    }

    #[test]
    fn more_classes_are_balanced_and_one_hot() {
        for shape in [Shape2d::Spiral, Shape2d::Gaussians] {
            for k in 3..=MAX_CLASSES {
                let a = generate(shape, (60 * k, k), 0.1, 0.0, 5);
                for c in 0..k {
                    let n = a.t.iter().filter(|&&v| v == c as f32).count();
                    assert_eq!(n, 60, "{shape:?}, {k} classes, class {c}");
                }
                let hot = one_hot(&a.t, k).unwrap();
                assert_eq!(hot.ncols(), k);
                assert!(hot.row_iter().all(|r| r.sum() == 1.0));
                assert_eq!(one_hot(&a.t, k - 1), None, "a label past the classes");
            }
        }
    }

    #[test]
    fn noiseless_labels_follow_the_rule() {
        let q = generate(Shape2d::XorQuadrants, (100, 2), 0.0, 0.0, 1);
        for (r, t) in q.x.row_iter().zip(q.t.iter()) {
            assert_eq!(*t == 1.0, r[0] * r[1] > 0.0);
        }
        let c = generate(Shape2d::Circle, (100, 2), 0.0, 0.0, 1);
        for (r, t) in c.x.row_iter().zip(c.t.iter()) {
            assert_eq!(*t == 1.0, r.norm() < 3.0);
        }
    }

    #[test]
    fn article_regression_draws_the_first_six_and_two() {
        let (d, _) = article_regression(42);
        assert_eq!(d.x[(0, 0)], 0.336_690_37);
        assert_eq!(d.x[(1, 2)], -0.186_328_29);
    }
}
