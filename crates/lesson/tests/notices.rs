//! The notices tracker on the article's run (a dead unit, a plateau), on runs that solve XOR
//! (no plateau), through step back (exact truncation) and divergence; and the experiments.

use backstep_lesson::glass::experiments::experiments;
use backstep_lesson::glass::notices::{Notice, Notices};
use backstep_lesson::{DataChoice, Preset, Session};
use backstep_nn::data::Shape2d;
use backstep_nn::{Act, Init, OptimizerKind};

fn session(p: &Preset) -> Session<f32> {
    p.spec(1).unwrap().session().unwrap()
}

/// Runs `steps` steps, observing each; returns the session, the tracker and the last loss.
fn run(p: &Preset, steps: u64) -> (Session<f32>, Notices, f32) {
    let mut s = session(p);
    let mut n = Notices::new();
    let mut loss = f32::NAN;
    for _ in 0..steps {
        loss = s.step().unwrap();
        n.observe(&s);
    }
    (s, n, loss)
}

fn codes(n: &[Notice]) -> Vec<&str> {
    n.iter().map(|n| n.code).collect()
}

#[test]
fn the_article_run_has_a_dead_unit_from_step_1_and_a_plateau() {
    let (_, n, loss) = run(&Preset::article(), 2000);
    assert_eq!(loss, 0.25, "stuck in the local minimum");
    let notices = n.notices();
    let unit0 = Notice {
        code: "dead-unit",
        layer: Some(1),
        unit: Some(0),
        since: 1,
    };
    assert!(notices.contains(&unit0), "{notices:?}");
    let plateau = notices.iter().find(|n| n.code == "plateau").unwrap();
    assert!(
        (100..=1801).contains(&plateau.since),
        "flat since {}",
        plateau.since
    );
    assert_eq!(n.plateau(), Some(plateau.since));
    assert!(!codes(&notices).contains(&"diverged"));
    // Before 200 flat steps have passed there is no plateau yet.
    let (_, early, _) = run(&Preset::article(), plateau.since + 198);
    assert_eq!(early.plateau(), None);
    let (_, just, _) = run(&Preset::article(), plateau.since + 199);
    assert_eq!(just.plateau(), Some(plateau.since));
}

#[test]
fn runs_that_solve_xor_have_no_plateau() {
    // The first experiment the dead unit suggests (tanh), and a ReLU net with He weights.
    let first = &experiments("dead-unit", &Preset::article())[0];
    assert_eq!((first.kind, first.value.as_str()), ("activation", "tanh"));
    let tanh = first.apply(&Preset::article()).unwrap();
    let he = Preset {
        init: Init::He,
        seed: 0,
        skip: 0,
        ..Preset::article()
    };
    for (name, p) in [("tanh", tanh), ("he seed 0", he)] {
        let (_, n, loss) = run(&p, 2000);
        assert!(loss < 1e-3, "{name}: solves XOR (loss {loss})");
        assert_eq!(n.plateau(), None, "{name}");
        assert!(!codes(&n.notices()).contains(&"plateau"), "{name}");
    }
}

#[test]
fn truncate_is_exact_without_replay() {
    let p = Preset::article();
    let mut s = session(&p);
    let mut n = Notices::new();
    let mut seen = vec![(Vec::new(), Vec::new())];
    for _ in 0..400 {
        s.step().unwrap();
        n.observe(&s);
        seen.push((n.notices(), n.streaks().to_vec()));
    }
    for k in [399u64, 380, 250, 160, 20, 3, 2, 1, 0] {
        let mut m = n.clone();
        m.truncate(k);
        assert_eq!(m.steps(), k);
        assert_eq!(
            (m.notices(), m.streaks().to_vec()),
            seen[k as usize],
            "at step {k}"
        );
    }
    // Observing an earlier step again (a step back the caller did not announce) truncates.
    let mut back = session(&p);
    for _ in 0..150 {
        back.step().unwrap();
    }
    let mut m = n.clone();
    m.observe(&back);
    assert_eq!((m.notices(), m.streaks().to_vec()), seen[150]);
}

