//! The timeline's events: changes of the optimizer and edits of weights replay exactly when the
//! timeline goes back and forth, are made exact in the middle of a step, and are checked.

mod support;

use backstep_lesson::spec::OptimizerSpec;
use backstep_lesson::{Change, Preset, Timeline, TimelineError};
use support::{at, bits, presets, same, with_events};

#[test]
fn events_replay_exactly_across_seeks() {
    for (name, p) in [&presets()[0], &presets()[1]] {
        let spec = p.spec(1).unwrap();
        let adam = OptimizerSpec::Adam {
            lr: 0.02,
            beta1: 0.8,
            beta2: 0.99,
            eps: 1e-7,
        };
        let events = [
            (
                0,
                Change::Weight {
                    layer: 0,
                    row: 0,
                    col: 0,
                    value: 0.3,
                },
            ),
            (5, Change::Optimizer { rule: adam }),
            (
                9,
                Change::Weight {
                    layer: 0,
                    row: 1,
                    col: 2,
                    value: 0.5,
                },
            ),
            (
                9,
                Change::Bias {
                    layer: 2,
                    col: 0,
                    value: -0.25,
                },
            ),
            (
                9,
                Change::Optimizer {
                    rule: OptimizerSpec::Sgd { lr: 0.05 },
                },
            ),
            (
                13,
                Change::Optimizer {
                    rule: OptimizerSpec::Momentum {
                        lr: 0.01,
                        momentum: 0.5,
                    },
                },
            ),
        ];
        let mut t = Timeline::new(spec.session().unwrap()).unwrap();
        for (k, c) in &events {
            t.seek(*k).unwrap();
            t.edit(c.clone()).unwrap();
        }
        t.seek(20).unwrap();
        same(
            &format!("{name} at 20"),
            t.session(),
            &with_events(&spec, &events, 20),
        );
        let history = t.history().to_vec();
        for k in [7, 9, 0, 5, 12, 20, 14, 3, 16] {
            t.seek(k).unwrap();
            same(
                &format!("{name}: seek({k})"),
                t.session(),
                &with_events(&spec, &events, k),
            );
            assert_eq!(
                bits(t.history()),
                bits(&history[..k as usize]),
                "{name}: history at {k}"
            );
        }
        // Going back keeps the future's events; a new event drops those after it.
        t.seek(11).unwrap();
        assert_eq!(t.events().len(), events.len());
        t.set_weight(2, 3, 0, 1.5).unwrap();
        assert_eq!(t.events().len(), events.len(), "{name}: one in, one out");
        assert!(t.events().iter().all(|e| e.step <= 11), "{name}: 13 went");
        assert_eq!(t.history().len(), 11);
        let mut branch: Vec<(u64, Change)> = events[..5].to_vec();
        branch.push((
            11,
            Change::Weight {
                layer: 2,
                row: 3,
                col: 0,
                value: 1.5,
            },
        ));
        t.seek(18).unwrap();
        same(
            &format!("{name}: new branch"),
            t.session(),
            &with_events(&spec, &branch, 18),
        );
    }
}

#[test]
fn an_edit_mid_step_starts_that_step_again() {
    let spec = presets()[1].1.spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(4).unwrap();
    for _ in 0..5 {
        t.substep().unwrap();
    }
    t.set_weight(0, 1, 1, -0.5).unwrap();
    let events = [(
        4,
        Change::Weight {
            layer: 0,
            row: 1,
            col: 1,
            value: -0.5,
        },
    )];
    same(
        "edited mid-step",
        t.session(),
        &with_events(&spec, &events, 4),
    );
    // An optimizer change mid-step applies to that step's update, as if made before it.
    for _ in 0..3 {
        t.substep().unwrap();
    }
    t.set_optimizer(OptimizerSpec::Sgd { lr: 0.5 }).unwrap();
    t.step().unwrap();
    let mut events = events.to_vec();
    events.push((
        4,
        Change::Optimizer {
            rule: OptimizerSpec::Sgd { lr: 0.5 },
        },
    ));
    same(
        "optimizer changed mid-step",
        t.session(),
        &with_events(&spec, &events, 5),
    );
}

#[test]
fn bad_edits_name_the_field_and_change_nothing() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(3).unwrap();
    let cases = [
        (
            Change::Weight {
                layer: 1,
                row: 0,
                col: 0,
                value: 1.0,
            },
            "set_weight.layer: layers[1] is relu, not affine",
        ),
        (
            Change::Weight {
                layer: 3,
                row: 0,
                col: 0,
                value: 1.0,
            },
            "set_weight.layer: 3 is out of range (the network has 3 layers)",
        ),
        (
            Change::Weight {
                layer: 0,
                row: 2,
                col: 0,
                value: 1.0,
            },
            "set_weight.row: 2 is out of range (layers[0]'s W is 2×4)",
        ),
        (
            Change::Weight {
                layer: 2,
                row: 0,
                col: 1,
                value: 1.0,
            },
            "set_weight.col: 1 is out of range (layers[2]'s W is 4×1)",
        ),
        (
            Change::Bias {
                layer: 0,
                col: 0,
                value: f32::NAN,
            },
            "set_bias.value: must be a finite number",
        ),
        (
            Change::Bias {
                layer: 0,
                col: 4,
                value: 0.0,
            },
            "set_bias.col: 4 is out of range (layers[0]'s W is 2×4)",
        ),
        (
            Change::Optimizer {
                rule: OptimizerSpec::Sgd { lr: -1.0 },
            },
            "optimizer.lr: must be a positive number",
        ),
    ];
    for (c, want) in cases {
        let e = t.edit(c).unwrap_err();
        assert!(matches!(e, TimelineError::Invalid(_)));
        assert_eq!(e.to_string(), want);
    }
    assert!(t.events().is_empty());
    at(&t, &spec, "after refused edits");
}

#[test]
fn a_weight_edit_then_a_step_equals_a_spec_with_those_weights() {
    // True for full-batch SGD, whose state is the parameters alone. With momentum or Adam the
    // optimizer's state, and with mini-batches the batch position, also carry over, so a new
    // spec would differ.
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(6).unwrap();
    t.set_weight(0, 1, 3, 0.75).unwrap();
    t.set_bias(2, 0, 0.125).unwrap();
    let mut edited = spec.clone();
    let mut affines = t.session().network().affines();
    for l in &mut edited.layers {
        if let backstep_lesson::spec::LayerSpec::Affine { w, b } = l {
            let a = affines.next().unwrap();
            *w = backstep_lesson::spec::rows(a.w());
            *b = a.b().iter().copied().collect();
        }
    }
    drop(affines);
    let mut s = edited.session().unwrap();
    let la = t.step().unwrap();
    let lb = s.step().unwrap();
    assert_eq!(la.to_bits(), lb.to_bits());
    for (a, b) in t.session().network().affines().zip(s.network().affines()) {
        assert_eq!(bits(a.w().as_slice()), bits(b.w().as_slice()));
        assert_eq!(bits(a.b().as_slice()), bits(b.b().as_slice()));
        assert_eq!(bits(a.dw().as_slice()), bits(b.dw().as_slice()));
    }
}
