//! The tidy check: every Rust source opens with a `//!` line saying what it owns, and stays
//! small (one concept per file).

use std::path::Path;

/// Longest Rust file allowed, in lines.
const MAX_LINES: usize = 300;

/// Checks every `.rs` file under `crates/` and `xtask/`.
pub fn check(root: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for dir in ["crates", "xtask"] {
        collect(&root.join(dir), &mut files);
    }
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let shown = path.strip_prefix(root).unwrap_or(path).display();
        if !text.starts_with("//!") {
            problems.push(format!(
                "{shown}: does not open with a `//!` line saying what it owns"
            ));
        }
        let lines = text.lines().count();
        if lines > MAX_LINES {
            problems.push(format!(
                "{shown}: {lines} lines (at most {MAX_LINES}; split it by concept)"
            ));
        }
    }
    if files.is_empty() {
        return Err("tidy: found no Rust files".into());
    }
    if problems.is_empty() {
        eprintln!(
            "xtask: tidy: {} Rust files have headers and stay within {MAX_LINES} lines",
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

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "target") {
                collect(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
