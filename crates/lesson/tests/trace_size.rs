//! The size of a trace is known before it runs: `trace::numbers` counts what it will hold, and
//! a spec past `MAX_TRACE_NUMBERS` is refused, naming `steps`, without running.

use backstep_lesson::export::trace::{self, MAX_TRACE_NUMBERS, check_size, numbers};
use backstep_lesson::{DataChoice, Preset, Spec};
use backstep_nn::Act;
use backstep_nn::data::Shape2d;
use serde_json::Value;

/// Numbers and booleans in a JSON value (nulls, the masks of non-ReLU layers, are not counted).
fn leaves(v: &Value) -> u64 {
    match v {
        Value::Number(_) | Value::Bool(_) => 1,
        Value::Array(a) => a.iter().map(leaves).sum(),
        Value::Object(o) => o.values().map(leaves).sum(),
        _ => 0,
    }
}

/// The count's slack: units that could have been dead but were not.
fn live_units(spec: &Spec, trace: &Value) -> u64 {
    let mut slack = 0;
    for step in trace["steps"].as_array().unwrap() {
        for (i, l) in step["masks"].as_array().unwrap().iter().enumerate() {
            if let Some(rows) = l.as_array() {
                let width = rows[0].as_array().unwrap().len() as u64;
                let dead = step["dead_units"][i].as_array().unwrap().len() as u64;
                slack += width - dead;
            }
        }
    }
    assert!(spec.steps > 0);
    slack
}

fn preset(data: DataChoice, hidden: &[usize], act: Act, batch: usize) -> Preset {
    Preset {
        data,
        hidden: hidden.to_vec(),
        activation: act,
        batch_size: batch,
        points: 23,
        ..Preset::article()
    }
}

#[test]
fn the_count_matches_what_a_trace_holds() {
    let circle = DataChoice::Plane(Shape2d::Circle);
    let cases = [
        (Preset::article(), 7),
        (preset(circle, &[5, 3], Act::Relu, 4), 13),
        (preset(circle, &[6], Act::Tanh, 0), 3),
        (preset(circle, &[4, 4], Act::Sigmoid, 5), 9),
        (preset(DataChoice::Xor, &[], Act::Relu, 3), 5),
    ];
    for (p, steps) in cases {
        let spec = p.spec(steps).unwrap();
        let t = serde_json::to_value(trace::run(&spec).unwrap()).unwrap();
        assert_eq!(
            numbers(&spec),
            leaves(&t) + live_units(&spec, &t),
            "{:?} {:?} batch {}",
            p.hidden,
            p.activation,
            p.batch_size
        );
    }
}

/// A spec inside every size limit whose trace would be gigabytes: 10 000 samples of 256
/// features, 32 ReLU layers, 10 000 steps.
fn huge() -> Spec {
    let json = format!(
        r#"{{"x":[{x}],"t":[{x}],"layers":[{l}],"optimizer":{{"type":"sgd","lr":0.1}},"steps":10000}}"#,
        x = vec![format!("[{}]", vec!["1"; 256].join(",")); 10_000].join(","),
        l = vec![r#"{"type":"relu"}"#; 32].join(","),
    );
    Spec::parse(&json).unwrap()
}

#[test]
fn a_trace_past_the_limit_is_refused_before_it_runs() {
    let spec = huge();
    spec.session().unwrap();
    assert!(numbers(&spec) > 1_000 * MAX_TRACE_NUMBERS);
    let e = check_size(&spec).unwrap_err();
    assert_eq!(e.field, "steps");
    assert!(
        e.to_string()
            .contains("more than the limit of 100000000; record fewer steps"),
        "{e}"
    );
    // trace::run refuses it too, at once: running even one step would take seconds.
    assert_eq!(
        trace::run(&spec).unwrap_err(),
        trace::TraceError::Spec(e.clone())
    );
    let mut one = spec.clone();
    one.steps = 1;
    one.layers.truncate(1);
    assert!(check_size(&one).is_ok(), "{}", numbers(&one));
}
