//! Input features against a float64 reference written here from their definitions (x₁², x₂²,
//! x₁·x₂, sin in f64), on points across the plane and beyond it; each is the same bits run
//! after run, and the matrix form equals the feature applied point by point.

use backstep_nn::features::{Feature, features, features_into};
use nalgebra::DMatrix;

fn reference(f: Feature, a: f64, b: f64) -> f64 {
    match f {
        Feature::X1 => a,
        Feature::X2 => b,
        Feature::X1Squared => a * a,
        Feature::X2Squared => b * b,
        Feature::X1X2 => a * b,
        Feature::SinX1 => a.sin(),
        Feature::SinX2 => b.sin(),
    }
}

fn points() -> DMatrix<f32> {
    // A grid over [−7.5, 7.5]² and a few far points (sin's argument reduction).
    let mut v: Vec<f32> = Vec::new();
    for i in 0..31 {
        for j in 0..31 {
            v.extend([-7.5 + 0.5 * i as f32, -7.5 + 0.5 * j as f32 + 0.013]);
        }
    }
    v.extend([1e4, -3.1e3, 123.456, -0.0, 1e-30, std::f32::consts::TAU]);
    DMatrix::from_row_slice(v.len() / 2, 2, &v)
}

#[test]
fn every_feature_is_its_float64_definition_within_f32_rounding() {
    let x = points();
    let m = features(&x, &Feature::ALL);
    assert_eq!(m.shape(), (x.nrows(), 7));
    for r in 0..x.nrows() {
        let (a, b) = (f64::from(x[(r, 0)]), f64::from(x[(r, 1)]));
        for (j, f) in Feature::ALL.into_iter().enumerate() {
            let want = reference(f, a, b);
            let got = f64::from(m[(r, j)]);
            // One f32 rounding of the exact value (a product of f32s, or sin of one).
            let tol = 1.2e-7 * want.abs().max(1e-30) + 1e-45;
            assert!(
                (got - want).abs() <= tol,
                "{f:?} at ({a}, {b}): {got} vs {want}"
            );
        }
    }
}

#[test]
fn the_chosen_features_in_their_order_and_the_same_bits_again() {
    let x = points();
    let chosen = [Feature::SinX2, Feature::X1, Feature::X1X2];
    let mut out = DMatrix::zeros(0, 0);
    features_into(&mut out, &x, &chosen);
    for r in 0..x.nrows() {
        for (j, f) in chosen.iter().enumerate() {
            assert_eq!(out[(r, j)].to_bits(), f.of(x[(r, 0)], x[(r, 1)]).to_bits());
        }
    }
    let again = features(&x, &chosen);
    assert!(
        out.iter()
            .zip(again.iter())
            .all(|(a, b)| a.to_bits() == b.to_bits())
    );
    for f in Feature::ALL {
        assert_eq!(Feature::parse(f.name()), Some(f));
    }
    assert_eq!(Feature::parse("x3"), None);
}
