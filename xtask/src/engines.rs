//! The page's core checks in the other engines a class uses: Firefox (Debian's `firefox-esr`,
//! over WebDriver BiDi with puppeteer-core) and WebKit (WebKitGTK's MiniBrowser through
//! `WebKitWebDriver`, under `xvfb-run`). Serves the built site on a free local port and runs
//! `tests/engines/run.mjs` once per engine; an engine that is not installed is skipped, by name.

use crate::clock::Phase;
use crate::suite::Totals;
use crate::{root, serve, site};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// An engine: its name, the programs it needs, and how to install them.
struct Engine {
    name: &'static str,
    needs: &'static [&'static str],
    install: &'static str,
}

const ENGINES: &[Engine] = &[
    Engine {
        name: "firefox",
        needs: &["/usr/bin/firefox-esr"],
        install: "apt-get install firefox-esr",
    },
    Engine {
        name: "webkit",
        needs: &[
            "/usr/bin/WebKitWebDriver",
            "/usr/bin/xvfb-run",
            "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        ],
        install: "apt-get install webkit2gtk-driver xvfb",
    },
];

/// Runs the checks in every installed engine and adds the counts to `t`.
pub fn test(t: &mut Totals) {
    let present: Vec<&Engine> = ENGINES
        .iter()
        .filter(|e| {
            let missing: Vec<&&str> = e.needs.iter().filter(|p| !Path::new(p).exists()).collect();
            if !missing.is_empty() {
                t.skipped += 1;
                t.notes.push(format!(
                    "{}: skipped, not installed ({} missing; `{}`)",
                    e.name,
                    missing
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    e.install
                ));
            }
            missing.is_empty()
        })
        .collect();
    if present.is_empty() {
        return;
    }
    let dist = match site::build() {
        Ok(d) => d,
        Err(e) => {
            t.failed += 1;
            t.notes.push(format!(
                "Firefox and WebKit: not run, the site did not build: {e}"
            ));
            return;
        }
    };
    let (listener, url) = match serve::bind(0) {
        Ok(x) => x,
        Err(e) => {
            t.failed += 1;
            t.notes.push(format!("Firefox and WebKit: not run: {e}"));
            return;
        }
    };
    std::thread::spawn(move || serve::serve(listener, dist));
    for e in present {
        if let Err(why) = run_engine(e, &url, t) {
            t.failed += 1;
            t.notes.push(format!("{}: {why}", e.name));
        }
    }
}

/// One engine's run of `tests/engines/run.mjs`; its lines `ok NAME` / `FAILED NAME: why` /
/// `skipped NAME: why` are counted.
fn run_engine(e: &Engine, url: &str, t: &mut Totals) -> Result<(), String> {
    let phase = Phase::start(&format!("the core checks in {} (page at {url})", e.name));
    let script = "tests/engines/run.mjs";
    let mut cmd = if e.name == "webkit" {
        // MiniBrowser needs a display: a virtual one, on a free server number.
        let mut c = Command::new("xvfb-run");
        c.args(["-a", "node", script, e.name]);
        c
    } else {
        let mut c = Command::new("node");
        c.args([script, e.name]);
        c
    };
    let mut child = cmd
        .current_dir(root())
        .env("BACKSTEP_URL", url)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|err| format!("cannot start node: {err}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (mut ran, failed_before) = (0, t.failed);
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|err| err.to_string())?;
        println!("{line}");
        let word = line.split_whitespace().nth(1).unwrap_or("");
        match word {
            "ok" => t.passed += 1,
            "FAILED" => t.failed += 1,
            "skipped" => t.skipped += 1,
            _ => continue,
        }
        ran += 1;
    }
    let status = child.wait().map_err(|err| err.to_string())?;
    phase.done(status.success() && t.failed == failed_before);
    if ran == 0 {
        return Err(format!("no check ran ({status})"));
    }
    if !status.success() && t.failed == failed_before {
        return Err(format!("the run failed ({status}) after {ran} checks"));
    }
    Ok(())
}
