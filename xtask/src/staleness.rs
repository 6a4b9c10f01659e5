//! The guard on BENCHMARKS.md's figures: the commit `cargo xtask bench` recorded must be an
//! ancestor of HEAD, and the files the bench measures ([`MEASURED`]) must not have changed since
//! by more than [`MAX_CHANGED_LINES`] lines (added plus removed, committed). Code that only
//! moved counts nothing — a line removed in one place and added in another (same text but for
//! indentation), a whole file renamed — and nor does a change made only of imports, module
//! declarations or comments ([`UNMEASURED`]): none moves an instruction the bench times.
//! Re-running `cargo
//! xtask bench` (and committing BENCHMARKS.md) makes it pass again. Where git cannot say (no
//! git, a shallow clone without that commit), it says so and passes: a contributor must never
//! see it fail for a reason that is not in the tree.

use crate::bench::TAKEN_ON;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// What the bench measures: the core, the glue, the page and the bench scripts.
pub const MEASURED: &[&str] = &[
    "crates/nn/src",
    "crates/lesson/src",
    "crates/wasm/src",
    "web",
    "tests/bench",
];
/// Changed lines that do not count: imports and module declarations (Rust's `use`/`mod`, the
/// page's `import`), and comments. Given to `git diff -I`, which drops a change whose lines all
/// match one of them.
pub const UNMEASURED: &[&str] = &[
    r"^[[:space:]]*(pub(\(crate\))? )?(use|mod) ",
    r"^[[:space:]]*import ",
    r"^[[:space:]]*//",
];
/// Lines of [`MEASURED`] that may change after the figures were taken.
pub const MAX_CHANGED_LINES: u64 = 300;

/// `Ok(report)` when the figures are fresh enough (or git cannot tell), `Err(why)` when stale.
pub fn check(root: &Path) -> Result<String, String> {
    let doc = std::fs::read_to_string(root.join("BENCHMARKS.md")).map_err(|e| e.to_string())?;
    let commit = doc
        .lines()
        .find_map(|l| l.strip_prefix(TAKEN_ON))
        .and_then(|rest| rest.split('`').nth(1))
        .ok_or("BENCHMARKS.md names no commit: run `cargo xtask bench`")?
        .to_string();
    let git = |args: &[&str]| Command::new("git").args(args).current_dir(root).output();
    let Ok(shallow) = git(&["rev-parse", "--is-shallow-repository"]) else {
        return Ok("no git: the figures' commit is not checked".into());
    };
    if !shallow.status.success() {
        return Ok("not a git checkout: the figures' commit is not checked".into());
    }
    let known =
        git(&["cat-file", "-e", &format!("{commit}^{{commit}}")]).is_ok_and(|o| o.status.success());
    if !known && String::from_utf8_lossy(&shallow.stdout).trim() == "true" {
        return Ok(format!(
            "a shallow clone without {commit}: the figures' commit is not checked"
        ));
    }
    let ancestor =
        git(&["merge-base", "--is-ancestor", &commit, "HEAD"]).is_ok_and(|o| o.status.success());
    if !ancestor {
        return Err(format!(
            "BENCHMARKS.md's figures were taken on {commit}, which is not in HEAD's history: run `cargo xtask bench` and commit BENCHMARKS.md"
        ));
    }
    let ignored: Vec<String> = UNMEASURED.iter().map(|re| format!("-I{re}")).collect();
    let mut args = vec!["diff", "--unified=0", "--no-color", "-M"];
    args.extend(ignored.iter().map(String::as_str));
    args.extend([commit.as_str(), "HEAD", "--"]);
    args.extend(MEASURED);
    let out = git(&args).map_err(|e| e.to_string())?;
    let changed = changed_lines(&String::from_utf8_lossy(&out.stdout));
    if changed > MAX_CHANGED_LINES {
        return Err(format!(
            "BENCHMARKS.md's figures were taken on {commit}; since then {changed} lines of {} changed (at most {MAX_CHANGED_LINES}): run `cargo xtask bench` and commit BENCHMARKS.md",
            MEASURED.join(", ")
        ));
    }
    Ok(format!(
        "BENCHMARKS.md's figures: commit {commit}, {changed} lines of what they measure changed since (at most {MAX_CHANGED_LINES})"
    ))
}

/// The lines a patch changes, where a line removed in one place and added in another (its text
/// trimmed) is a move and counts nothing.
fn changed_lines(patch: &str) -> u64 {
    let mut net: BTreeMap<&str, i64> = BTreeMap::new();
    for line in patch.lines() {
        let header = ["--- a/", "+++ b/", "--- /dev/null", "+++ /dev/null"];
        if header.iter().any(|h| line.starts_with(h)) {
            continue;
        }
        let (text, by) = match line.as_bytes().first() {
            Some(b'+') => (&line[1..], 1),
            Some(b'-') => (&line[1..], -1),
            _ => continue,
        };
        *net.entry(text.trim()).or_default() += by;
    }
    net.values().map(|n| n.unsigned_abs()).sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn moved_lines_count_nothing_and_edits_count_both_sides() {
        let patch =
            "--- a/x.rs\n+++ b/y.rs\n@@ -1 +1 @@\n-    let a = 1;\n+let a = 1;\n-old();\n+new();\n";
        assert_eq!(super::changed_lines(patch), 2);
    }

    #[test]
    fn the_benchmark_figures_are_not_stale() {
        match super::check(&crate::root()) {
            Ok(report) => eprintln!("{report}"),
            Err(why) => panic!("{why}"),
        }
    }
}
