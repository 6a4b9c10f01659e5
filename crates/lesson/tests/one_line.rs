//! Hostile specs: every error stays one short line, whatever the user's text holds (line
//! breaks, terminal escapes, megabytes of key), and text after the document is refused.

use backstep_lesson::{Preset, Spec};
use backstep_nn::SpecError;
use backstep_nn::error::{MAX_MESSAGE, MAX_QUOTE, clean, quote};
use backstep_nn::message::{Lang, Msg};

/// The error for `json`, shown, with the one-line rule checked.
fn error(json: &str) -> String {
    let e = match Spec::parse(json) {
        Err(e) => e,
        Ok(spec) => spec.session().expect_err("the spec should be rejected"),
    };
    let line = e.to_string();
    assert!(
        !line.chars().any(|c| c.is_control()),
        "no control characters: {line:?}"
    );
    assert!(
        line.chars().count() <= MAX_QUOTE + 2 + MAX_MESSAGE,
        "{line}"
    );
    line
}

fn article() -> String {
    Preset::article().spec(1).unwrap().to_json()
}

#[test]
fn a_line_break_in_a_key_or_value_cannot_forge_a_line() {
    let doc = article().replacen('{', "{\"a\\r\\nbackstep: fake line\":1,", 1);
    let e = error(&doc);
    assert!(
        e.starts_with(r"unknown field `a\r\nbackstep: fake line`, expected one of `x`"),
        "{e}"
    );
    let doc = article().replace("\"sgd\"", "\"sgd\\nbackstep: fake\"");
    let e = error(&doc);
    assert!(
        e.starts_with(r"optimizer.type: unknown type `sgd\nbackstep: fake`"),
        "{e}"
    );
    let doc = article().replace("\"mse\"", "\"mse\\u2028x\\u202ey\"");
    let e = error(&doc);
    assert!(e.contains(r"mse\u{2028}x\u{202e}y"), "{e}");
}

#[test]
fn terminal_escapes_are_shown_not_sent() {
    let doc = article().replace("\"relu\"", "\"\\u001b]0;owned\\u0007\\u001b[2J\"");
    let e = error(&doc);
    assert!(e.contains(r"`\u{1b}]0;owned\u{7}\u{1b}[2J`"), "{e}");
    let doc = article().replace("[0.0,0.0]", "[\"\\u001b[31mred\",0.0]");
    let e = error(&doc);
    // The reader names what it found, never the text itself.
    assert_eq!(e, "x[0][0]: expected a number, got a string");
    assert!(!e.contains('\u{1b}'), "{e}");
}

#[test]
fn a_huge_key_or_value_gives_a_short_message() {
    let key = "k".repeat(20 << 20);
    let e = error(&article().replacen('{', &format!("{{\"{key}\":1,"), 1));
    let quoted = format!("`{}…`", "k".repeat(MAX_QUOTE - 1));
    assert!(
        e.contains(&format!("unknown field {quoted}, expected one of `x`")),
        "{e}"
    );
    // Values: a megabyte is as good as twenty here.
    let value = "k".repeat(1 << 20);
    let e = error(&article().replace("\"sgd\"", &format!("\"{value}\"")));
    assert!(e.contains(&quoted), "{e}");
    let e = error(&article().replace("[0.0,0.0]", &format!("[\"{value}\",0.0]")));
    assert!(e == "x[0][0]: expected a number, got a string", "{e}");
}

#[test]
fn text_after_the_document_is_refused() {
    let one = article();
    for doc in [
        format!("{one} garbage {{{{{{"),
        format!("{one}{one}"),
        format!("{one}\n{one}\n"),
        format!("{one} 1"),
    ] {
        let e = error(&doc);
        assert!(
            e.starts_with("text after the end of the spec (trailing characters at line"),
            "{e}"
        );
    }
    // Whitespace after the document is fine.
    Spec::parse(&format!("\n {one} \n\t\r\n"))
        .unwrap()
        .session()
        .unwrap();
}

#[test]
fn quoting_escapes_cuts_and_is_stable() {
    assert_eq!(quote("a\r\nb\tc\u{1b}"), r"a\r\nb\tc\u{1b}");
    assert_eq!(quote("日本語 → ok"), "日本語 → ok");
    let long = "é".repeat(500);
    let q = quote(&long);
    assert_eq!(q.chars().count(), MAX_QUOTE);
    assert!(q.ends_with('…'));
    // Cleaning what is already clean changes nothing.
    for m in [
        "unknown field `a\nb`, expected one of `x`, `t`".to_string(),
        format!(
            "invalid type: string \"{}\\\"x\", expected f32",
            "z".repeat(300)
        ),
        "w".repeat(2000),
        format!("`{}", "q".repeat(400)),
    ] {
        let once = clean(&m, MAX_MESSAGE);
        assert_eq!(clean(&once, MAX_MESSAGE), once, "{m}");
        assert!(once.chars().count() <= MAX_MESSAGE);
        assert!(!once.contains('\n'));
    }
    // Errors built field by field are cleaned when shown.
    let e = SpecError {
        field: "x\n".into(),
        msg: Msg::Json {
            detail: "bad\u{1b}[2J".into(),
        },
    };
    assert_eq!(e.to_string(), r"x\n: bad\u{1b}[2J");
    let key = "m\r".to_string();
    assert_eq!(
        SpecError::new("f\n", Msg::MissingField { key: key.clone() }),
        SpecError {
            field: r"f\n".into(),
            msg: Msg::MissingField { key }
        }
    );
    assert_eq!(
        e.say(Lang::Ja),
        r"x\n: JSON として読めません (bad\u{1b}[2J)"
    );
}
