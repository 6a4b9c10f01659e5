//! The CLI's `--features`: `spec` names them and keeps the points in the plane, `trace` equals
//! the library's trace bit for bit, `train` learns circle from x1², x2², and a bad name or a
//! data set not in the plane ends with status 2 and one line naming `--features`.

mod common;

use backstep_lesson::{Spec, export::trace};
use common::backstep;
use serde_json::Value;

fn run(args: &[&str], input: Option<&str>) -> (bool, String, String) {
    let o = backstep(args, input);
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (o.status.success(), text(&o.stdout), text(&o.stderr))
}

#[test]
fn spec_trace_and_train_take_the_features() {
    let args = [
        "spec",
        "--dataset",
        "spiral",
        "--features",
        "x1,x2,sin_x1,sin_x2",
        "--steps",
        "3",
    ];
    let (ok, spec, err) = run(&args, None);
    assert!(ok, "{err}");
    let doc: Value = serde_json::from_str(&spec).unwrap();
    assert_eq!(doc["features"][2], "sin_x1");
    assert_eq!(doc["x"][0].as_array().unwrap().len(), 2);
    assert_eq!(doc["layers"][0]["W"].as_array().unwrap().len(), 4);
    let (ok, out, err) = run(&["trace", "-"], Some(&spec));
    assert!(ok, "{err}");
    let lib = trace::run(&Spec::parse(&spec).unwrap()).unwrap();
    assert_eq!(serde_json::from_str::<trace::Trace>(&out).unwrap(), lib);
    let args = [
        "train",
        "--dataset",
        "circle",
        "--features",
        "x1_sq,x2_sq",
        "--steps",
        "300",
        "--lang",
        "en",
    ];
    let (ok, out, err) = run(&args, None);
    assert!(ok, "{err}");
    assert!(out.contains("160/160"), "{out}");
}

#[test]
fn bad_features_end_with_one_line() {
    for (args, says) in [
        (vec!["spec", "--features", "x1,x3"], "--features"),
        (
            vec!["spec", "--features", "x1,x1"],
            "--features: `x1` twice",
        ),
        (
            vec!["spec", "--dataset", "regression", "--features", "x1_sq"],
            "--features: need",
        ),
    ] {
        let (ok, _, err) = run(&args, None);
        assert!(!ok, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}
