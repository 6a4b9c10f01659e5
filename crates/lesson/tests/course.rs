//! The course (what the page's trainer binds): its notices always equal those of a fresh run
//! observed step by step up to the current step — after steps, sub-steps, seeks both ways,
//! back in the middle of a cycle, edits, a divergence and a resume (without notices when the
//! replay does not reach the saved state) — and settings are kept only when they build the spec.

use backstep_lesson::course::resume::in_field;
use backstep_lesson::glass::notices::{Notice, Notices};
use backstep_lesson::timeline::event::Change;
use backstep_lesson::{Course, DataChoice, Preset, Spec, TimelineError};
use backstep_nn::data::Shape2d;
use backstep_nn::{Act, OptimizerKind};

/// The notices of a fresh run of `spec` stepped `k` times, each step observed.
fn fresh(spec: &Spec, k: u64) -> Vec<Notice> {
    let mut s = spec.session().unwrap();
    let mut n = Notices::new();
    for _ in 0..k {
        s.step().unwrap();
        n.observe(&s);
    }
    n.notices()
}

fn article() -> Course {
    Course::new(Preset::article().spec(1).unwrap()).unwrap()
}

/// A run that overflows (SGD at lr 50 on the gaussians).
fn diverging() -> Preset {
    Preset {
        optimizer: OptimizerKind::Sgd { lr: 50.0 },
        data: DataChoice::Plane(Shape2d::Gaussians),
        activation: Act::Tanh,
        hidden: vec![8],
        ..Preset::article()
    }
}

#[test]
fn steps_and_seeks_keep_the_notices_those_of_a_fresh_run() {
    let mut c = article();
    let spec = c.spec().clone();
    c.step(300).unwrap();
    assert_eq!(c.run().steps(), 300);
    assert_eq!(c.notices().notices(), fresh(&spec, 300));
    assert!(!c.notices().notices().is_empty(), "the article's dead unit");
    c.seek(120).unwrap();
    assert_eq!(c.notices().steps(), 120);
    assert_eq!(c.notices().notices(), fresh(&spec, 120));
    // Forward past what the notices saw: each step is observed again.
    c.seek(300).unwrap();
    assert_eq!(c.notices().notices(), fresh(&spec, 300));
    assert_eq!(c.furthest(), 300);
    c.reset();
    assert_eq!((c.run().steps(), c.notices().steps()), (0, 0));
}

#[test]
fn a_substep_is_observed_only_when_it_completes_a_step() {
    let mut c = article();
    c.substep().unwrap();
    assert!(c.stepping());
    assert_eq!(c.notices().steps(), 0);
    while !c.session().is_between_steps() {
        c.substep().unwrap();
    }
    assert_eq!(c.notices().steps(), 1);
    c.step(1).unwrap();
    assert!(!c.stepping());
    assert_eq!(c.notices().notices(), fresh(c.spec(), 2));
    // Back in the middle of a cycle goes to that cycle's start first (one of the `n`).
    c.substep().unwrap();
    c.back(1).unwrap();
    assert_eq!((c.run().steps(), c.notices().steps()), (2, 2));
    assert!(c.session().is_between_steps());
    c.back(1).unwrap();
    assert_eq!(c.notices().notices(), fresh(c.spec(), 1));
}

#[test]
fn a_divergence_is_kept_noticed_and_cleared_by_a_seek() {
    let mut c = Course::new(diverging().spec(1).unwrap()).unwrap();
    let Err(TimelineError::Diverged(e)) = c.step(10_000) else {
        panic!("lr 50 overflows within 10 000 steps");
    };
    assert_eq!(c.error(), Some(&e));
    assert_eq!(c.run().steps(), e.step - 1, "the last finite step is kept");
    assert!(!c.stepping());
    let codes: Vec<_> = c.notices().notices().iter().map(|n| n.code).collect();
    assert!(codes.contains(&"diverged"), "{codes:?}");
    c.seek(1).unwrap();
    assert_eq!(c.error(), None);
    assert_eq!(c.notices().notices(), fresh(c.spec(), 1));
}

#[test]
fn an_edit_drops_the_later_steps_and_their_notices() {
    let mut c = article();
    c.step(50).unwrap();
    c.seek(10).unwrap();
    c.edit(Change::Bias {
        layer: 0,
        col: 0,
        value: 1.5,
    })
    .unwrap();
    assert_eq!((c.furthest(), c.notices().steps()), (10, 10));
    let refused = c.edit(Change::Bias {
        layer: 1,
        col: 0,
        value: 0.0,
    });
    assert!(
        matches!(refused, Err(TimelineError::Invalid(_))),
        "{refused:?}"
    );
    c.step(5).unwrap();
    assert_eq!(c.notices().steps(), 15);
}

#[test]
fn a_resumed_course_has_the_notices_of_its_history() {
    let mut c = article();
    c.step(40).unwrap();
    let saved = c.run().checkpoint();
    let mut r = Course::resume(c.spec().clone(), &saved).unwrap();
    assert_eq!(r.run().steps(), 40);
    assert_eq!(r.notices().notices(), c.notices().notices());
    assert_eq!(r.session().checkpoint(), c.session().checkpoint());
    r.step(1).unwrap();
    c.step(1).unwrap();
    assert_eq!(r.session().checkpoint(), c.session().checkpoint());
    // A saved run of another shape is refused under `run.`.
    let other = Preset {
        hidden: vec![3],
        ..Preset::article()
    };
    let err = Course::resume(other.spec(1).unwrap(), &saved).unwrap_err();
    assert!(err.starts_with("run."), "{err}");
    assert_eq!(in_field("settings", "x: bad"), "settings.x: bad");
}

#[test]
fn a_saved_state_the_replay_does_not_reach_is_resumed_without_notices() {
    let mut c = article();
    c.step(30).unwrap();
    let mut saved = c.run().checkpoint();
    saved.state.params[0].b[0] += 0.25;
    let mut r = Course::resume(c.spec().clone(), &saved).unwrap();
    assert_eq!(
        r.session().checkpoint(),
        saved.state,
        "the saved state, not the replay"
    );
    assert_eq!(r.notices().steps(), 0);
    r.step(1).unwrap();
    assert_eq!(r.notices().steps(), 31, "observed from the resumed step on");
}

#[test]
fn settings_are_kept_only_when_they_build_the_spec() {
    let settings = Preset::article().settings();
    let c = Course::from_settings(&settings).unwrap();
    assert_eq!(c.settings(), Some(&settings));
    let mut r = Course::resume(c.spec().clone(), &c.run().checkpoint()).unwrap();
    assert_eq!(r.settings(), None);
    let other = Preset {
        activation: Act::Tanh,
        ..Preset::article()
    };
    r.offer_settings(&other.settings());
    assert_eq!(r.settings(), None, "they build another spec");
    r.offer_settings(&settings);
    assert_eq!(r.settings(), Some(&settings));
}
