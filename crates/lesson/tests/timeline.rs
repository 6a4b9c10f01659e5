//! The timeline: going back and seeking give exactly a fresh run's state, divergences keep the
//! last finite state, the keyframes stay within their bound on a long run, and the step limit
//! holds. (Events: `timeline_events.rs`.)

mod support;

use backstep_lesson::spec::OptimizerSpec;
use backstep_lesson::timeline::keyframes::{FIRST_INTERVAL, KEYFRAME_BUDGET, MAX_KEYFRAMES};
use backstep_lesson::{Change, Preset, Timeline, TimelineError};
use backstep_nn::OptimizerKind;
use support::{at, bits, fresh, presets, same, with_events};

#[test]
fn back_and_seek_give_a_fresh_runs_state() {
    for (name, p) in presets() {
        let spec = p.spec(1).unwrap();
        let mut t = Timeline::new(spec.session().unwrap()).unwrap();
        t.run(30).unwrap();
        at(&t, &spec, &format!("{name} at 30"));
        for k in [0, 1, 7, 29, 13, 30, 25, 2, 31] {
            t.seek(k).unwrap();
            assert_eq!(t.steps(), k);
            at(&t, &spec, &format!("{name}: seek({k})"));
        }
        t.back(4).unwrap();
        at(&t, &spec, &format!("{name}: back(4) from 31"));
        assert_eq!(t.steps(), 27);
        // In the middle of a step, back(1) returns to its start, back(3) two steps before that.
        for _ in 0..3 {
            t.substep().unwrap();
        }
        t.back(1).unwrap();
        assert_eq!(t.steps(), 27);
        at(&t, &spec, &format!("{name}: back(1) mid-step"));
        t.substep().unwrap();
        t.back(3).unwrap();
        assert_eq!(t.steps(), 25);
        at(&t, &spec, &format!("{name}: back(3) mid-step"));
        t.back(100).unwrap();
        at(&t, &spec, &format!("{name}: back to 0"));
        // Micro-steps through the timeline complete steps as `step` does.
        while t.steps() < 3 {
            t.substep().unwrap();
        }
        at(&t, &spec, &format!("{name}: three steps by micro-steps"));
    }
}

#[test]
fn after_a_divergence_the_last_finite_state_stays_and_back_works() {
    let p = Preset {
        optimizer: OptimizerKind::Sgd { lr: 50.0 },
        ..Preset::article()
    };
    let spec = p.spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    let e = match t.run(500).unwrap_err() {
        TimelineError::Diverged(e) => e,
        other => panic!("{other}"),
    };
    assert_eq!(t.steps(), e.step - 1);
    assert_eq!(t.history().len() as u64, t.steps());
    let (s, _) = fresh(&spec, t.steps());
    assert_eq!(
        bits(s.network().affines().next().unwrap().w().as_slice()),
        bits(
            t.session()
                .network()
                .affines()
                .next()
                .unwrap()
                .w()
                .as_slice()
        )
    );
    t.seek(t.steps()).unwrap();
    at(&t, &spec, "the last finite step, recomputed");
    t.back(2).unwrap();
    at(&t, &spec, "two steps before the divergence");
    // Stepping forward again meets the same divergence at the same step.
    assert_eq!(t.run(5).unwrap_err(), TimelineError::Diverged(e));
    t.back(0).unwrap();
    at(&t, &spec, "after the second divergence and back(0)");
    // Back near the start, a smaller learning rate lets the run go on past the divergence.
    t.seek(1).unwrap();
    t.set_optimizer(OptimizerSpec::Sgd { lr: 0.01 }).unwrap();
    t.run(20).unwrap();
    let events = [(
        1,
        Change::Optimizer {
            rule: OptimizerSpec::Sgd { lr: 0.01 },
        },
    )];
    same(
        "a smaller rate after a divergence",
        t.session(),
        &with_events(&spec, &events, 21),
    );
}

#[test]
fn keyframes_stay_within_their_bound_on_a_long_run() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    assert_eq!(t.keyframe_cap(), MAX_KEYFRAMES);
    for _ in 0..20 {
        t.run(1_000).unwrap();
        let (n, interval) = (t.keyframes(), t.keyframe_interval());
        assert!(n <= MAX_KEYFRAMES, "{n} keyframes");
        assert!(t.keyframe_bytes() <= KEYFRAME_BUDGET);
        // Every multiple of the interval is kept, and the interval is at most 2·steps/cap.
        assert_eq!(n as u64, t.steps() / interval);
        assert!(interval <= (2 * t.steps() / MAX_KEYFRAMES as u64).max(FIRST_INTERVAL));
    }
    assert_eq!((t.keyframes(), t.keyframe_interval()), (625, 32));
    // About 2.6 KB a keyframe for the article's 17 parameters, as the bound's documentation says.
    let per = t.keyframe_bytes() / t.keyframes();
    assert!((2_000..3_000).contains(&per), "{per} bytes a keyframe");
    t.seek(12_345).unwrap();
    at(&t, &spec, "seek(12 345) after 20 000 steps");
}

#[test]
fn a_timeline_stops_at_its_step_limit() {
    let spec = Preset::article().spec(1).unwrap();
    let mut s = spec.session().unwrap();
    s.step().unwrap();
    let mut state = s.checkpoint();
    state.steps = backstep_lesson::timeline::MAX_STEPS;
    let c = backstep_lesson::TimelineCheckpoint {
        events: Vec::new(),
        history: vec![1.0; state.steps as usize],
        state,
    };
    let mut t = Timeline::resume(spec.session().unwrap(), &c).unwrap();
    assert_eq!(t.step().unwrap_err(), TimelineError::Limit);
    assert_eq!(t.substep().unwrap_err(), TimelineError::Limit);
    assert_eq!(t.steps(), backstep_lesson::timeline::MAX_STEPS);
    assert_eq!(
        TimelineError::Limit.to_string(),
        "a run can go at most 1000000 steps"
    );
}
