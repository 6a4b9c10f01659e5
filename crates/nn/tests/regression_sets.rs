//! The regression sets in the plane (plane, hills): the same points for the same seed, other
//! points for another, each target its rule's value at the point drawn (noise 0), from −1 to 1,
//! and many distinct values (not classes).

use backstep_nn::data::{Regression, Shape2d, generate, regression_target};

#[test]
fn regression_sets_are_deterministic_and_follow_their_rule() {
    for (shape, rule) in [
        (Shape2d::Plane, Regression::Plane),
        (Shape2d::Hills, Regression::Hills),
    ] {
        let a = generate(shape, (200, 2), 0.0, 0.25, 3);
        assert_eq!(a, generate(shape, (200, 2), 0.0, 0.25, 3), "{shape:?}");
        assert_ne!(a, generate(shape, (200, 2), 0.0, 0.25, 4), "{shape:?}");
        assert_eq!((a.x.nrows(), a.x_test.nrows()), (150, 50));
        // Without noise each target is the rule's at its point, within [−1, 1], and many
        // distinct values (not classes).
        for (r, t) in a.x.row_iter().zip(a.t.iter()) {
            let want = regression_target(rule, [f64::from(r[0]), f64::from(r[1])]);
            assert!((f64::from(*t) - want).abs() < 1e-5, "{shape:?}");
            assert!(t.abs() <= 1.0);
        }
        let mut seen: Vec<f32> = a.t.iter().copied().collect();
        seen.sort_by(f32::total_cmp);
        seen.dedup();
        assert!(seen.len() > 100, "{shape:?}: {} values", seen.len());
    }
}
