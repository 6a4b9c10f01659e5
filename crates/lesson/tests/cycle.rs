//! The cycle's contract: micro-step order, readable intermediates, non-finite values rolled
//! back, determinism, mini-batches, the held-out test set.

use backstep_lesson::{DataChoice, MicroStep, Preset, Session, Spec, export::trace};
use backstep_nn::{Act, Inference, OptimizerKind, Phase, data::Shape2d};

fn session(p: &Preset) -> Session<f32> {
    p.spec(1).unwrap().session().unwrap()
}

#[test]
fn substeps_visit_forward_loss_backward_update_in_order() {
    let p = Preset {
        hidden: vec![3, 2],
        activation: Act::Tanh,
        ..Preset::article()
    };
    let mut s = session(&p);
    let n = s.network().layers().len();
    assert_eq!(n, 5);
    let mut want: Vec<MicroStep> = (0..n).map(MicroStep::Forward).collect();
    want.push(MicroStep::Loss);
    want.extend((0..n).rev().map(MicroStep::Backward));
    want.push(MicroStep::Update);
    for round in 0..2 {
        let mut got = Vec::new();
        loop {
            assert_eq!(s.is_between_steps(), got.is_empty());
            let ms = s.substep().unwrap();
            assert_eq!(s.last(), Some(ms));
            got.push(ms);
            if ms == MicroStep::Update {
                break;
            }
        }
        assert_eq!(got, want, "round {round}");
        assert_eq!(s.steps(), round + 1);
    }
}

#[test]
fn intermediates_are_readable_after_each_microstep() {
    let mut s = session(&Preset::article());
    s.substep().unwrap();
    let a0 = s.network().layers()[0].as_affine().unwrap();
    assert_eq!(a0.x(), s.batch_x());
    assert_eq!(a0.y(), &(s.batch_x() * a0.w()));
    s.substep().unwrap();
    let relu = s.network().layers()[1].as_act().unwrap();
    for (m, &x) in relu
        .mask()
        .iter()
        .zip(s.network().input(1, s.batch_x()).iter())
    {
        assert_eq!(*m == 1, x <= 0.0);
    }
    s.substep().unwrap();
    s.substep().unwrap();
    assert_eq!(
        s.network().loss().dy(),
        &(s.network().output() - s.batch_t())
    );
    s.substep().unwrap();
    let a2 = s.network().layers()[2].as_affine().unwrap();
    assert_eq!(s.network().dout(2), s.network().loss().dy());
    assert_eq!(a2.dw(), &(a2.x().transpose() * s.network().dout(2)));
    let dx2 = a2.dx().clone();
    s.substep().unwrap();
    assert_eq!(s.network().dout(1), &dx2);
}

