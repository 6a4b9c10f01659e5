//! The page's dictionaries in Japanese and English name the same keys, pair by pair (`ja.js`
//! and `en.js`, and the parts they take in by concept: `ja-keys.js` and `en-keys.js`, …): a word
//! added in one language and forgotten in the other fails the tidy check, not a class.
//! The keys are read as text (`name:` lines, nested objects by indent), like the other copies.

use std::collections::BTreeSet;
use std::path::Path;

/// The dictionaries checked against each other, Japanese first.
const PAIRS: [[&str; 2]; 4] = [
    ["web/i18n/ja.js", "web/i18n/en.js"],
    ["web/i18n/ja-keys.js", "web/i18n/en-keys.js"],
    ["web/i18n/ja-compare.js", "web/i18n/en-compare.js"],
    ["web/i18n/ja-tasks.js", "web/i18n/en-tasks.js"],
];

/// Every key path (`fields.seed`) of the object literal after `export const NAME = {`.
fn keys(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if !inside {
            inside = line.starts_with("export const ") && line.trim_end().ends_with("= {");
            continue;
        }
        if line.starts_with("};") {
            break;
        }
        let indent = line.len() - line.trim_start().len();
        let Some((name, _)) = line.trim_start().split_once(':') else {
            continue;
        };
        // A quoted key ('lesson-play') is a key too.
        let name = name.trim_matches(|c| c == '\'' || c == '"');
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        if name.is_empty() || !name.chars().all(word) {
            continue;
        }
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let mut path: Vec<&str> = stack.iter().map(|(_, k)| k.as_str()).collect();
        path.push(name);
        out.insert(path.join("."));
        stack.push((indent, name.to_string()));
    }
    out
}

/// One line per key that one dictionary of a pair has and the other lacks.
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let mut problems = Vec::new();
    for [ja_file, en_file] in PAIRS {
        let (ja, en) = (keys(&read(ja_file)?), keys(&read(en_file)?));
        if ja.is_empty() || en.is_empty() {
            return Err(format!("found no keys in {ja_file} or {en_file}"));
        }
        let missing = |from: &BTreeSet<String>, to: &BTreeSet<String>, file: &str| {
            from.difference(to)
                .map(|k| format!("{file}: no `{k}` (the other language has it)"))
                .collect::<Vec<_>>()
        };
        problems.extend(missing(&ja, &en, en_file));
        problems.extend(missing(&en, &ja, ja_file));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_in_one_language_only_is_caught() {
        let ja = "// x\nexport const JA = {\n  a: 'あ',\n  f: {\n    b: 'い',\n  },\n  g: (n) =>\n    `${n}`,\n};\n";
        let en = "// x\nexport const EN = {\n  a: 'a',\n  f: {\n    c: 'c',\n  },\n};\n";
        let (ja, en) = (super::keys(ja), super::keys(en));
        assert_eq!(ja.iter().collect::<Vec<_>>(), ["a", "f", "f.b", "g"]);
        let only: Vec<_> = ja.symmetric_difference(&en).collect();
        assert_eq!(only, ["f.b", "f.c", "g"]);
    }
}
