//! The page's tests in real headless Chromium: builds the site and the single-file bundle,
//! serves `dist/` on a free 127.0.0.1 port from a thread, and runs the Playwright specs in
//! `tests/e2e/` against it (`BACKSTEP_URL`, `BACKSTEP_BUNDLE`).
//!
//! Needs Debian's Chromium at /usr/bin/chromium (`.ci/run` installs it) and the npm packages,
//! which it installs from the lockfile with `npm ci` when they are missing.

use crate::{Totals, root, serve, site};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs the Playwright suite and adds its counts to `totals`.
pub fn test(totals: &mut Totals, extra: &[String]) -> Result<(), String> {
    let playwright = root().join("node_modules").join(".bin").join("playwright");
    if !playwright.exists() {
        // The lockfile pins Playwright (the library; the browser is the system's), binaryen and esbuild.
        crate::run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    if !std::path::Path::new(CHROMIUM).exists() {
        return Err(format!(
            "the browser tests need Chromium at {CHROMIUM}: `apt-get install -y chromium` (or run `.ci/run`)"
        ));
    }
    let bundle = site::bundle()?;
    let dist = bundle
        .parent()
        .expect("the bundle sits in dist/")
        .to_path_buf();
    let (listener, url) = serve::bind(0)?;
    std::thread::spawn(move || serve::serve(listener, dist));
    eprintln!("xtask: $ playwright test (page at {url})");
    let mut child = Command::new(&playwright)
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
    let (mut passed, mut failed) = (0, 0);
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        // The list reporter ends with lines such as "  12 passed (9.1s)" and "  1 failed".
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [n, word, ..] = words.as_slice() {
            match (n.parse::<u64>(), *word) {
                (Ok(n), "passed") => passed = n,
                (Ok(n), "failed") => failed = n,
                _ => {}
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    totals.passed += passed;
    totals.failed += failed;
    if status.success() && failed == 0 && passed > 0 {
        Ok(())
    } else {
        totals.failed = totals.failed.max(1);
        Err(format!(
            "the browser tests failed ({status}); screenshots and traces are in tests/screenshots/"
        ))
    }
}
