//! `--help` follows `--lang`: Japanese with `--lang ja` (its limits written from limits.rs, the
//! same numbers as the English text), English otherwise, for the top level and each command.

mod common;

use backstep_lesson::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_TRAIN_STEPS, MAX_WIDTH};
use common::backstep;

fn out(args: &[&str]) -> String {
    let o = backstep(args, None);
    assert!(o.status.success(), "{args:?}: {o:?}");
    assert!(o.stderr.is_empty(), "{args:?}");
    String::from_utf8(o.stdout).unwrap()
}

/// Words of clap's own English that a Japanese help must not show.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "possible values",
    "default:",
    "samples",
    "Language",
    "Steps",
];

#[test]
fn help_is_japanese_with_lang_ja() {
    for args in [
        vec!["--help", "--lang", "ja"],
        vec!["--lang=ja", "--help"],
        vec!["-h", "--lang", "ja"],
    ] {
        let text = out(&args);
        assert!(text.contains("使い方: backstep <COMMAND>"), "{text}");
        assert!(
            text.contains("コマンド:") && text.contains("オプション:"),
            "{text}"
        );
        let limits =
            format!("サンプル {MAX_SAMPLES} 個、各層 {MAX_WIDTH} ユニット、{MAX_LAYERS} 層");
        assert!(text.contains(&limits), "{text}");
        for word in ENGLISH {
            assert!(!text.contains(word), "{word:?} in {text}");
        }
    }
    for cmd in ["step", "train", "trace", "spec", "bench"] {
        let text = out(&[cmd, "--help", "--lang", "ja"]);
        assert!(text.contains(&format!("使い方: backstep {cmd}")), "{text}");
        for word in ENGLISH {
            assert!(!text.contains(word), "{cmd}: {word:?} in {text}");
        }
    }
    let train = out(&["train", "--lang", "ja", "--help"]);
    assert!(
        train.contains(&format!("学習するステップ数 (1〜{MAX_TRAIN_STEPS})")),
        "{train}"
    );
    assert!(train.contains("[値: ja, en]"), "{train}");
}

#[test]
fn help_stays_english_otherwise() {
    for args in [vec!["--help"], vec!["--help", "--lang", "en"]] {
        let text = out(&args);
        assert!(text.contains("Usage: backstep <COMMAND>"), "{text}");
        assert!(text.contains("10000 samples"), "{text}");
        assert!(!text.contains("使い方"), "{text}");
    }
    let step = out(&["step", "--lang", "en", "--help"]);
    assert!(step.contains("Language of the output"), "{step}");
}

#[test]
fn lang_still_sets_the_output_language_without_help() {
    let o = backstep(&["step", "--lang", "en"], None);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(!text.contains("使い方"));
    // A --lang at the top level without --help is still refused, as before.
    let o = backstep(&["--lang", "ja"], None);
    assert_eq!(o.status.code(), Some(2));
}
