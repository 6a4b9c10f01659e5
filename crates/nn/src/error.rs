//! The errors the library reports: a non-finite value in the cycle, and a bad spec.

use crate::message::{Lang, Msg};
use std::fmt;

/// The four phases of the cycle: 知る, ロス, 考える, 更新.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// 知る: forward through the layers.
    Forward,
    /// ロス: the loss and dL/dy.
    Loss,
    /// 考える: backward through the layers, last to first.
    Backward,
    /// 更新: the optimizer moves the parameters.
    Update,
}

impl Phase {
    /// The English name: `forward`, `loss`, `backward`, `update`.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Forward => "forward",
            Phase::Loss => "loss",
            Phase::Backward => "backward",
            Phase::Update => "update",
        }
    }
    /// The article's word for it: 知る, ロス, 考える, 更新.
    pub fn word_ja(self) -> &'static str {
        match self {
            Phase::Forward => "知る",
            Phase::Loss => "ロス",
            Phase::Backward => "考える",
            Phase::Update => "更新",
        }
    }
}

/// A micro-step produced NaN or ±Inf. Parameters and optimizer state were put back as they were
/// before the step, and the step counter did not move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonFinite {
    /// The step that failed (1-based: the step that would have completed).
    pub step: u64,
    /// The phase that produced the value.
    pub phase: Phase,
    /// The layer (index into the spec's `layers`), or `None` for the loss.
    pub layer: Option<usize>,
    /// The layer's kind (`affine`, `relu`, …) or `mse`.
    pub kind: &'static str,
    /// What held the value: `y`, `loss`, `dL/dy`, `dx`, `dW`, `db`, `W`, `b`.
    pub what: &'static str,
}

impl fmt::Display for NonFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "step {}, {} phase", self.step, self.phase.name())?;
        if let Some(l) = self.layer {
            write!(f, ", layers[{l}] ({})", self.kind)?;
        }
        write!(
            f,
            ": {} is not finite (NaN or ±Inf); training stopped and the state from before this step was kept — try a smaller learning rate",
            self.what
        )
    }
}

impl std::error::Error for NonFinite {}

/// A spec (or an option that builds one) that cannot be run, with the field it concerns and
/// what is wrong as a code with its arguments ([`Msg`], written once per language in
/// [`crate::message`]).
///
/// The field and the message may quote the user's own text (an unknown key, a bad value). Both
/// are cleaned when shown (the field also when the error is made), so every message is one short
/// line: control characters appear as escapes (`\n`, `\u{1b}`), a quoted piece of text longer
/// than [`MAX_QUOTE`] characters is cut and ends in `…`, and the whole message is cut at
/// [`MAX_MESSAGE`] characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    /// The field, as a path: `layers[2]`, `optimizer.lr`, `x[3]`; empty for the whole document.
    pub field: String,
    /// What is wrong.
    pub msg: Msg,
}

/// Most characters of one quoted piece of user text in a message, `…` included.
pub const MAX_QUOTE: usize = 80;
/// Most characters of a message (and of a field path), `…` included.
pub const MAX_MESSAGE: usize = 320;

impl SpecError {
    /// An error about `field`.
    pub fn new(field: impl Into<String>, msg: Msg) -> Self {
        SpecError {
            field: clean(&field.into(), MAX_QUOTE),
            msg,
        }
    }
    /// The same error about another field (`field` is given the current one).
    pub fn at(self, field: impl FnOnce(&str) -> String) -> Self {
        SpecError::new(field(&self.field), self.msg)
    }
    /// What is wrong, in English, on one line.
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }
    /// What is wrong, in `lang`, on one line.
    pub fn message_in(&self, lang: Lang) -> String {
        clean(&self.msg.say(lang), MAX_MESSAGE)
    }
    /// The whole line in `lang`: `field: message`, or the message alone.
    pub fn say(&self, lang: Lang) -> String {
        // The field is cleaned again: it is public and may have been set directly.
        let message = self.message_in(lang);
        if self.field.is_empty() {
            message
        } else {
            format!("{}: {message}", clean(&self.field, MAX_QUOTE))
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for SpecError {}

/// True for characters that must not reach a terminal raw: control characters (line breaks,
/// escapes), the Unicode line separators and the bidirectional overrides that reorder a line.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hidden character written as an escape (`\n`, `\r`, `\t`, `\u{1b}`).
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        if hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
}

/// `text` cut to at most `max` characters, the last being `…` when anything was cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some(_) => {
            let end = text
                .char_indices()
                .nth(max - 1)
                .map_or(text.len(), |(i, _)| i);
            format!("{}…", &text[..end])
        }
    }
}

/// User text ready to quote in a one-line message: hidden characters escaped, then cut to
/// [`MAX_QUOTE`] characters. `quote("a\r\nb")` is `a\r\nb` written with visible backslashes.
pub fn quote(text: &str) -> String {
    let mut out = String::new();
    escape(text, &mut out);
    cut(&out, MAX_QUOTE)
}

/// Where the quote `q` that `text` is inside ends: serde writes strings between double quotes
/// with `\"` inside them, keys and variants between backticks as they are.
fn closing(text: &str, q: char) -> usize {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if q == '"' => escaped = !escaped,
            c if c == q && !escaped => return i,
            _ => escaped = false,
        }
    }
    text.len()
}

/// A message ready to show on one line: hidden characters escaped, every piece quoted between
/// backticks or double quotes (as serde quotes keys, variants and strings) cut to [`MAX_QUOTE`]
/// characters, and the whole cut to `max` characters. Cleaning twice changes nothing, and the
/// work is bounded by `max`, not by the length of `message`.
pub fn clean(message: &str, max: usize) -> String {
    let mut out = String::new();
    let mut rest = message;
    // Past 4·max bytes the result has more than max characters: the rest would be cut anyway.
    while out.len() <= 4 * max {
        let Some(open) = rest.find(['`', '"']) else {
            break;
        };
        let q = if rest.as_bytes()[open] == b'`' {
            '`'
        } else {
            '"'
        };
        escape(&rest[..=open], &mut out);
        rest = &rest[open + 1..];
        let close = closing(rest, q);
        out.push_str(&quote(&rest[..close]));
        rest = &rest[close..];
        if let Some(r) = rest.strip_prefix(q) {
            out.push(q);
            rest = r;
        }
    }
    if out.len() <= 4 * max {
        let end = rest
            .char_indices()
            .nth(max + 1)
            .map_or(rest.len(), |(i, _)| i);
        escape(&rest[..end], &mut out);
    } else if !rest.is_empty() {
        out.push('…');
    }
    cut(&out, max)
}
