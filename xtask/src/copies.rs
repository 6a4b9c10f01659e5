//! Copies kept by hand, checked against their source: the limits in `crates/lesson/src/limits.rs`
//! are stated in the README, the trace format document, the CLI's `--help` (args.rs) and the page's text.
//! (The model options' ranges are no copy: their help is the settings table's, with `{min}` and
//! `{max}` filled in from limits.rs.)
//! Each place must state the number the code has; a change to one without the others fails
//! the tidy check (the xtask reads the constants as text: it depends on no workspace crate).

use std::collections::HashMap;
use std::path::Path;

/// `pub const NAME: usize = 10_000;` → NAME = 10000, for every such line of limits.rs. A
/// constant defined from others (`2 * (…)`) is skipped.
fn constants(text: &str) -> HashMap<String, u64> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("pub const ")?;
            let (name, value) = rest.split_once(':')?;
            let value = value.split_once('=')?.1.trim().trim_end_matches(';');
            Some((name.to_string(), value.replace('_', "").parse().ok()?))
        })
        .collect()
}

/// 10000 as the prose writes it: "10 000" (a space between thousands from 10 000 up).
fn spaced(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() < 5 {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Whitespace (line breaks, a comment's `///`) folded to single spaces.
fn folded(text: &str) -> String {
    text.replace("///", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every problem with the hand-kept copies, one line each.
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let limits = std::fs::read_to_string(root.join("crates/lesson/src/limits.rs"))
        .map_err(|e| format!("copies: limits.rs: {e}"))?;
    against(root, &limits)
}

/// The problems of the copies under `root` against the limits in `limits` (limits.rs's text).
fn against(root: &Path, limits: &str) -> Result<Vec<String>, String> {
    let read =
        |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("copies: {p}: {e}"));
    let c = constants(limits);
    let get = |name: &str| {
        c.get(name)
            .copied()
            .ok_or_else(|| format!("copies: limits.rs has no `{name}`"))
    };
    let (samples, width, layers) = (get("MAX_SAMPLES")?, get("MAX_WIDTH")?, get("MAX_LAYERS")?);
    let (traced, trained) = (get("MAX_TRACE_STEPS")?, get("MAX_TRAIN_STEPS")?);
    let (hidden, page_width, points) = (
        get("PAGE_HIDDEN_LAYERS")?,
        get("PAGE_WIDTH")?,
        get("PAGE_SAMPLES")?,
    );
    let s = spaced;
    let wanted: Vec<(&str, String)> = vec![
        (
            "README.md",
            format!(
                "Limits (also in `backstep --help`): {} samples, {width} units per layer, {layers} layers, {} traced steps, {} training steps",
                s(samples),
                s(traced),
                s(trained)
            ),
        ),
        (
            "README.md",
            format!(
                "Limits, stated in the page: {hidden} hidden layers of {page_width} units, {points} points. The CLI and the spec format allow more ({width} units, {} samples)",
                s(samples)
            ),
        ),
        (
            "docs/trace-format.md",
            format!("| samples in `x` (and in `x_test`) | {} |", s(samples)),
        ),
        (
            "docs/trace-format.md",
            format!("| features, outputs, units of a layer | {width} |"),
        ),
        (
            "docs/trace-format.md",
            format!("| entries in `layers` | {layers} |"),
        ),
        (
            "docs/trace-format.md",
            format!("| `steps` in a trace | {} |", s(traced)),
        ),
        (
            "docs/trace-format.md",
            format!("| steps of `backstep train` | {} |", s(trained)),
        ),
        (
            "crates/cli/src/args.rs",
            format!(
                "Limits: at most {samples} samples, {width} units per layer, {layers} layers, {traced} traced steps and {trained} training steps"
            ),
        ),
        (
            "web/i18n/ja.js",
            format!("CLI は {width} ユニット、{samples} 点まで"),
        ),
        (
            "web/i18n/en.js",
            format!("the CLI allows {width} units and {samples} points"),
        ),
    ];
    let mut problems = Vec::new();
    let mut cache: HashMap<&str, String> = HashMap::new();
    for (file, phrase) in wanted {
        if !cache.contains_key(file) {
            cache.insert(file, folded(&read(file)?));
        }
        if !cache[file].contains(&phrase) {
            problems.push(format!(
                "{file}: does not state the limits as limits.rs has them: expected `{phrase}`"
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_and_written_as_the_prose_does() {
        let c = constants("pub const A: usize = 10_000;\npub const B: u64 = 2 * (A + 1);");
        assert_eq!(c.get("A"), Some(&10_000));
        assert_eq!(c.get("B"), None);
        assert_eq!(spaced(10_000_000), "10 000 000");
        assert_eq!(spaced(256), "256");
        assert_eq!(folded("a\n/// b  c"), "a b c");
    }

    #[test]
    fn a_changed_limit_is_caught() {
        let root = crate::root();
        assert_eq!(check(&root), Ok(Vec::new()));
        // The same files against a limits.rs that says 20 000 samples fail on every copy.
        let limits = std::fs::read_to_string(root.join("crates/lesson/src/limits.rs")).unwrap();
        let changed = limits.replace("MAX_SAMPLES: usize = 10_000", "MAX_SAMPLES: usize = 20_000");
        assert_ne!(changed, limits);
        let problems = against(&root, &changed).unwrap();
        assert_eq!(problems.len(), 6, "{problems:#?}");
    }
}
