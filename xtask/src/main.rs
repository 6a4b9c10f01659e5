//! Project automation, one entry point for humans and CI: `cargo xtask <command>`.
//!
//! - `build`: the static site in `dist/` (wasm, bindings, page).
//! - `serve [--port N]`: build, then serve `dist/` on http://127.0.0.1:8000 and print the URL.
//! - `bundle`: build, then `dist/backstep.html`, one file that opens from `file://`.
//! - `test`: formatting, clippy with warnings denied, Biome's format and lint of the page's
//!   JavaScript, the tidy check, every Rust test, then the
//!   page's tests in headless Chromium; it ends with one line `total: N passed, M failed`.
//! - `ci`: what `.ci/run` runs after installing the toolchain pieces (same as `test`).
//! - `bench [--native]`: the page's benchmarks against the built site in the system Chromium
//!   (first frame and weight, the same-page table beside TF Playground, Play on W5 and W6),
//!   written into BENCHMARKS.md with the commit (`--native`: the criterion benchmarks and the
//!   numpy/PyTorch comparison first).
//! - `tidy`: only the tidy check (file headers and sizes).
//! - `e2e [ARGS]`: only the page's tests in headless Chromium; ARGS go to `playwright test`
//!   (a file or `-g PATTERN` runs some of them).

mod bench;
mod browser;
mod copies;
mod csp;
mod serve;
mod site;
#[cfg(test)]
mod staleness;
mod tidy;

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") | Some("ci") => test(),
        Some("bench") => bench::bench(&args[1..]),
        Some("build") => site::build().map(|_| ()),
        Some("bundle") => site::bundle().map(|_| ()),
        Some("serve") => serve_command(&args[1..]),
        Some("tidy") => tidy::check(&root()),
        Some("e2e") => browser::test(&mut Totals::default(), &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <build|serve [--port N]|bundle|test|ci|bench [--native]|tidy|e2e [ARGS]>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the xtask crate sits one level below it).
pub fn root() -> std::path::PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().expect("xtask has a parent").to_path_buf()
}

/// Runs a command in the workspace root, failing with its name if it fails.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn test() -> Result<(), String> {
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    let clippy = [
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ];
    run("cargo", &clippy)?;
    js_check()?;
    tidy::check(&root())?;
    let mut total = Totals::default();
    let mut outcome = run_counting("cargo", &["test", "--workspace", "--quiet"], &mut total);
    if outcome.is_ok() {
        outcome = browser::test(&mut total, &[]);
    }
    // One closing line for every suite together.
    println!("total: {} passed, {} failed", total.passed, total.failed);
    outcome?;
    if total.passed == 0 {
        return Err("no test ran".into());
    }
    Ok(())
}

/// The page's JavaScript and the browser tests: formatted (lines of at most 100) and linted by
/// Biome, from the lockfile (`biome.json`). Installs the npm packages first if they are missing.
fn js_check() -> Result<(), String> {
    let biome = root().join("node_modules").join(".bin").join("biome");
    if !biome.exists() {
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    run(
        &biome.to_string_lossy(),
        &["ci", "--error-on-warnings", "."],
    )
}

fn serve_command(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => "8000",
        [flag, n] if flag == "--port" => n.as_str(),
        [flag] if flag.starts_with("--port=") => &flag["--port=".len()..],
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    let port: u16 = port
        .parse()
        .map_err(|_| format!("--port: not a port number (0 to 65535): {port:?}"))?;
    // The port is taken now, before the build, so a busy port fails in a second, not after
    // minutes of compiling. A browser that connects meanwhile waits in the listen queue.
    let (listener, url) = serve::bind(port)?;
    eprintln!(
        "xtask: {url} is ours; building the page first (a cold build compiles the wasm crate for a minute or two, with cargo's progress below)"
    );
    let dist = site::build()?;
    println!("backstep is served at {url}  (Ctrl-C stops it)");
    serve::serve(listener, dist);
    Ok(())
}

/// Test counts, added up over libtest's `test result:` lines and Playwright's summary.
#[derive(Default)]
pub struct Totals {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
}

/// Runs a test command, echoing its output and adding up its `test result:` lines. A failing
/// command counts at least one failure even if its output was cut short.
fn run_counting(program: &str, args: &[&str], totals: &mut Totals) -> Result<(), String> {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let mut child = Command::new(program)
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ") {
            totals.passed += count(rest, "passed");
            totals.failed += count(rest, "failed");
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        totals.failed = totals.failed.max(1);
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
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
            "ok. 12 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.1s";
        assert_eq!(
            (super::count(line, "passed"), super::count(line, "failed")),
            (12, 3)
        );
        assert_eq!(super::count("FAILED. 0 passed; 1 failed;", "failed"), 1);
    }
}
