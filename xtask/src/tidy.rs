//! The tidy check: every source file opens with a line saying what it owns (`//!` in Rust,
//! `//` in the page's JS and the browser tests, `/*` in CSS) and stays small (one concept per
//! file), the copies kept by hand agree with their source (`copies.rs`), the page's two
//! languages name the same keys (`i18n_keys.rs`), and the crates' modules import no circle and
//! the math crate knows no lessons (`layering.rs`). It runs as a
//! `#[test]` (so `cargo test --workspace` runs it) and as `cargo xtask tidy`.

use std::path::{Path, PathBuf};

/// Longest source file allowed, in lines.
const MAX_LINES: usize = 300;

/// The folders checked, and the endings that count as source there.
const DIRS: &[&str] = &["crates", "xtask", "web", "tests/e2e", "tests/engines"];
const ENDINGS: &[&str] = &["rs", "js", "mjs", "css"];

/// Checks every source file under [`DIRS`], and the copies kept by hand.
pub fn check(root: &Path) -> Result<(), String> {
    let (count, mut problems) = headers(root)?;
    problems.extend(crate::copies::check(root)?);
    problems.extend(crate::i18n_keys::check(root)?);
    problems.extend(crate::listeners::check(root)?);
    problems.extend(crate::layering::check(root)?);
    if problems.is_empty() {
        eprintln!(
            "xtask: tidy: {count} source files have headers and stay within {MAX_LINES} lines; the copies of the limits agree; both languages name the same keys; the tools listen to the page's events; no module circle, and the math crate knows no lessons"
        );
        Ok(())
    } else {
        Err(format!(
            "tidy found {} problem(s):\n  {}",
            problems.len(),
            problems.join("\n  ")
        ))
    }
}

/// How many source files there are, and each one's problems with its header or size.
fn headers(root: &Path) -> Result<(usize, Vec<String>), String> {
    let mut files = Vec::new();
    for dir in DIRS {
        collect(&root.join(dir), &mut files);
    }
    if files.is_empty() {
        return Err("tidy: found no source files".into());
    }
    let mut problems = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let shown = path.strip_prefix(root).unwrap_or(path).display();
        let header = match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => "//!",
            Some("css") => "/*",
            _ => "//",
        };
        if !text.starts_with(header) {
            problems.push(format!(
                "{shown}: does not open with a `{header}` line saying what it owns"
            ));
        }
        let lines = text.lines().count();
        if lines > MAX_LINES {
            problems.push(format!(
                "{shown}: {lines} lines (at most {MAX_LINES}; split it by concept)"
            ));
        }
    }
    Ok((files.len(), problems))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name()
                .is_some_and(|n| n != "target" && n != "node_modules")
            {
                collect(&p, out);
            }
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ENDINGS.contains(&x))
        {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tree_is_tidy() {
        super::check(&crate::root()).unwrap();
    }

    #[test]
    fn a_file_without_its_header_is_caught() {
        let dir = std::env::temp_dir().join(format!("tidy-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("web")).unwrap();
        std::fs::write(dir.join("web/a.js"), "const a = 1;\n").unwrap();
        let mut files = Vec::new();
        super::collect(&dir.join("web"), &mut files);
        assert_eq!(files.len(), 1);
        let (count, problems) = super::headers(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(count, 1);
        assert!(problems[0].contains("does not open with"), "{problems:?}");
    }
}
