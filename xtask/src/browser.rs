//! The page's tests in real headless Chromium: builds the site and the single-file bundle,
//! serves `dist/` on a free 127.0.0.1 port from a thread, and runs the Playwright specs in
//! `tests/e2e/` against it (`BACKSTEP_URL`, `BACKSTEP_BUNDLE`).
//!
//! Needs Debian's Chromium at /usr/bin/chromium (`.ci/run` installs it) and the npm packages,
//! which it installs from the lockfile with `npm ci` when they are missing.

use crate::clock::Phase;
use crate::python::Probe;
use crate::suite::Totals;
use crate::{root, serve, site};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs the Playwright suite and adds its counts to `totals`; `py` says what runs the generated
/// PyTorch code (the tests that need it skip themselves when nothing can).
pub fn test(totals: &mut Totals, extra: &[String], py: &Probe) -> Result<(), String> {
    // The lockfile pins Playwright (the library; the browser is the system's), binaryen and esbuild.
    crate::site::ensure_npm_tools()?;
    let playwright = root().join("node_modules").join(".bin").join("playwright");
    if !std::path::Path::new(CHROMIUM).exists() {
        totals.failed += 1;
        return Err(format!(
            "the browser tests did not run: they need Chromium at {CHROMIUM} (`apt-get install -y chromium`, or run `.ci/run`)"
        ));
    }
    let bundle = site::bundle().inspect_err(|_| totals.failed += 1)?;
    let dist = bundle
        .parent()
        .expect("the bundle sits in dist/")
        .to_path_buf();
    let (listener, url) = serve::bind(0)?;
    std::thread::spawn(move || serve::serve(listener, dist));
    let phase = Phase::start(&format!("$ playwright test, in Chromium (page at {url})"));
    let mut cmd = Command::new(&playwright);
    py.env(&mut cmd);
    let mut child = cmd
        .args(["test", "--reporter=list"])
        .args(extra)
        .current_dir(root())
        .env("BACKSTEP_URL", &url)
        .env("BACKSTEP_BUNDLE", &bundle)
        .env("BACKSTEP_CHROMIUM", CHROMIUM)
        // The native CLI, built by the Rust tests just before, for the cross-check.
        .env(
            "BACKSTEP_CLI",
            root().join("target").join("debug").join("backstep"),
        )
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start playwright: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        // The list reporter ends with lines such as "  12 passed (9.1s)", "  1 failed" and
        // "  1 skipped".
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [n, word, ..] = words.as_slice() {
            match (n.parse::<u64>(), *word) {
                (Ok(n), "passed") => passed = n,
                (Ok(n), "failed") => failed = n,
                (Ok(n), "skipped") => skipped = n,
                _ => {}
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    phase.done(status.success());
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += skipped;
    if skipped > 0 {
        totals.notes.push(format!(
            "{skipped} Chromium test(s) skipped (marked - in the list above)"
        ));
    }
    if status.success() && failed == 0 && passed > 0 {
        Ok(())
    } else {
        if failed == 0 {
            totals.failed += 1;
        }
        Err(format!(
            "the browser tests failed ({status}); screenshots and traces are in tests/screenshots/"
        ))
    }
}
