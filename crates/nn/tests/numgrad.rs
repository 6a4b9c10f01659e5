//! The runtime gradient check (`numgrad`) on every page preset, at step 0 and after some steps,
//! and on the page's largest net.

use backstep_nn::data::Shape2d;
use backstep_nn::numgrad::{gradcheck, gradcheck_at_most};
use backstep_nn::{Act, DataChoice, Init, OptimizerKind, Preset, Session};

const TOL: f64 = 1e-3;

/// The page's defaults for a 2-D set, from where the page and the CLI take them.
fn plane(shape: Shape2d) -> Preset {
    Preset::for_data(DataChoice::Plane(shape))
}

fn session(p: &Preset) -> Session<f32> {
    p.spec(1).unwrap().session().unwrap()
}

/// Checks at step 0, after 1 step, after 50 steps and halfway through a step.
fn check_through_a_run(name: &str, p: &Preset) {
    let mut s = session(p);
    for target in [0, 1, 50] {
        while s.steps() < target {
            s.step().unwrap();
        }
        let g = gradcheck(&s);
        assert_eq!(
            g.entries.len(),
            g.parameters,
            "{name}: every entry is checked"
        );
        assert_eq!(
            g.kinks, 0,
            "{name} at step {target}: no parameter sits within h of a kink"
        );
        assert!(
            g.max_rel_err < TOL,
            "{name} at step {target}: max relative error {:e} at {:?}",
            g.max_rel_err,
            g.entries
                .iter()
                .max_by(|a, b| a.rel_err.total_cmp(&b.rel_err))
        );
        assert_eq!(
            g.batch,
            s.batcher().current(),
            "{name}: the next step's batch"
        );
    }
    // Halfway through a step the check uses the batch in progress, and the analytic gradient
    // equals the one the f32 backward pass computes (within f32 rounding).
    while s.next() != backstep_nn::MicroStep::Update {
        s.substep().unwrap();
    }
    let g = gradcheck(&s);
    assert_eq!(g.batch, s.batch(), "{name}: the batch in progress");
    for e in &g.entries {
        let a = s.network().layers()[e.layer].as_affine().unwrap();
        let stored = f64::from(if e.param == "b" { a.db() } else { a.dw() }[(e.row, e.col)]);
        assert!(
            (stored - e.analytic).abs() <= 1e-4 * e.analytic.abs().max(1.0),
            "{name}: f32 {stored} vs f64 {}",
            e.analytic
        );
    }
}

#[test]
fn the_article_run_and_its_regression_sample() {
    check_through_a_run("xor", &Preset::article());
    let regression = Preset {
        data: DataChoice::Regression,
        ..Preset::article()
    };
    check_through_a_run("regression", &regression);
}

#[test]
fn every_plane_set_with_the_page_defaults() {
    for shape in Shape2d::ALL {
        check_through_a_run(shape.name(), &plane(shape));
    }
}

#[test]
fn sigmoid_relu_and_other_optimizers() {
    for shape in [Shape2d::Circle, Shape2d::Spiral] {
        for (act, init) in [(Act::Sigmoid, Init::Glorot), (Act::Relu, Init::He)] {
            let p = Preset {
                activation: act,
                init,
                ..plane(shape)
            };
            check_through_a_run(&format!("{} {}", shape.name(), act.name()), &p);
        }
    }
    let adam = Preset {
        optimizer: OptimizerKind::Adam {
            lr: 0.01,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        },
        output: Some(Act::Sigmoid),
        ..plane(Shape2d::XorQuadrants)
    };
    check_through_a_run("quadrants adam, sigmoid output", &adam);
}

#[test]
fn the_largest_page_net_on_a_full_batch_of_500() {
    let p = Preset {
        hidden: vec![16; 4],
        batch_size: 0,
        // A fifth is held out for testing: 500 training samples, the page's most.
        points: 625,
        ..plane(Shape2d::Spiral)
    };
    let s = session(&p);
    assert_eq!(s.x().nrows(), 500);
    let g = gradcheck(&s);
    assert_eq!(g.parameters, 2 * 16 + 16 + 3 * (16 * 16 + 16) + 16 + 1);
    assert_eq!(g.forward_passes, 1 + 2 * g.parameters);
    assert!(
        g.max_rel_err < TOL,
        "max relative error {:e}",
        g.max_rel_err
    );
}

#[test]
fn a_bounded_check_spreads_over_every_layer() {
    let s = session(&plane(Shape2d::Circle));
    let g = gradcheck_at_most(&s, 10);
    assert_eq!(g.entries.len(), 10);
    assert_eq!(g.forward_passes, 21);
    let first = &g.entries[0];
    let last = &g.entries[9];
    assert_eq!(
        (first.layer, first.param, first.row, first.col),
        (0, "W", 0, 0)
    );
    assert_eq!((last.layer, last.param, last.col), (4, "b", 0));
    let full = gradcheck(&s);
    assert!(g.entries.iter().all(|e| full.entries.contains(e)));
    assert!(gradcheck_at_most(&s, 0).entries.is_empty());
}

#[test]
fn the_article_first_sample_sits_on_the_kink_and_the_left_side_is_used() {
    // At step 0 the sample (0, 0) gives z = 0 exactly in every hidden unit; the library blocks
    // it (derivative 0), and moving b1 up would unblock it.
    let s = session(&Preset::article());
    let g = gradcheck(&s);
    let b0 = g
        .entries
        .iter()
        .find(|e| (e.layer, e.param, e.col) == (0, "b", 0))
        .unwrap();
    assert_eq!(b0.analytic, 0.0, "unit 0 is dead for every sample");
    assert!(
        b0.numeric.abs() < 1e-9,
        "the backward difference: {}",
        b0.numeric
    );
    assert!(!b0.kink);
}

#[test]
fn the_result_serialises_with_the_page_names() {
    let s = session(&Preset::article());
    let json = serde_json::to_value(gradcheck_at_most(&s, 3)).unwrap();
    for key in [
        "maxRelErr",
        "kinks",
        "loss",
        "h",
        "floor",
        "batch",
        "parameters",
        "forwardPasses",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let entry = &json["entries"][2];
    assert_eq!(entry["layer"], 2);
    assert_eq!(entry["param"], "b");
    for key in ["row", "col", "analytic", "numeric", "relErr", "kink"] {
        assert!(entry.get(key).is_some(), "{key}");
    }
}
