//! `cargo xtask test`: every group of checks and tests runs whatever the others did (the Rust
//! test binaries with `--no-fail-fast`, the browsers after them), and one closing line counts
//! every test that ran, `total: N passed, M failed, K skipped`, then names each group that did
//! not run, or skipped tests, and why.

use crate::clock::{self, Phase};
use crate::{browser, engines, python, root, tidy};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Test counts over every group, and what was skipped or not run, with the reason.
#[derive(Default)]
pub struct Totals {
    /// Tests (and whole checks: fmt, clippy, Biome, tidy) that passed.
    pub passed: u64,
    /// Tests or checks that failed.
    pub failed: u64,
    /// Tests skipped because an optional tool is missing.
    pub skipped: u64,
    /// One line per group that did not run, or skipped tests, saying why.
    pub notes: Vec<String>,
}

impl Totals {
    /// Counts a whole check (one that has no tests of its own) as one passed or failed test.
    pub fn check(&mut self, name: &str, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(e) => {
                eprintln!("xtask: {name} failed: {e}");
                self.failed += 1;
                self.notes.push(format!("{name} failed"));
            }
        }
    }
}

/// Runs every group; fails if any test failed or none ran.
pub fn test() -> Result<(), String> {
    // Each group keeps its own time and heartbeat; this is the whole.
    eprintln!("xtask: test: the checks, every Rust test, then Chromium, Firefox and WebKit");
    let start = std::time::Instant::now();
    let mut t = Totals::default();
    t.check(
        "cargo fmt --check",
        crate::run("cargo", &["fmt", "--all", "--", "--check"]),
    );
    let clippy = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    t.check("clippy", crate::run("cargo", &clippy));
    t.check("Biome", crate::js_check());
    t.check("tidy", tidy::check(&root()));
    let py = python::probe();
    let mut args = vec!["test", "--workspace", "--no-fail-fast"];
    if py.kind == python::Kind::Missing {
        // The tests that run generated Python are left out by name; libtest counts them as
        // "filtered out", and they are reported as skipped.
        args.extend(["--", "--skip", python::TEST_PREFIX]);
    }
    let outcome = run_counting("cargo", &args, &py, &mut t);
    if let Err(e) = outcome {
        t.notes.push(format!("Rust tests: {e}"));
    }
    if let Some(why) = &py.missing {
        t.notes.push(why.clone());
    }
    if let Err(e) = browser::test(&mut t, &[], &py) {
        t.notes.push(e);
    }
    engines::test(&mut t);
    let took = start.elapsed();
    // One closing line for every group together.
    println!(
        "total: {} passed, {} failed, {} skipped  ({})",
        t.passed,
        t.failed,
        t.skipped,
        clock::human(took)
    );
    for note in &t.notes {
        println!("  - {note}");
    }
    if t.failed > 0 {
        return Err(format!("{} failed", t.failed));
    }
    if t.passed == 0 {
        return Err("no test ran".into());
    }
    Ok(())
}

/// Runs a test command, echoing its output and adding up its `test result:` lines (tests
/// "filtered out" were skipped on purpose, see [`test`]). A failing command counts at least one
/// failure even if its output was cut short.
fn run_counting(
    program: &str,
    args: &[&str],
    py: &python::Probe,
    t: &mut Totals,
) -> Result<(), String> {
    let line = format!("{program} {}", args.join(" "));
    let phase = Phase::start(&format!("$ {line}"));
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(root()).stdout(Stdio::piped());
    py.env(&mut cmd);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (failed_before, mut ignored, mut filtered) = (t.failed, 0, 0);
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ") {
            t.passed += count(rest, "passed");
            t.failed += count(rest, "failed");
            ignored += count(rest, "ignored");
            filtered += count(rest, "filtered out");
        }
    }
    t.skipped += ignored + filtered;
    if ignored > 0 {
        t.notes.push(format!(
            "{ignored} Rust test(s) marked #[ignore] (long checks run by hand) were skipped"
        ));
    }
    if filtered > 0 {
        t.notes.push(format!(
            "{filtered} Rust test(s) left out by name (`--skip {}`)",
            python::TEST_PREFIX
        ));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    phase.done(status.success());
    if status.success() {
        Ok(())
    } else {
        if t.failed == failed_before {
            t.failed += 1;
        }
        Err(format!("`{line}` failed ({status})"))
    }
}

/// The number before `word` in `ok. 12 passed; 0 failed; …`.
fn count(result: &str, word: &str) -> u64 {
    result
        .split(';')
        .find_map(|part| {
            let number = part.trim().strip_suffix(word)?.trim();
            number.rsplit(' ').next()?.parse().ok()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_libtest_result_lines() {
        let line =
            "ok. 12 passed; 3 failed; 1 ignored; 0 measured; 2 filtered out; finished in 0.1s";
        let c = |w| super::count(line, w);
        assert_eq!((c("passed"), c("failed"), c("ignored")), (12, 3, 1));
        assert_eq!(c("filtered out"), 2);
        assert_eq!(super::count("FAILED. 0 passed; 1 failed;", "failed"), 1);
    }
}
