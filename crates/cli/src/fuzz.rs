//! The fuzz targets: every native parser of outside input, driven from raw bytes. `fuzz/` runs
//! them under cargo-fuzz (libFuzzer) and `tests/fuzz_smoke.rs` replays the kept inputs and a
//! few thousand mutations through them on stable Rust. Each target panics only when a rule is
//! broken: no panic inside, bounded work, and every error one short line (no line break, no
//! control character, at most [`MAX_LINE`](crate::MAX_LINE) characters).

use crate::{ArgsError, Failure, MAX_LINE, parse, trace};

/// Steps a fuzzed spec runs at most: enough to reach the update and a second cycle.
pub const FUZZ_STEPS: u64 = 3;

/// The spec and trace reader: `bytes` as the text of `backstep trace -`. A spec that parses is
/// run for up to [`FUZZ_STEPS`] steps through the streaming writer, whose bytes must equal the
/// library's whole trace of the same steps.
pub fn spec(bytes: &[u8]) {
    let Ok(json) = std::str::from_utf8(bytes) else {
        // The reader refuses text that is not UTF-8 with the I/O error's own line.
        return;
    };
    let (spec, mut session) = match trace::prepare(json) {
        Ok(ready) => ready,
        Err(f) => return assert_one_line(&f),
    };
    let steps = spec.steps.min(FUZZ_STEPS);
    let mut streamed = Vec::new();
    let got = trace::write(&mut session, steps, &mut streamed);
    let short = backstep_lesson::Spec { steps, ..spec };
    match (got, backstep_lesson::export::trace::run(&short)) {
        (Ok(()), Ok(whole)) => {
            let want = serde_json::to_string(&whole).expect("a trace serialises") + "\n";
            assert!(streamed == want.as_bytes(), "streamed trace differs");
        }
        (Err(f), Err(e)) => {
            assert_one_line(&f);
            assert_eq!(f.line(), Some(e.to_string()), "the same error");
        }
        (got, want) => panic!("streamed {:?}, whole {:?}", got.err(), want.err()),
    }
}

/// The argument parser: `bytes` split at NUL bytes into arguments after `backstep`. A command
/// line that parses is checked as far as it goes without running (the spec that the model
/// options describe is built and validated).
pub fn args(bytes: &[u8]) {
    let mut argv: Vec<std::ffi::OsString> = vec!["backstep".into()];
    argv.extend(bytes.split(|&b| b == 0).map(os));
    match parse(argv) {
        Ok(inv) => {
            if let Err(f) = inv.check() {
                assert_one_line(&f);
            }
        }
        Err(ArgsError::Print(text)) => assert!(!text.is_empty()),
        Err(ArgsError::Bad(line)) => check_line(&line),
    }
}

#[cfg(unix)]
fn os(arg: &[u8]) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(arg.to_vec())
}

#[cfg(not(unix))]
fn os(arg: &[u8]) -> std::ffi::OsString {
    String::from_utf8_lossy(arg).into_owned().into()
}

/// Panics unless a failure's stderr line keeps the one-line rule.
pub fn assert_one_line(f: &Failure) {
    if let Some(line) = f.line() {
        check_line(&line);
    }
}

/// Panics unless `line` is one non-empty line of at most [`MAX_LINE`] characters with no
/// control character.
pub fn check_line(line: &str) {
    assert!(!line.is_empty(), "an empty error line");
    assert!(
        !line.chars().any(|c| c.is_control()),
        "a control character in {line:?}"
    );
    assert!(
        line.chars().count() <= MAX_LINE,
        "an error of {} characters",
        line.chars().count()
    );
}
