//! Project automation, one entry point for humans and CI: `cargo xtask <command>`.
//!
//! - `build`: the static site in `dist/` (wasm, bindings, page).
//! - `serve [--port N]`: build, then serve `dist/` on http://127.0.0.1:8000 and print the URL.
//! - `bundle`: build, then `dist/backstep.html`, one file that opens from `file://`.
//! - `test`: formatting, clippy with warnings denied, Biome's format and lint of the page's
//!   JavaScript, the tidy check, every Rust test, the page's tests in headless Chromium, then
//!   the core checks in Firefox and WebKit; every group runs whatever the others did, and it
//!   ends with one line `total: N passed, M failed, K skipped` (`suite.rs`).
//! - `ci`: what `.ci/run` runs after installing the toolchain pieces (same as `test`).
//! - `bench [--native]`: the page's benchmarks against the built site in the system Chromium
//!   (first frame and weight, the same-page table beside TF Playground, Play on W5 and W6),
//!   written into BENCHMARKS.md with the commit (`--native`: the criterion benchmarks and the
//!   numpy/PyTorch comparison first).
//! - `tidy`: only the tidy check (file headers and sizes).
//! - `e2e [ARGS]`: only the page's tests in headless Chromium; ARGS go to `playwright test`
//!   (a file or `-g PATTERN` runs some of them).
//! - `engines`: only the core checks in Firefox and WebKit (`engines.rs`).

mod bench;
mod browser;
mod clock;
mod copies;
mod csp;
mod engines;
mod i18n_keys;
mod layering;
mod listeners;
mod modpaths;
mod python;
mod serve;
mod site;
#[cfg(test)]
mod staleness;
mod suite;
mod tidy;
mod wasm_pkg;

use clock::Phase;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") | Some("ci") => suite::test(),
        Some("bench") => bench::bench(&args[1..]),
        Some("build") => site::build().map(|_| ()),
        Some("bundle") => site::bundle().map(|_| ()),
        Some("serve") => serve_command(&args[1..]),
        Some("tidy") => tidy::check(&root()),
        Some("e2e") => e2e(&args[1..]),
        Some("engines") => engines_command(),
        _ => {
            eprintln!(
                "usage: cargo xtask <build|serve [--port N]|bundle|test|ci|bench [--native]|tidy|e2e [ARGS]|engines>"
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

/// Runs a command in the workspace root, failing with its name if it fails; says how long it
/// took, with a heartbeat while it runs.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let phase = Phase::start(&format!("$ {program} {}", args.join(" ")));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    phase.done(status.success());
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The page's JavaScript and the browser tests: formatted (lines of at most 100) and linted by
/// Biome, from the lockfile (`biome.json`). Installs the npm packages first if they are missing.
pub fn js_check() -> Result<(), String> {
    site::ensure_npm_tools()?;
    let biome = root().join("node_modules").join(".bin").join("biome");
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
    // Each step of the build keeps its own time and heartbeat; this is the whole.
    let start = std::time::Instant::now();
    let dist = site::build()?;
    println!(
        "backstep is served at {url}  (built in {}; Ctrl-C stops it)",
        clock::human(start.elapsed())
    );
    serve::serve(listener, dist);
    Ok(())
}

/// `cargo xtask e2e [ARGS]`: the Chromium suite alone, with its counts.
fn e2e(args: &[String]) -> Result<(), String> {
    let mut t = suite::Totals::default();
    browser::test(&mut t, args, &python::probe())?;
    println!(
        "total: {} passed, {} failed, {} skipped",
        t.passed, t.failed, t.skipped
    );
    Ok(())
}

/// `cargo xtask engines`: the core checks in Firefox and WebKit alone.
fn engines_command() -> Result<(), String> {
    let mut t = suite::Totals::default();
    engines::test(&mut t);
    println!(
        "total: {} passed, {} failed, {} skipped",
        t.passed, t.failed, t.skipped
    );
    for note in &t.notes {
        println!("  - {note}");
    }
    if t.failed > 0 {
        Err(format!("{} failed", t.failed))
    } else {
        Ok(())
    }
}
