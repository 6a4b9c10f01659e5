//! Save and resume: a checkpoint restored on a session from the same spec continues bit for
//! bit, survives JSON, is checked field by field, and a timeline's save keeps its events.

mod support;

use backstep_lesson::saved::checkpoint::MAX_SAFE_INTEGER;
use backstep_lesson::spec::OptimizerSpec;
use backstep_lesson::{Change, Checkpoint, MicroStep, Preset, Timeline, TimelineCheckpoint};
use support::{dump, presets, same};

/// Through JSON and back, with the library's one reader (`read_saved.rs`).
trait RoundTrip: serde::Serialize + Sized {
    fn parse(json: &str) -> Self;
}
impl RoundTrip for Checkpoint {
    fn parse(json: &str) -> Self {
        Checkpoint::parse(json).unwrap()
    }
}
impl RoundTrip for TimelineCheckpoint {
    fn parse(json: &str) -> Self {
        TimelineCheckpoint::parse(json).unwrap()
    }
}
fn json_round_trip<T: RoundTrip>(v: &T) -> T {
    T::parse(&serde_json::to_string(v).unwrap())
}

#[test]
fn a_restored_session_takes_the_same_next_step_bit_for_bit() {
    for (name, p) in presets() {
        let spec = p.spec(1).unwrap();
        let mut a = spec.session().unwrap();
        a.run(23).unwrap();
        let c = json_round_trip(&a.checkpoint());
        assert_eq!(c, a.checkpoint(), "{name}: JSON keeps every bit");
        let mut b = spec.session().unwrap();
        b.restore(&c).unwrap();
        assert_eq!(b.steps(), 23);
        assert_eq!(
            b.checkpoint(),
            c,
            "{name}: restore then save is the identity"
        );
        for k in 24..=60 {
            a.step().unwrap();
            b.step().unwrap();
            same(&format!("{name}: step {k} after the restore"), &a, &b);
        }
    }
}

#[test]
fn a_checkpoint_taken_mid_step_is_the_state_after_the_completed_steps() {
    let spec = presets()[1].1.spec(1).unwrap();
    let mut a = spec.session().unwrap();
    a.run(9).unwrap();
    let between = a.checkpoint();
    for _ in 0..6 {
        a.substep().unwrap();
    }
    assert_ne!(a.next(), MicroStep::Forward(0));
    assert_eq!(a.checkpoint(), between);
}

