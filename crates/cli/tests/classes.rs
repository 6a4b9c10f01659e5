//! The CLI's classes, softmax cross-entropy and regularization: `spec` writes them, `trace`
//! records p and the penalty and equals the library's trace bit for bit, `train` counts the
//! largest output, and a bad value ends with status 2 and one line naming the option or field.
//! The regression sets in the plane (plane, hills) are one continuous output.

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
fn spec_and_trace_carry_the_loss_and_the_penalty() {
    let args = [
        "spec",
        "--dataset",
        "spiral",
        "--classes",
        "4",
        "--points",
        "40",
        "--regularization",
        "l1",
        "--regularization-rate",
        "0.02",
        "--steps",
        "3",
    ];
    let (ok, spec, err) = run(&args, None);
    assert!(ok, "{err}");
    let doc: Value = serde_json::from_str(&spec).unwrap();
    assert_eq!(doc["loss"], "softmax_cross_entropy");
    assert_eq!(doc["regularization"]["type"], "l1");
    assert_eq!(
        doc["t"][0].as_array().unwrap().len(),
        4,
        "one-hot of 4 classes"
    );
    let (ok, out, err) = run(&["trace", "-"], Some(&spec));
    assert!(ok, "{err}");
    // The streamed trace is the library's, bit for bit.
    let lib = trace::run(&Spec::parse(&spec).unwrap()).unwrap();
    let cli: trace::Trace = serde_json::from_str(&out).unwrap();
    assert_eq!(cli, lib);
    let first = &cli.steps[0];
    let p = first.probabilities.as_ref().unwrap();
    assert!(p.iter().all(|r| (r.iter().sum::<f32>() - 1.0).abs() < 1e-5));
    assert!(first.penalty.unwrap() > 0.0);
}

#[test]
fn train_counts_the_largest_output_in_both_languages() {
    let base = [
        "train",
        "--dataset",
        "gaussians",
        "--classes",
        "3",
        "--steps",
        "300",
    ];
    let (ok, out, err) = run(&[&base[..], &["--lang", "en"]].concat(), None);
    assert!(ok, "{err}");
    assert!(
        out.contains("accuracy (the largest output is the class): "),
        "{out}"
    );
    let (_, ja, _) = run(&[&base[..], &["--lang", "ja"]].concat(), None);
    assert!(
        ja.contains("正解率 (最大の出力をそのクラスとみなす): "),
        "{ja}"
    );
}

#[test]
fn bad_values_end_with_one_line_naming_the_option() {
    for (args, want) in [
        (
            vec!["spec", "--dataset", "circle", "--classes", "3"],
            "--classes: must be from 2 to 5 for spiral and gaussians, 2 for the other data sets",
        ),
        (
            vec!["spec", "--dataset", "spiral", "--classes", "6"],
            "--classes: must be from 2 to 5",
        ),
        (
            vec![
                "spec",
                "--regularization",
                "l2",
                "--regularization-rate",
                "-1",
            ],
            "--regularization-rate: must be a finite number ≥ 0",
        ),
        (
            vec![
                "spec",
                "--dataset",
                "regression",
                "--loss",
                "softmax_cross_entropy",
            ],
            "--loss: softmax_cross_entropy needs a data set of classes",
        ),
        (vec!["spec", "--regularization", "l3"], "l3"),
        (vec!["spec", "--loss", "hinge"], "hinge"),
    ] {
        let o = backstep(&args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    let bad = r#"{"x": [[0,0]], "t": [[1]], "loss": "softmax_cross_entropy",
        "layers": [{"type": "affine", "W": [[0.5],[0.5]], "b": [0]}],
        "optimizer": {"type": "sgd", "lr": 0.1}}"#;
    let (ok, _, err) = run(&["trace", "-"], Some(bad));
    assert!(!ok);
    assert!(
        err.contains("t: softmax_cross_entropy needs one-hot rows of at least 2 classes"),
        "{err}"
    );
}

#[test]
fn step_shows_p_and_the_penalty_term() {
    let args = [
        "step",
        "--dataset",
        "gaussians",
        "--classes",
        "3",
        "--points",
        "6",
        "--regularization",
        "l2",
        "--regularization-rate",
        "0.1",
        "--lang",
        "en",
    ];
    let (ok, out, err) = run(&args, None);
    assert!(ok, "{err}");
    for want in [
        "p = softmax(y):",
        "loss −Σ t·log p (with the penalty, if any): ",
        "of which the penalty ½·r·ΣW²: ",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    let (_, plain, _) = run(&["step", "--lang", "en"], None);
    assert!(!plain.contains("softmax") && !plain.contains("penalty"));
}

#[test]
fn the_help_states_the_librarys_range_and_rate() {
    use backstep_lesson::preset::REGULARIZATION_RATE;
    use backstep_nn::data::MAX_CLASSES;
    let (_, en, _) = run(&["spec", "--help", "--lang", "en"], None);
    assert!(en.contains(&format!("2 to {MAX_CLASSES} (")), "{en}");
    assert!(
        en.contains(&format!("[default: {REGULARIZATION_RATE}]")),
        "{en}"
    );
    let (_, ja, _) = run(&["spec", "--help", "--lang", "ja"], None);
    assert!(ja.contains(&format!("(2〜{MAX_CLASSES})")), "{ja}");
    assert!(
        ja.contains(&format!("[既定: {REGULARIZATION_RATE}]")),
        "{ja}"
    );
}

/// The regression sets in the plane: one continuous output, no classes; `--classes 3` and
/// softmax are refused with the core's one line.
#[test]
fn the_plane_and_hills_are_regressions() {
    for dataset in ["plane", "hills"] {
        let (ok, spec, err) = run(&["spec", "--dataset", dataset, "--points", "60"], None);
        assert!(ok, "{err}");
        let doc: Value = serde_json::from_str(&spec).unwrap();
        assert_eq!(doc["loss"], "mse", "{dataset}");
        let t: Vec<f64> = doc["t"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_f64().unwrap())
            .collect();
        assert!(t.iter().all(|v| v.abs() <= 1.0), "{dataset}");
        assert!(
            t.windows(2).filter(|w| w[0] != w[1]).count() > 40,
            "{dataset}: values"
        );
        let (ok, out, err) = run(&["trace", "-"], Some(&spec));
        assert!(ok, "{err}");
        let lib = trace::run(&Spec::parse(&spec).unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<trace::Trace>(&out).unwrap(), lib);
        let (ok, _, err) = run(&["spec", "--dataset", dataset, "--classes", "3"], None);
        assert!(!ok && err.contains("classes"), "{err}");
        let (ok, _, err) = run(
            &[
                "spec",
                "--dataset",
                dataset,
                "--loss",
                "softmax_cross_entropy",
            ],
            None,
        );
        assert!(!ok && err.contains("softmax_cross_entropy"), "{err}");
    }
}
