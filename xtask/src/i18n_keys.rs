//! The page's two dictionaries, `web/i18n/ja.js` and `web/i18n/en.js`, name the same keys: a
//! word added in one language and forgotten in the other fails the tidy check, not a class.
//! The keys are read as text (`name:` lines, nested objects by indent), like the other copies.

use std::collections::BTreeSet;
use std::path::Path;

/// The dictionaries checked against each other.
const FILES: [&str; 2] = ["web/i18n/ja.js", "web/i18n/en.js"];

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
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
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

/// One line per key that one dictionary has and the other lacks.
pub fn check(root: &Path) -> Result<Vec<String>, String> {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let (ja, en) = (keys(&read(FILES[0])?), keys(&read(FILES[1])?));
    if ja.is_empty() || en.is_empty() {
        return Err(format!("found no keys in {} or {}", FILES[0], FILES[1]));
    }
    let missing = |from: &BTreeSet<String>, to: &BTreeSet<String>, file: &str| {
        from.difference(to)
            .map(|k| format!("{file}: no `{k}` (the other language has it)"))
            .collect::<Vec<_>>()
    };
    let mut problems = missing(&ja, &en, FILES[1]);
    problems.extend(missing(&en, &ja, FILES[0]));
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
