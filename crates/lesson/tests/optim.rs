//! The optimizers' update rules against hand computation in f64: momentum as PyTorch defines it,
//! and Adam's bias correction on its own.

use backstep_lesson::Spec;
use backstep_nn::Phase;

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

#[test]
fn an_overflowing_adam_moment_is_a_divergence_and_the_state_is_kept() {
    // Two samples, one per step. The first is tame; in the second, x = 1e11 gives dW = 1e22
    // (finite), but v = 0.001·g·g = 1e41 overflows f32. Left alone, √v = ∞ would make the step
    // m/√v = 0 and that weight would silently stop moving while W stayed finite.
    let spec = Spec::parse(
        r#"{"x": [[0.5], [1e11]], "t": [[1], [0]],
            "layers": [{"type": "affine", "W": [[1]], "b": [0]}],
            "optimizer": {"type": "adam", "lr": 0.1}, "batch_size": 1, "seed": 3}"#,
    )
    .unwrap();
    let mut s = spec.session().unwrap();
    let (e, before) = loop {
        let before = serde_json::to_string(&s.checkpoint()).unwrap();
        let bits = state_bits(&s);
        match s.step() {
            Ok(_) => assert!(s.steps() < 10, "the huge sample comes within 10 steps"),
            Err(e) => break (e, (before, bits)),
        }
    };
    assert_eq!(
        (e.phase, e.layer, e.kind, e.what),
        (Phase::Update, Some(0), "affine", "v of W")
    );
    assert_eq!(e.step, s.steps() + 1);
    // Parameters, optimizer state (m, v, t), step count and batch position: the same bits.
    assert_eq!(state_bits(&s), before.1);
    assert_eq!(serde_json::to_string(&s.checkpoint()).unwrap(), before.0);
    assert_eq!(s.batch(), [1], "the failed step's batch is the one retried");
    // The message the CLI prints names the step, the phase and the layer.
    assert_eq!(
        e.to_string(),
        format!(
            "step {}, update phase, layers[0] (affine): v of W is not finite (NaN or ±Inf); \
             training stopped and the state from before this step was kept — try a smaller \
             learning rate",
            e.step
        )
    );
    // The whole-step path and the micro-step path agree.
    let mut m = spec.session().unwrap();
    let e2 = loop {
        match m.substep() {
            Ok(_) => {}
            Err(e) => break e,
        }
    };
    assert_eq!(e, e2);
    assert_eq!(state_bits(&m), before.1);
}

/// W, b, every optimizer buffer, Adam's t, the step count and the batch position as bits.
fn state_bits(s: &backstep_lesson::Session<f32>) -> Vec<u32> {
    let mut v: Vec<u32> = Vec::new();
    for a in s.network().affines() {
        v.extend(a.w().iter().chain(a.b().iter()).map(|x| x.to_bits()));
    }
    for slot in s.optimizer().slots() {
        v.extend(slot.m.iter().chain(slot.v.iter()).map(|x| x.to_bits()));
    }
    v.push(s.optimizer().steps() as u32);
    v.push(s.steps() as u32);
    v.extend(s.batcher().current().iter().map(|&i| i as u32));
    v
}
