//! The optimizers' update rules against hand computation in f64: momentum as PyTorch defines it,
//! and Adam's bias correction on its own.

use backstep_nn::Spec;

#[test]
fn momentum_follows_pytorchs_rule() {
    let spec = Spec::parse(
        r#"{"x": [[1, 2]], "t": [[0]], "layers": [{"type": "affine", "W": [[0.5], [-0.25]], "b": [0.1]}],
            "optimizer": {"type": "momentum", "lr": 0.1, "momentum": 0.9}}"#,
    )
    .unwrap();
    let mut s = spec.session().unwrap();
    let (mut w, mut v) = ([0.5f64, -0.25], [0.0f64; 2]);
    for _ in 0..3 {
        s.step().unwrap();
        // y = x·W + b; dW = xᵀ(y − t).
        let a = s.network().layers()[0].as_affine().unwrap();
        let g = [f64::from(a.dw()[(0, 0)]), f64::from(a.dw()[(1, 0)])];
        for k in 0..2 {
            v[k] = 0.9 * v[k] + g[k];
            w[k] -= 0.1 * v[k];
            assert!((f64::from(a.w()[(k, 0)]) - w[k]).abs() < 1e-6);
        }
    }
}

#[test]
fn adam_bias_correction_makes_the_first_step_lr_times_the_sign() {
    // With m̂ = g and v̂ = g² after one step, every parameter moves by lr·g/(|g| + ε) ≈ ±lr,
    // whatever the gradient's size. Without the correction it would move by lr·0.1/√0.001 ≈ 3.16·lr.
    let spec = Spec::parse(
        r#"{"x": [[1, -3], [0.5, 2]], "t": [[1], [0]],
            "layers": [{"type": "affine", "W": [[0.2], [0.7]], "b": [-0.4]}],
            "optimizer": {"type": "adam", "lr": 0.01}}"#,
    )
    .unwrap();
    let mut s = spec.session().unwrap();
    s.step().unwrap();
    let a = s.network().layers()[0].as_affine().unwrap();
    for (after, (before, g)) in a.w().iter().chain(a.b().iter()).zip(
        a.w_before()
            .iter()
            .chain(a.b_before().iter())
            .zip(a.dw().iter().chain(a.db().iter())),
    ) {
        let moved = f64::from(before - after);
        assert!(
            (moved - 0.01 * f64::from(g.signum())).abs() < 1e-6,
            "moved {moved} for g {g}"
        );
    }
    // The second step follows the full rule with t = 2, computed here in f64.
    let (g1, p1): (Vec<f64>, Vec<f64>) = a
        .dw()
        .iter()
        .chain(a.db().iter())
        .zip(a.w().iter().chain(a.b().iter()))
        .map(|(g, p)| (f64::from(*g), f64::from(*p)))
        .unzip();
    s.step().unwrap();
    let a = s.network().layers()[0].as_affine().unwrap();
    let g2: Vec<f64> = a
        .dw()
        .iter()
        .chain(a.db().iter())
        .map(|g| f64::from(*g))
        .collect();
    let p2: Vec<f64> = a
        .w()
        .iter()
        .chain(a.b().iter())
        .map(|p| f64::from(*p))
        .collect();
    for k in 0..3 {
        let m = 0.9 * (0.1 * g1[k]) + 0.1 * g2[k];
        let v = 0.999 * (0.001 * g1[k] * g1[k]) + 0.001 * g2[k] * g2[k];
        let (mh, vh) = (m / (1.0 - 0.9f64.powi(2)), v / (1.0 - 0.999f64.powi(2)));
        let want = p1[k] - 0.01 * mh / (vh.sqrt() + 1e-8);
        assert!(
            (p2[k] - want).abs() < 1e-6,
            "param {k}: {} vs {want}",
            p2[k]
        );
    }
    assert_eq!(s.optimizer().steps(), 2);
}