#[test]
fn a_diverging_learning_rate_is_reported_and_the_state_is_kept() {
    let p = Preset {
        optimizer: OptimizerKind::Sgd { lr: 50.0 },
        ..Preset::article()
    };
    let mut s = session(&p);
    let mut err = None;
    let mut before = (Vec::new(), 0);
    for _ in 0..100 {
        before = (snapshot(&s), s.steps());
        match s.step() {
            Ok(_) => {}
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    let e = err.expect("lr 50 diverges within 100 steps");
    assert_eq!(
        snapshot(&s),
        before.0,
        "parameters are those from before the failed step"
    );
    assert_eq!(s.steps(), before.1);
    assert_eq!(e.step, before.1 + 1);
    assert!(e.layer.is_some() || e.phase == Phase::Loss);
    assert_eq!(s.next(), MicroStep::Forward(0));
    assert_eq!(s.last(), None);
    let msg = e.to_string();
    assert!(
        msg.contains(e.phase.name()) && msg.contains("not finite"),
        "{msg}"
    );
    // The last completed step's loss is still the one reported.
    assert!(s.loss().is_some());
}

#[test]
fn a_non_finite_update_is_rolled_back_with_the_optimizer_state() {
    // A huge prediction error overflows f32 in the loss phase.
    let spec = Spec::parse(
        r#"{"x": [[3e38]], "t": [[0]], "layers": [{"type": "affine", "W": [[1]], "b": [0]}],
            "optimizer": {"type": "momentum", "lr": 1, "momentum": 0.9}}"#,
    )
    .unwrap();
    let mut s = spec.session().unwrap();
    let e = s.step().unwrap_err();
    // x·W = 3e38 is finite, but (y − t)² overflows.
    assert_eq!((e.phase, e.layer, e.what), (Phase::Loss, None, "loss"));
    let spec = Spec::parse(
        r#"{"x": [[1e20]], "t": [[1e-10]], "layers": [{"type": "affine", "W": [[0]], "b": [0]}],
            "optimizer": {"type": "momentum", "lr": 1e30, "momentum": 0.9}}"#,
    )
    .unwrap();
    // Here the loss and dW = −1e10 are finite, but lr·v = 1e40 overflows W in the update.
    let mut s = spec.session().unwrap();
    let e = s.step().unwrap_err();
    assert_eq!(
        (e.phase, e.layer, e.kind, e.what),
        (Phase::Update, Some(0), "affine", "W")
    );
    let a = s.network().layers()[0].as_affine().unwrap();
    assert_eq!(a.w()[(0, 0)], 0.0, "W is back to its value before the step");
    assert!(
        s.optimizer()
            .slots()
            .iter()
            .all(|slot| slot.m.iter().all(|&v| v == 0.0)),
        "velocity rolled back"
    );
    assert_eq!(s.optimizer().steps(), 0);
    assert_eq!(s.steps(), 0);
}

fn snapshot(s: &Session<f32>) -> Vec<u32> {
    s.network()
        .affines()
        .flat_map(|a| {
            a.w()
                .iter()
                .chain(a.b().iter())
                .map(|v| v.to_bits())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_same_spec_gives_the_same_bits() {
    let p = Preset {
        data: DataChoice::Plane(Shape2d::Spiral),
        hidden: vec![8, 8],
        activation: Act::Tanh,
        optimizer: OptimizerKind::Adam {
            lr: 0.01,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        },
        batch_size: 16,
        ..Preset::article()
    };
    let a = serde_json::to_string(&trace::run(&p.spec(25).unwrap()).unwrap()).unwrap();
    let b = serde_json::to_string(&trace::run(&p.spec(25).unwrap()).unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn mini_batches_cover_an_epoch_and_reshuffle() {
    let p = Preset {
        data: DataChoice::Plane(Shape2d::Circle),
        points: 20,
        test_fraction: 0.0,
        batch_size: 6,
        optimizer: OptimizerKind::Sgd { lr: 0.01 },
        ..Preset::article()
    };
    let t = trace::run(&p.spec(8).unwrap()).unwrap();
    let batches: Vec<Vec<usize>> = t.steps.iter().map(|s| s.batch.clone().unwrap()).collect();
    let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
    assert_eq!(sizes, [6, 6, 6, 2, 6, 6, 6, 2]);
    let mut epoch: Vec<usize> = batches[..4].concat();
    epoch.sort_unstable();
    assert_eq!(epoch, (0..20).collect::<Vec<_>>());
    assert_ne!(batches[..4], batches[4..]);
    assert_eq!(
        t.steps[3].outputs[0].len(),
        2,
        "the short last batch flows through every layer"
    );
}

#[test]
fn the_test_set_is_held_out_and_scored_separately() {
    let p = Preset {
        data: DataChoice::Plane(Shape2d::Gaussians),
        points: 100,
        test_fraction: 0.3,
        ..Preset::article()
    };
    let s = session(&p);
    assert_eq!((s.x().nrows(), s.x_test().nrows()), (70, 30));
    let test_loss = Inference::new().loss(s.network(), s.x_test(), s.t_test());
    assert!(test_loss.is_finite() && test_loss > 0.0);
}
