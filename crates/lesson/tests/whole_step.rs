//! The whole-step path (`Session::step` from a step's start, `Session::run`) leaves exactly the
//! bits that stepping micro-step by micro-step leaves: every cache, parameter and optimizer
//! buffer, after every step, and the same error at the same place on a divergence.

mod support;

use backstep_lesson::{MicroStep, Preset, Session, Spec};
use backstep_nn::OptimizerKind;
use support::{presets, same};

fn by_substeps(s: &mut Session<f32>) -> Result<f32, backstep_nn::NonFinite> {
    while s.substep()? != MicroStep::Update {}
    Ok(s.loss().unwrap())
}

#[test]
fn whole_steps_equal_micro_steps_bit_for_bit() {
    for (name, p) in presets() {
        let spec = p.spec(1).unwrap();
        let (mut a, mut b) = (spec.session().unwrap(), spec.session().unwrap());
        for k in 1..=40 {
            let la = a.step().unwrap();
            let lb = by_substeps(&mut b).unwrap();
            assert_eq!(la.to_bits(), lb.to_bits(), "{name}: loss of step {k}");
            same(&format!("{name} after step {k}"), &a, &b);
        }
        // `run` is the same as that many steps.
        let mut c = spec.session().unwrap();
        let last = c.run(40).unwrap();
        assert_eq!(last.map(f32::to_bits), a.loss().map(f32::to_bits));
        same(&format!("{name}: run(40)"), &a, &c);
        assert_eq!(c.run(0).unwrap(), None);
    }
}

#[test]
fn a_step_begun_by_micro_steps_is_completed_by_step() {
    let spec = presets()[1].1.spec(1).unwrap();
    let (mut a, mut b) = (spec.session().unwrap(), spec.session().unwrap());
    a.run(3).unwrap();
    b.run(3).unwrap();
    for _ in 0..4 {
        a.substep().unwrap();
    }
    a.step().unwrap();
    by_substeps(&mut b).unwrap();
    same("completed step", &a, &b);
}

#[test]
fn a_divergence_stops_both_paths_at_the_same_place_with_the_same_state() {
    let cases = [
        Preset {
            optimizer: OptimizerKind::Sgd { lr: 50.0 },
            ..Preset::article()
        },
        Preset {
            optimizer: OptimizerKind::Momentum {
                lr: 5.0,
                momentum: 0.9,
            },
            batch_size: 5,
            ..presets()[3].1.clone()
        },
    ];
    for (i, p) in cases.iter().enumerate() {
        let spec = p.spec(1).unwrap();
        let (mut a, mut b) = (spec.session().unwrap(), spec.session().unwrap());
        let ea = a.run(500).unwrap_err();
        let eb = loop {
            if let Err(e) = by_substeps(&mut b) {
                break e;
            }
        };
        assert_eq!(ea, eb, "case {i}");
        same(&format!("case {i} after the divergence"), &a, &b);
    }
}

#[test]
fn an_overflowing_forward_pass_is_caught_on_the_whole_step_path() {
    let spec = Spec::parse(
        r#"{"x": [[3e38]], "t": [[0]], "layers": [{"type": "affine", "W": [[10]], "b": [0]}],
            "optimizer": {"type": "sgd", "lr": 1}}"#,
    )
    .unwrap();
    let mut s = spec.session().unwrap();
    let e = s.step().unwrap_err();
    assert_eq!((e.step, e.layer, e.what), (1, Some(0), "y"));
    assert_eq!(s.steps(), 0);
    assert_eq!(s.next(), MicroStep::Forward(0));
}

#[test]
fn an_overflowing_bias_gradient_is_caught_where_it_is_made() {
    // dx of the last layer is 32 · 1e37 per row, finite; the first layer's dW is tiny (its x
    // is 1e-30), but its db sums two rows of 3.2e38: +Inf, found before the update.
    let spec = Spec::parse(
        r#"{"x": [[1e-30], [1e-30]], "t": [[9999968], [9999968]],
            "layers": [{"type": "affine", "W": [[1]], "b": [0]},
                       {"type": "affine", "W": [[1e37]], "b": [0]}],
            "optimizer": {"type": "sgd", "lr": 1}}"#,
    )
    .unwrap();
    let (mut a, mut b) = (spec.session().unwrap(), spec.session().unwrap());
    let e = a.step().unwrap_err();
    assert_eq!((e.step, e.layer, e.what), (1, Some(0), "db"));
    assert!(a.network().layers()[1].dx().iter().all(|v| v.is_finite()));
    assert_eq!(a.steps(), 0);
    let eb = loop {
        if let Err(e) = by_substeps(&mut b) {
            break e;
        }
    };
    assert_eq!(e, eb);
}
