//! `backstep` against a hostile user: traces stream and are bounded, trailing data is refused,
//! and no user text (line breaks, terminal escapes, megabytes) reaches stderr raw or long.

use backstep_lesson::{DataChoice, Preset};
use backstep_nn::data::Shape2d;
use backstep_nn::{Act, OptimizerKind};
mod common;

use common::backstep;
use std::process::Output;

/// The one stderr line of a run that must exit with `status`.
fn error_line(o: &Output, status: i32) -> String {
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    assert_eq!(o.status.code(), Some(status), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(
        err.starts_with("backstep: ") && err.ends_with('\n'),
        "{err:?}"
    );
    let line = err.trim_end_matches('\n');
    assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    assert!(line.chars().count() < 700, "{} chars", line.chars().count());
    line.to_string()
}

fn preset(data: DataChoice, hidden: &[usize], act: Act, batch: usize) -> Preset {
    Preset {
        data,
        hidden: hidden.to_vec(),
        activation: act,
        batch_size: batch,
        points: 30,
        optimizer: OptimizerKind::Sgd { lr: 0.01 },
        ..Preset::article()
    }
}

#[test]
fn the_streamed_trace_is_byte_identical_to_the_whole_one() {
    let circle = DataChoice::Plane(Shape2d::Circle);
    let mut adam = preset(circle, &[6, 5], Act::Tanh, 7);
    adam.optimizer = OptimizerKind::Adam {
        lr: 0.01,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
    };
    let cases = [
        (Preset::article(), 5),
        (preset(circle, &[5, 3], Act::Relu, 4), 12),
        (preset(circle, &[4], Act::Sigmoid, 0), 3),
        (adam, 9),
        (preset(DataChoice::Regression, &[], Act::Relu, 0), 2),
    ];
    for (p, steps) in cases {
        let spec = p.spec(steps).unwrap();
        let want = serde_json::to_string(&backstep_lesson::export::trace::run(&spec).unwrap())
            .unwrap()
            + "\n";
        let o = backstep(&["trace", "-"], Some(&spec.to_json()));
        assert!(o.status.success());
        assert!(o.stdout == want.as_bytes(), "{:?}", p.hidden);
    }
}

#[test]
fn a_trace_too_large_to_write_is_refused_before_it_runs() {
    // Inside every size limit (10 000 × 256, 32 layers, 10 000 steps), but about 10^12 numbers:
    // before streaming, it ran out of memory.
    let row = format!("[{}]", vec!["1"; 256].join(","));
    let x = vec![row.as_str(); 10_000].join(",");
    let layers = vec![r#"{"type":"relu"}"#; 32].join(",");
    let spec = format!(
        r#"{{"x":[{x}],"t":[{x}],"layers":[{layers}],"optimizer":{{"type":"sgd","lr":0.1}},"steps":10000}}"#
    );
    let o = backstep(&["trace", "-"], Some(&spec));
    let line = error_line(&o, 2);
    assert!(
        line.starts_with("backstep: steps: this trace would hold up to ")
            && line.contains("numbers, more than the limit of 100000000"),
        "{line}"
    );
    assert!(o.stdout.is_empty());
    let help = String::from_utf8(backstep(&["--help"], None).stdout).unwrap();
    assert!(
        help.contains("one trace holds at most 100000000 numbers"),
        "{help}"
    );
}

#[test]
fn a_diverging_trace_exits_1_after_the_steps_before_it() {
    let mut p = Preset::article();
    p.optimizer = OptimizerKind::Sgd { lr: 50.0 };
    let o = backstep(&["trace", "-"], Some(&p.spec(100).unwrap().to_json()));
    let line = error_line(&o, 1);
    assert!(
        line.contains("step 10, loss phase: loss is not finite"),
        "{line}"
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with(r#"{"steps":[{"step":1,"#), "{out}");
    assert_eq!(out.matches(r#"{"step":"#).count(), 9);
}

#[test]
fn text_after_the_spec_is_refused() {
    let spec = Preset::article().spec(1).unwrap().to_json();
    for doc in [
        format!("{spec} garbage {{{{{{"),
        format!("{spec}{spec}"),
        format!("{spec}\n{spec}\n"),
    ] {
        let line = error_line(&backstep(&["trace", "-"], Some(&doc)), 2);
        assert!(line.contains("text after the end of the spec"), "{line}");
    }
    assert!(
        backstep(&["trace", "-"], Some(&format!("{spec}\n\n")))
            .status
            .success()
    );
}

#[test]
fn user_text_in_a_spec_error_is_escaped_and_short() {
    let spec = Preset::article().spec(1).unwrap().to_json();
    let forged = spec.replacen('{', r#"{"a\r\nbackstep: fake line":1,"#, 1);
    let line = error_line(&backstep(&["trace", "-"], Some(&forged)), 2);
    assert!(
        line.contains(r"unknown field `a\r\nbackstep: fake line`"),
        "{line}"
    );
    let title = spec.replace("\"relu\"", r#""\u001b]0;owned\u0007""#);
    let line = error_line(&backstep(&["trace", "-"], Some(&title)), 2);
    assert!(
        line.contains(r"unknown type `\u{1b}]0;owned\u{7}`"),
        "{line}"
    );
    let key = "k".repeat(20 << 20);
    let huge = spec.replacen('{', &format!("{{\"{key}\":1,"), 1);
    let o = backstep(&["trace", "-"], Some(&huge));
    assert!(o.stderr.len() < 1000, "{} bytes", o.stderr.len());
    let line = error_line(&o, 2);
    assert!(line.contains("unknown field `kkkk"), "{line}");
}

#[test]
fn user_text_in_an_option_error_is_escaped_and_short() {
    let long = "z".repeat(100_000);
    let cases: &[(&[&str], &str)] = &[
        (
            &["step", "--dataset", "a\r\nbackstep: fake line"],
            r"invalid value 'a\r\nbackstep: fake line' for '--dataset <DATASET>' [possible values: xor",
        ),
        (
            &["step", "--lr", "\u{1b}]0;owned\u{7}"],
            r"invalid value '\u{1b}]0;owned\u{7}' for '--lr <LR>': invalid float literal",
        ),
        (
            &["step", "--hidden", "4,\n5"],
            r"invalid value '4,\n5' for '--hidden",
        ),
        (&["st\nep"], r"unrecognized subcommand 'st\nep'"),
        (
            &["step", "--l\u{1b}r", "1"],
            r"unexpected argument '--l\u{1b}r' found",
        ),
        (&["step", "--lr", &long], "invalid value 'zzzz"),
        (
            &["trace", "/nonexistent/a\nb\u{1b}[2J"],
            r"cannot read the spec from /nonexistent/a\nb\u{1b}[2J: ",
        ),
    ];
    for (args, want) in cases {
        let line = error_line(&backstep(args, None), 2);
        assert!(line.contains(want), "{args:?}: {line}");
    }
}
