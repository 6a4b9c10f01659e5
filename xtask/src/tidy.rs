//! The tidy check: every source file opens with a line saying what it owns (`//!` in Rust,
//! `//` in the page's JS and the browser tests, `/*` in CSS) and stays small (one concept per
//! file).

use std::path::{Path, PathBuf};

/// Longest source file allowed, in lines.
const MAX_LINES: usize = 300;

/// The folders checked, and the endings that count as source there.
const DIRS: &[&str] = &["crates", "xtask", "web", "tests/e2e"];
const ENDINGS: &[&str] = &["rs", "js", "mjs", "css"];

/// Checks every source file under [`DIRS`].
pub fn check(root: &Path) -> Result<(), String> {
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
    if problems.is_empty() {
        eprintln!(
            "xtask: tidy: {} source files have headers and stay within {MAX_LINES} lines",
            files.len()
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
