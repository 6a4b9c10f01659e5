//! Deferred measures (`backstep_lesson::measure::curves`, what the page runs): whenever a step's whole-set
//! measures are taken (settled a few at a time, pointed at, read as the current step, after going
//! back, after an edit, past the copies' budget), they have the bits of a run that measures each
//! scheduled step as it completes, and the CSV is the same text.

mod support;

use backstep_lesson::measure::{TEST_ACCURACY, TRAIN_LOSS, is_measured};
use backstep_lesson::timeline::measures::loss_csv;
use backstep_lesson::{DataChoice, Preset, Spec, Timeline};
use support::{bits, presets};

fn timeline(spec: &Spec, deferred: bool) -> Timeline {
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.defer_measures(deferred);
    t
}

/// Every series of `t` up to its step, as bits, after settling what waits.
fn settled(t: &mut Timeline) -> Vec<Vec<u32>> {
    assert_eq!(t.settle_measures(usize::MAX), 0);
    (TRAIN_LOSS..=TEST_ACCURACY)
        .map(|w| bits(t.curves().series(w, t.steps())))
        .collect()
}

/// Checks each measure `t` knows against `eager`'s at the same step: the scheduled steps
/// against its series, any other (a step read as the current one) against a measure of its
/// parameters there.
fn agree(t: &Timeline, eager: &mut Timeline, what: &str) {
    let k = t.steps();
    for s in 0..=k {
        let Some(m) = t.curves().at(s).filter(|m| !m.train_loss.is_nan()) else {
            continue;
        };
        let want = if is_measured(s) {
            eager.curves().at(s).unwrap()
        } else {
            let back = eager.steps();
            eager.seek(s).unwrap();
            let m = eager.measures_now();
            eager.seek(back).unwrap();
            m
        };
        let b = |m: backstep_lesson::measure::Measures| {
            [m.train_loss, m.test_loss, m.accuracy, m.test_accuracy].map(f32::to_bits)
        };
        assert_eq!(b(m), b(want), "{what}: step {s}");
    }
}

#[test]
fn deferred_measures_equal_measuring_at_once() {
    for (name, p) in presets() {
        let spec = p.spec(1).unwrap();
        let mut eager = timeline(&spec, false);
        let mut later = timeline(&spec, true);
        eager.run(1500).unwrap();
        // Played in frames: a few steps, the current step read, a few waiting ones settled.
        for frame in 0..30 {
            later.run(50).unwrap();
            later.measures_now();
            later.settle_measures(frame % 4);
        }
        assert!(later.curves().series(TRAIN_LOSS, 1500)[1499].is_nan());
        later.settle_measure(1499);
        assert_eq!(
            later.curves().series(TRAIN_LOSS, 1500)[1499].to_bits(),
            eager.curves().series(TRAIN_LOSS, 1500)[1499].to_bits(),
            "{name}: one step pointed at"
        );
        agree(&later, &mut eager, name);
        // Back into the waiting steps, then forward again over them.
        later.seek(700).unwrap();
        later.measures_now();
        later.run(800).unwrap();
        assert_eq!(
            settled(&mut later),
            settled(&mut eager),
            "{name}: every series"
        );
        assert_eq!(loss_csv(&later), loss_csv(&eager), "{name}: the CSV");
    }
}

#[test]
fn an_edit_a_reset_and_a_resume_measure_as_at_once() {
    let spec = Preset::for_data(DataChoice::Plane(backstep_nn::data::Shape2d::Circle))
        .spec(1)
        .unwrap();
    let mut eager = timeline(&spec, false);
    let mut later = timeline(&spec, true);
    for t in [&mut eager, &mut later] {
        t.run(300).unwrap();
        t.seek(120).unwrap();
        // An edit drops the later steps, waiting ones included, and measures its step.
        t.set_weight(0, 0, 1, 0.25).unwrap();
        t.run(200).unwrap();
        t.set_bias(2, 0, -0.5).unwrap();
        t.run(30).unwrap();
    }
    agree(&later, &mut eager, "after edits");
    assert_eq!(settled(&mut later), settled(&mut eager));
    let saved = later.checkpoint();
    let mut resumed = Timeline::resume(spec.session().unwrap(), &saved).unwrap();
    resumed.defer_measures(true);
    resumed.seek(0).unwrap();
    resumed.run(350).unwrap();
    assert_eq!(settled(&mut resumed), settled(&mut eager), "resumed");
    later.reset();
    eager.reset();
    later.run(10).unwrap();
    eager.run(10).unwrap();
    assert_eq!(settled(&mut later), settled(&mut eager), "after a reset");
}

#[test]
fn past_the_copies_budget_a_step_is_measured_at_once() {
    // 2-256-256-1: about 263 KB of parameters a copy, so about 31 fit the 8 MiB budget.
    let p = Preset {
        hidden: vec![256, 256],
        init: backstep_nn::Init::Glorot,
        optimizer: backstep_nn::OptimizerKind::Sgd { lr: 1e-3 },
        ..Preset::article()
    };
    let spec = p.spec(1).unwrap();
    let mut eager = timeline(&spec, false);
    let mut later = timeline(&spec, true);
    eager.run(60).unwrap();
    later.run(60).unwrap();
    let waiting = later.settle_measures(0);
    assert!((20..40).contains(&waiting), "{waiting}");
    let known = (1..=60)
        .filter(|&s| !later.curves().series(TRAIN_LOSS, 60)[s].is_nan())
        .count();
    assert_eq!(known + waiting, 60);
    assert_eq!(settled(&mut later), settled(&mut eager));
}

#[test]
fn turning_deferral_off_measures_what_waits() {
    let spec = Preset::article().spec(1).unwrap();
    let mut eager = timeline(&spec, false);
    let mut later = timeline(&spec, true);
    eager.run(40).unwrap();
    later.run(40).unwrap();
    assert_eq!(later.settle_measures(0), 40);
    later.defer_measures(false);
    assert_eq!(later.settle_measures(0), 0);
    assert_eq!(
        bits(later.curves().series(TRAIN_LOSS, 40)),
        bits(eager.curves().series(TRAIN_LOSS, 40))
    );
}
