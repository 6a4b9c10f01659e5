//! Helpers for the state tests: every readable value of a session as bits, named, so that two
//! sessions can be compared bit for bit and a mismatch says where it is.

#![allow(dead_code)]

use backstep_lesson::{Change, Session, Spec, Timeline};
use backstep_nn::Layer;
use nalgebra::DMatrix;

/// One named value: its shape and the bits of every entry.
pub type Named = (String, (usize, usize), Vec<u64>);

fn named(name: String, m: &DMatrix<f32>) -> Named {
    (
        name,
        m.shape(),
        m.iter().map(|v| u64::from(v.to_bits())).collect(),
    )
}

/// Every cache of every layer, the loss, the parameters, the optimizer's state, the batch and
/// the counters of `s`.
pub fn dump(s: &Session<f32>) -> Vec<Named> {
    let mut out = Vec::new();
    for (i, l) in s.network().layers().iter().enumerate() {
        out.push(named(format!("layers[{i}].y"), l.y()));
        out.push(named(format!("layers[{i}].dx"), l.dx()));
        match l {
            Layer::Affine(a) => {
                for (what, m) in [
                    ("x", a.x()),
                    ("W", a.w()),
                    ("b", a.b()),
                    ("W before", a.w_before()),
                    ("b before", a.b_before()),
                    ("dW", a.dw()),
                    ("db", a.db()),
                ] {
                    out.push(named(format!("layers[{i}].{what}"), m));
                }
            }
            Layer::Act(a) => {
                let mask = a.mask();
                let v = mask.iter().map(|&m| u64::from(m)).collect();
                out.push((format!("layers[{i}].mask"), mask.shape(), v));
            }
        }
    }
    out.push(named("loss.dy".into(), s.network().loss().dy()));
    out.push(named("loss.p".into(), s.network().loss().probabilities()));
    let loss = s.loss().map_or(u64::MAX, |l| u64::from(l.to_bits()));
    out.push(("loss".into(), (1, 1), vec![loss]));
    for (k, slot) in s.optimizer().slots().iter().enumerate() {
        out.push(named(format!("slot[{k}].m"), &slot.m));
        out.push(named(format!("slot[{k}].v"), &slot.v));
    }
    let counters = vec![
        s.steps(),
        s.optimizer().steps(),
        s.batcher().epoch(),
        u64::from(s.is_between_steps()),
    ];
    out.push(("counters".into(), (1, 4), counters));
    let batch = s.batch().iter().map(|&i| i as u64).collect();
    out.push(("batch".into(), (1, s.batch().len()), batch));
    out.push(named("batch x".into(), s.batch_x()));
    out.push(named("batch t".into(), s.batch_t()));
    out
}

/// Asserts that two sessions hold the same bits everywhere, naming the first difference.
pub fn same(what: &str, a: &Session<f32>, b: &Session<f32>) {
    let (da, db) = (dump(a), dump(b));
    assert_eq!(da.len(), db.len(), "{what}: layouts differ");
    for (x, y) in da.iter().zip(&db) {
        assert!(x == y, "{what}: {} differs: {:?} vs {:?}", x.0, x, y);
    }
    assert_eq!(a.last(), b.last(), "{what}: last micro-step");
    assert_eq!(a.next(), b.next(), "{what}: next micro-step");
    assert_eq!(
        a.batcher().save(),
        b.batcher().save(),
        "{what}: batch schedule"
    );
    assert_eq!(a.optimizer().kind(), b.optimizer().kind(), "{what}: rule");
}

/// Specs for the state tests: the article's run and plane sets with mini-batches, momentum,
/// Adam, tanh and sigmoid, and softmax cross-entropy on 3 classes with an L2 penalty.
pub fn presets() -> Vec<(&'static str, backstep_lesson::Preset)> {
    use backstep_lesson::{DataChoice, Preset};
    use backstep_nn::{Act, OptimizerKind, data::Shape2d};
    let adam = OptimizerKind::Adam {
        lr: 0.01,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
    };
    vec![
        ("article", Preset::article()),
        (
            "circle tanh adam batch 7",
            Preset {
                data: DataChoice::Plane(Shape2d::Circle),
                hidden: vec![5, 3],
                activation: Act::Tanh,
                optimizer: adam,
                batch_size: 7,
                points: 30,
                test_fraction: 0.0,
                seed: 3,
                skip: 0,
                ..Preset::article()
            },
        ),
        (
            "spiral sigmoid momentum batch 16",
            Preset {
                data: DataChoice::Plane(Shape2d::Spiral),
                hidden: vec![6],
                activation: Act::Sigmoid,
                output: Some(Act::Tanh),
                optimizer: OptimizerKind::Momentum {
                    lr: 0.05,
                    momentum: 0.9,
                },
                batch_size: 16,
                points: 40,
                seed: 5,
                skip: 0,
                ..Preset::article()
            },
        ),
        (
            "gaussians relu sgd full",
            Preset {
                data: DataChoice::Plane(Shape2d::Gaussians),
                hidden: vec![4, 4],
                optimizer: OptimizerKind::Sgd { lr: 0.01 },
                points: 24,
                seed: 8,
                skip: 0,
                ..Preset::article()
            },
        ),
        (
            "gaussians 3 classes softmax l2 batch 5",
            Preset {
                data: DataChoice::Plane(Shape2d::Gaussians),
                hidden: vec![4],
                activation: Act::Tanh,
                optimizer: OptimizerKind::Sgd { lr: 0.05 },
                batch_size: 5,
                points: 27,
                seed: 9,
                skip: 0,
                classes: 3,
                loss: backstep_nn::loss::LossKind::SoftmaxCrossEntropy,
                regularization: Some(backstep_nn::regularize::Penalty {
                    kind: backstep_nn::regularize::PenaltyKind::L2,
                    rate: 0.01,
                }),
                ..Preset::article()
            },
        ),
    ]
}

pub fn fresh(spec: &Spec, steps: u64) -> (Session<f32>, Vec<u32>) {
    let mut s = spec.session().unwrap();
    let losses = (0..steps).map(|_| s.step().unwrap().to_bits()).collect();
    (s, losses)
}

/// A fresh run of `steps` steps and the bits of its losses.
pub fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// Asserts that the timeline holds the state and history of a fresh run to its step.
pub fn at(t: &Timeline, spec: &Spec, what: &str) {
    let (s, losses) = fresh(spec, t.steps());
    same(what, t.session(), &s);
    assert_eq!(bits(t.history()), losses, "{what}: history");
}

/// The spec's run with `events` applied at their steps, to `steps`.
pub fn with_events(spec: &Spec, events: &[(u64, Change)], steps: u64) -> Session<f32> {
    let mut s = spec.session().unwrap();
    for k in 0..=steps {
        for (_, c) in events.iter().filter(|(at, _)| *at == k) {
            c.apply(&mut s).unwrap();
        }
        if k < steps {
            s.step().unwrap();
        }
    }
    s
}
