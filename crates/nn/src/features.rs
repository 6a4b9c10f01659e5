//! Input features of a point (x₁, x₂) of the plane, as TF Playground offers them: x₁, x₂, x₁²,
//! x₂², x₁·x₂, sin x₁, sin x₂. The network's input is the chosen features, in the chosen
//! order; the data, the boundary's grid and the neuron maps all go through [`features_into`],
//! so one point gives the same input everywhere. Computed in f32 with `libm`'s sine (no
//! platform math library), so the same bits on every target.

use crate::matmul::fit;
use nalgebra::DMatrix;

/// One input feature of a 2-D point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// x₁.
    X1,
    /// x₂.
    X2,
    /// x₁².
    X1Squared,
    /// x₂².
    X2Squared,
    /// x₁·x₂.
    X1X2,
    /// sin x₁.
    SinX1,
    /// sin x₂.
    SinX2,
}

impl Feature {
    /// Every feature, in menu order: the one place their names live.
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1X2,
        Feature::SinX1,
        Feature::SinX2,
    ];
    /// The plain input, the default.
    pub const PLAIN: [Feature; 2] = [Feature::X1, Feature::X2];

    /// The name in specs, settings, the CLI and the URL.
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1_sq",
            Feature::X2Squared => "x2_sq",
            Feature::X1X2 => "x1_x2",
            Feature::SinX1 => "sin_x1",
            Feature::SinX2 => "sin_x2",
        }
    }
    /// The feature as a formula (the network panel's input nodes, the menus).
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Squared => "x₁²",
            Feature::X2Squared => "x₂²",
            Feature::X1X2 => "x₁x₂",
            Feature::SinX1 => "sin x₁",
            Feature::SinX2 => "sin x₂",
        }
    }
    /// The feature named `name`, if any.
    pub fn parse(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }
    /// Its value at (a, b) = (x₁, x₂).
    pub fn of(self, a: f32, b: f32) -> f32 {
        match self {
            Feature::X1 => a,
            Feature::X2 => b,
            Feature::X1Squared => a * a,
            Feature::X2Squared => b * b,
            Feature::X1X2 => a * b,
            Feature::SinX1 => libm::sinf(a),
            Feature::SinX2 => libm::sinf(b),
        }
    }
}

/// `out` (resized to rows × features) holds the features of every row (x₁, x₂) of `x`.
pub fn features_into(out: &mut DMatrix<f32>, x: &DMatrix<f32>, features: &[Feature]) {
    fit(out, x.nrows(), features.len());
    for (j, f) in features.iter().enumerate() {
        for r in 0..x.nrows() {
            out[(r, j)] = f.of(x[(r, 0)], x[(r, 1)]);
        }
    }
}

/// The features of every row of `x` as a new matrix.
pub fn features(x: &DMatrix<f32>, features: &[Feature]) -> DMatrix<f32> {
    let mut out = DMatrix::zeros(0, 0);
    features_into(&mut out, x, features);
    out
}