#[test]
fn a_streak_ends_when_the_unit_comes_back() {
    let mut n = Notices::new();
    let mut s = session(&Preset::article());
    s.step().unwrap();
    n.observe(&s);
    // Skipping a step breaks every streak: the next one starts afresh.
    s.step().unwrap();
    s.step().unwrap();
    n.observe(&s);
    let unit0: Vec<_> = n.streaks().iter().filter(|st| st.unit == 0).collect();
    assert_eq!(unit0.len(), 2);
    assert_eq!((unit0[0].from, unit0[0].to), (1, 1));
    assert_eq!((unit0[1].from, unit0[1].to), (3, 3));
    assert_eq!(n.notices()[0].since, 3);
    assert_eq!(n.plateau(), None, "an unobserved step ends a flat stretch");
}

#[test]
fn divergence_is_reported_and_forgotten_on_step_back() {
    let p = Preset {
        optimizer: OptimizerKind::Sgd { lr: 50.0 },
        data: DataChoice::Plane(Shape2d::Gaussians),
        activation: Act::Tanh,
        hidden: vec![8],
        ..Preset::article()
    };
    let mut s = session(&p);
    let mut n = Notices::new();
    let mut failed = None;
    for _ in 0..10_000 {
        match s.step() {
            Ok(_) => n.observe(&s),
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let err = failed.expect("lr 50 overflows within 10 000 steps");
    n.diverged(err.step, err.layer);
    let d = n
        .notices()
        .into_iter()
        .find(|x| x.code == "diverged")
        .unwrap();
    assert_eq!((d.since, d.layer), (err.step, err.layer));
    assert_eq!(err.step, n.steps() + 1);
    let mut m = n.clone();
    m.truncate(n.steps());
    assert!(
        codes(&m.notices()).contains(&"diverged"),
        "kept at the step it failed from"
    );
    m.truncate(n.steps().saturating_sub(1));
    assert!(!codes(&m.notices()).contains(&"diverged"));
    let suggested = experiments("diverged", &p);
    assert_eq!(suggested[0].kind, "lr");
    assert_eq!(suggested[0].value, "5");
}

#[test]
fn every_experiment_applies_and_changes_one_setting() {
    let plane = Preset {
        data: DataChoice::Plane(Shape2d::Spiral),
        hidden: vec![8, 8],
        activation: Act::Tanh,
        optimizer: OptimizerKind::Sgd { lr: 0.01 },
        init: Init::Glorot,
        batch_size: 10,
        ..Preset::article()
    };
    for p in [Preset::article(), plane] {
        for code in ["dead-unit", "plateau", "diverged"] {
            let list = experiments(code, &p);
            assert!(!list.is_empty(), "{code}");
            for e in &list {
                let q = e.apply(&p).unwrap();
                assert_ne!(q, p, "{code}: {e:?} changes something");
                q.spec(1).unwrap();
            }
        }
    }
    let plateau = experiments("plateau", &Preset::article());
    let values: Vec<(&str, &str)> = plateau.iter().map(|e| (e.kind, e.value.as_str())).collect();
    assert_eq!(
        values,
        [
            ("activation", "tanh"),
            ("seed", "43"),
            ("hidden", "8"),
            ("optimizer", "adam")
        ]
    );
    assert!(experiments("no-such-code", &Preset::article()).is_empty());
}

#[test]
fn notices_serialise_with_the_page_names() {
    let (_, n, _) = run(&Preset::article(), 3);
    let json = serde_json::to_string(&n.notices()).unwrap();
    assert!(
        json.starts_with(r#"[{"code":"dead-unit","layer":1,"unit":0,"since":1}"#),
        "{json}"
    );
    let e = serde_json::to_string(&experiments("plateau", &Preset::article())[0]).unwrap();
    assert_eq!(e, r#"{"kind":"activation","value":"tanh"}"#);
}
