//! The `backstep` binary end to end: the article's printout, train, trace, and every bad option
//! or spec ending with status 2 and one line on stderr (never a panic).

mod common;

use common::backstep;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn step_prints_the_articles_numbers_in_both_languages() {
    for lang in ["ja", "en"] {
        let o = backstep(&["step", "--lang", lang], None);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        for want in [
            "[ 0.0000 -0.4941 -0.3093 -0.4258]",
            "2.0640",
            "[ 0.0000  1.1860  0.1110  0.2327]",
            "[ 0.0000  0.0000  0.5005  1.0492]",
            "0.7897",
            "(4, 4)",
            "(4, 1)",
            "知る",
            "ロス",
            "考える",
            "更新",
        ] {
            assert!(out.contains(want), "{lang}: missing {want:?} in\n{out}");
        }
    }
    assert!(stdout(&backstep(&["step"], None)).contains("更新前の損失: 2.0640"));
    assert!(
        stdout(&backstep(&["step", "--lang", "en"], None))
            .contains("loss after the update: 0.7897")
    );
}

#[test]
fn train_logs_and_reaches_the_local_minimum() {
    let o = backstep(&["train", "--steps", "2000", "--lang", "en"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("step        1  loss 2.063951"), "{out}");
    assert!(out.contains("step     2000  loss 0.250000"), "{out}");
    assert!(out.contains("accuracy (y ≥ 0.5 counts as 1): 3/4"), "{out}");
    assert!(out.lines().count() < 40, "compact");
}

#[test]
fn trace_reads_a_file_or_stdin_and_round_trips_f32() {
    let spec = stdout(&backstep(&["spec", "--steps", "2"], None));
    let from_stdin = backstep(&["trace", "-"], Some(&spec));
    assert!(from_stdin.status.success(), "{}", stderr(&from_stdin));
    let path = std::env::temp_dir().join(format!("backstep-cli-test-{}.json", std::process::id()));
    std::fs::write(&path, &spec).unwrap();
    let from_file = backstep(&["trace", path.to_str().unwrap()], None);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(from_stdin.stdout, from_file.stdout);
    let t: serde_json::Value = serde_json::from_slice(&from_file.stdout).unwrap();
    assert_eq!(t["steps"].as_array().unwrap().len(), 2);
    // f32 values print in their shortest round-trip form.
    assert_eq!(t["steps"][0]["loss"].as_f64().unwrap() as f32, 2.063951_f32);
    assert_eq!(
        t["steps"][0]["grads"][0]["dW"][0][1].to_string(),
        "1.1860422"
    );
    assert_eq!(t["steps"][0]["dead_units"][1], serde_json::json!([0]));
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (
            &["step", "--lr", "-1"],
            None,
            "--lr: must be a positive number",
        ),
        (&["step", "--lr", "abc"], None, "'--lr <LR>'"),
        (&["step", "--hidden", "0"], None, "--hidden: a width of 0"),
        (
            &["step", "--hidden", "300"],
            None,
            "each must be from 1 to 256",
        ),
        (
            &["step", "--dataset", "mnist"],
            None,
            "[possible values: xor, regression",
        ),
        (
            &["step", "--optimizer", "adam", "--beta1", "1.5"],
            None,
            "--beta1: must be in [0, 1)",
        ),
        (
            &["train", "--steps", "0"],
            None,
            "'--steps <STEPS>': 0 is not in 1..=10000000",
        ),
        (&["train"], None, "--steps"),
        (
            &["spec", "--steps", "20000"],
            None,
            "--steps: must be from 1 to 10000",
        ),
        (
            &["step", "--dataset", "circle", "--points", "20000"],
            None,
            "--points: must be from 1 to 10000",
        ),
        // A huge skip was unbounded work (found by the URL hash fuzz, tests/fuzz/hash.mjs).
        (
            &["spec", "--dataset", "regression", "--skip", "41773804623"],
            None,
            "--skip: must be from 0 to 1000000, got 41773804623",
        ),
        (
            &["trace", "/nonexistent/spec.json"],
            None,
            "cannot read the spec from /nonexistent/spec.json",
        ),
        (&["trace", "-"], Some(""), "EOF while parsing"),
        (
            &["trace", "-"],
            Some("{\"x\": 1}"),
            "x: expected an array, got a number",
        ),
        (
            &["trace", "-"],
            Some(
                r#"{"x":[[0,0]],"t":[[0]],"layers":[{"type":"affine","W":[[1],[2],[3]],"b":[0]}],"optimizer":{"type":"sgd","lr":0.1}}"#,
            ),
            "layers[0] (affine): W is 3×1 but its input has width 2",
        ),
        (
            &["trace", "-"],
            Some(
                r#"{"x":[[0]],"t":[[0]],"layers":[{"type":"softmax"}],"optimizer":{"type":"sgd","lr":0.1}}"#,
            ),
            "layers[0].type: unknown type `softmax`",
        ),
        (
            &["trace", "-"],
            Some(
                r#"{"x":[[0]],"t":[[0]],"layers":[{"type":"relu"}],"optimizer":{"type":"sgd","lr":0.1},"steps":0}"#,
            ),
            "steps: must be from 1 to 10000, got 0",
        ),
        (
            &["frobnicate"],
            None,
            "unrecognized subcommand 'frobnicate'",
        ),
    ];
    for (args, stdin, want) in cases {
        let o = backstep(args, *stdin);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
        assert!(
            err.starts_with("backstep: ") && err.contains(want),
            "{args:?}: {err:?} lacks {want:?}"
        );
        assert!(!err.contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_diverging_learning_rate_exits_1_naming_phase_and_layer() {
    for cmd in ["step", "train"] {
        let o = backstep(&[cmd, "--lr", "50", "--steps", "100"], None);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {err}");
        assert_eq!(err.lines().count(), 1);
        assert!(
            err.contains("step 10, loss phase: loss is not finite"),
            "{err}"
        );
        assert!(
            err.contains("the state from before this step was kept"),
            "{err}"
        );
    }
}

#[test]
fn help_lists_the_limits() {
    let o = backstep(&["--help"], None);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("10000 samples") && out.contains("256 units"),
        "{out}"
    );
}
