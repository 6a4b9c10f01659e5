//! A crate's modules as the layering check reads them: each module's path (from its file's
//! place under `src/`), its code without comments and unit tests, and the `::` paths that code
//! names.

use std::collections::BTreeMap;
use std::path::Path;

/// A module's path inside its crate (`[]` is the crate root).
pub type Module = Vec<String>;

/// Every module of the crate whose sources are in `src`, with its code (comment lines and the
/// unit-test module at the end left out).
pub fn modules(src: &Path) -> Result<BTreeMap<Module, String>, String> {
    let mut files = Vec::new();
    collect(src, &mut files);
    let mut out = BTreeMap::new();
    for path in files {
        let rel = path.strip_prefix(src).unwrap_or(&path).with_extension("");
        let mut m: Module = rel
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if m == ["lib"] || m == ["main"] || m.last().is_some_and(|l| l == "mod") {
            m.pop();
            if m == ["lib"] || m == ["main"] {
                m.clear();
            }
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.insert(m, code(&text));
    }
    Ok(out)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file: no comment lines, and nothing from a `#[cfg(test)] mod tests` on.
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let next = lines.get(i + 1).map_or("", |l| l.trim());
        if t == "#[cfg(test)]" && next.starts_with("mod tests") {
            break;
        }
        if !t.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The paths a module's code names: each a list of identifiers joined by `::`, with the first
/// segments of a `{…}` group expanded (`crate::{a, b::C}` gives `crate::a` and `crate::b::C`).
pub fn paths(code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = ident(b[i]) && (i == 0 || (!ident(b[i - 1]) && b[i - 1] != b':'));
        if !starts {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < b.len() && ident(b[j]) {
                j += 1;
            }
            segs.push(code[s..j].to_string());
            if !code[j..].starts_with("::") {
                break;
            }
            j += 2;
            if b.get(j) == Some(&b'{') {
                let end = code[j..].find('}').map_or(b.len(), |e| j + e);
                for item in code[j + 1..end].split(',') {
                    let mut p = segs.clone();
                    p.extend(item.trim().split("::").map(|s| s.trim().to_string()));
                    p.retain(|s| !s.is_empty() && s.bytes().all(ident));
                    out.push(p);
                }
                j = end;
                segs.clear();
                break;
            }
            if !b.get(j).is_some_and(|&c| ident(c)) {
                break;
            }
        }
        if segs.len() > 1 {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}