#[test]
fn the_json_has_the_documented_shape() {
    let mut s = presets()[1].1.spec(1).unwrap().session().unwrap();
    s.run(3).unwrap();
    let v = serde_json::to_value(s.checkpoint()).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        keys(&v),
        ["batch", "optimizer", "params", "steps", "version"]
    );
    assert_eq!(keys(&v["params"][1]), ["W", "b", "layer"]);
    assert_eq!(v["params"][1]["layer"], 2);
    assert_eq!(keys(&v["optimizer"]), ["rule", "state", "t"]);
    assert_eq!(v["optimizer"]["rule"]["type"], "adam");
    assert_eq!(v["optimizer"]["t"], 3);
    assert_eq!(keys(&v["optimizer"]["state"][0]), ["W", "b"]);
    assert_eq!(keys(&v["optimizer"]["state"][0]["W"]), ["m", "v"]);
    assert_eq!(
        v["optimizer"]["state"][0]["b"]["v"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(keys(&v["batch"]), ["epoch", "order", "position", "rng"]);
    assert_eq!(v["batch"]["rng"].as_array().unwrap().len(), 624);
    assert_eq!(v["batch"]["position"], 21);
    // SGD keeps no buffers: they are empty lists.
    let mut s = Preset::article().spec(1).unwrap().session().unwrap();
    s.step().unwrap();
    let v = serde_json::to_value(s.checkpoint()).unwrap();
    assert_eq!(v["optimizer"]["state"][0]["W"]["m"], serde_json::json!([]));
    assert_eq!(v["batch"]["rng"], serde_json::json!([]));
}

#[test]
fn a_bad_checkpoint_names_the_field_and_changes_nothing() {
    let spec = presets()[1].1.spec(1).unwrap();
    let mut s = spec.session().unwrap();
    s.run(5).unwrap();
    let good = s.checkpoint();
    let mut target = Preset::article().spec(1).unwrap().session().unwrap();
    let mut article = target.checkpoint();
    article.params[1].w.pop();
    let e = target.restore(&article).unwrap_err();
    assert_eq!(
        e.to_string(),
        "checkpoint.params[1].W: expected 4×1, got 3×1"
    );

    let mut t = spec.session().unwrap();
    t.run(2).unwrap();
    let before = dump(&t);
    type Edit = fn(&mut Checkpoint);
    let cases: [(Edit, &str); 12] = [
        (|c| c.version = 2, "checkpoint.version: expected 1, got 2"),
        (
            |c| c.steps = MAX_SAFE_INTEGER + 1,
            "checkpoint.steps: must be at most 2^53 − 1",
        ),
        (
            |c| c.params.truncate(2),
            "checkpoint.params: expected 3 affine layers, got 2",
        ),
        (
            |c| c.params[1].layer = 3,
            "checkpoint.params[1].layer: expected 2, got 3",
        ),
        (
            |c| c.params[0].w[1][3] = f32::NAN,
            "checkpoint.params[0].W[1][3]: is not finite",
        ),
        (
            |c| c.params[0].w[1].push(0.0),
            "checkpoint.params[0].W[1]: expected 5 values, got 6",
        ),
        (
            |c| c.params[2].b.push(0.0),
            "checkpoint.params[2].b: expected 1 value, got 2",
        ),
        (
            |c| c.optimizer.rule = OptimizerSpec::Sgd { lr: 0.0 },
            "checkpoint.optimizer.rule.lr: must be a positive number",
        ),
        (
            |c| {
                c.optimizer.rule = OptimizerSpec::Momentum {
                    lr: 0.1,
                    momentum: 0.9,
                }
            },
            "checkpoint.optimizer.state[0].W.v: expected 0×0, got 2×5",
        ),
        (
            |c| c.optimizer.state[1].b.v[0][2] = f32::INFINITY,
            "checkpoint.optimizer.state[1].b.v[0][2]: is not finite",
        ),
        (
            |c| c.batch.order[3] = c.batch.order[4],
            "checkpoint.batch.order[4]: ",
        ),
        (
            |c| c.batch.position = 5,
            "checkpoint.batch.position: 5 is not a batch start (batches of 7 in 30 samples)",
        ),
    ];
    for (edit, want) in cases {
        let mut c = good.clone();
        edit(&mut c);
        let e = t.restore(&c).unwrap_err().to_string();
        assert!(e.starts_with(want), "{e}\n  wanted {want}");
        assert!(dump(&t) == before, "{want}: the session changed");
    }
}

#[test]
fn a_saved_timeline_resumes_with_its_events() {
    let spec = presets()[1].1.spec(1).unwrap();
    let mut a = Timeline::new(spec.session().unwrap()).unwrap();
    a.run(6).unwrap();
    a.set_optimizer(OptimizerSpec::Momentum {
        lr: 0.02,
        momentum: 0.8,
    })
    .unwrap();
    a.run(5).unwrap();
    a.set_weight(0, 1, 2, 0.25).unwrap();
    a.run(6).unwrap();
    for _ in 0..3 {
        a.substep().unwrap();
    }
    // Saved in the middle of step 18: the run up to 17.
    let c: TimelineCheckpoint = json_round_trip(&a.checkpoint());
    let mut b = Timeline::resume(spec.session().unwrap(), &c).unwrap();
    assert_eq!(b.steps(), 17);
    assert_eq!(b.history(), a.history());
    assert_eq!(b.events(), a.events());
    for k in 18..=30 {
        a.step().unwrap();
        b.step().unwrap();
        same(
            &format!("resumed timeline, step {k}"),
            a.session(),
            b.session(),
        );
    }
    assert_eq!(b.history(), a.history());
    // Going back before the resumed step replays from step 0 with the events.
    for k in [12, 3, 17, 25] {
        a.seek(k).unwrap();
        b.seek(k).unwrap();
        same(
            &format!("resumed timeline, seek({k})"),
            a.session(),
            b.session(),
        );
        assert_eq!(b.history(), a.history());
    }
}

#[test]
fn a_bad_timeline_checkpoint_names_the_field() {
    let spec = Preset::article().spec(1).unwrap();
    let mut a = Timeline::new(spec.session().unwrap()).unwrap();
    a.run(4).unwrap();
    a.set_bias(0, 1, 0.5).unwrap();
    let good = a.checkpoint();
    type Edit = fn(&mut TimelineCheckpoint);
    let cases: [(Edit, &str); 5] = [
        (
            |c| c.history.pop().map(drop).unwrap_or(()),
            "checkpoint.history: expected 4 values (one per step), got 3",
        ),
        (
            |c| c.history[2] = f32::NAN,
            "checkpoint.history[2]: is not finite",
        ),
        (
            |c| c.events[0].step = 5,
            "checkpoint.events[0].step: 5 is out of order or after the saved step 4",
        ),
        (
            |c| {
                c.events[0].change = Change::Bias {
                    layer: 1,
                    col: 0,
                    value: 0.0,
                }
            },
            "checkpoint.events[0].change (set_bias.layer): layers[1] is relu, not affine",
        ),
        (
            |c| c.state.params[0].b.clear(),
            "checkpoint.state.params[0].b: expected 4 values, got 0",
        ),
    ];
    for (edit, want) in cases {
        let mut c = good.clone();
        edit(&mut c);
        let e = Timeline::resume(spec.session().unwrap(), &c).unwrap_err();
        assert_eq!(e.to_string(), want);
    }
}
