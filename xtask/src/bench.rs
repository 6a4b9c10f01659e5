//! `cargo xtask bench`: the page's benchmarks against the built site (the first frame and the
//! weight, the same-page table beside TF Playground's nn.ts, Play on W5 and W6), printed and
//! written into BENCHMARKS.md between its markers with the commit they were taken on
//! (`staleness.rs` checks that record). `--native` first runs the criterion benchmarks and the
//! numpy/PyTorch comparison, as before.

use crate::{root, run, serve, site};
use serde_json::Value;
use std::process::Command;

/// The markers around the generated section of BENCHMARKS.md.
pub const START: &str =
    "<!-- bench:start (written by `cargo xtask bench`; edits here are lost) -->";
/// The end marker.
pub const END: &str = "<!-- bench:end -->";
/// The line that names the commit the figures were taken on.
pub const TAKEN_ON: &str = "Taken on commit ";

pub fn bench(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--native") {
        run(
            "cargo",
            &["bench", "-p", "backstep-lesson", "--bench", "workloads"],
        )?;
        run("python3", &["tests/bench/compare.py"])?;
    }
    let commit = git(&["rev-parse", "HEAD"])?;
    let dirty = !git(&["status", "--porcelain", "--untracked-files=no"])?.is_empty();
    let dist = site::build()?;
    let load_before = load();
    let (listener, url) = serve::bind(0)?;
    let served = dist.clone();
    std::thread::spawn(move || serve::serve(listener, served));
    let out = root().join("target").join("bench");
    let _ = std::fs::remove_dir_all(&out);
    for script in [
        "tests/bench/page.mjs",
        "tests/bench/speed.mjs",
        "tests/bench/play.mjs",
    ] {
        eprintln!("xtask: $ node {script} (page at {url})");
        let status = Command::new("node")
            .arg(script)
            .current_dir(root())
            .env("BACKSTEP_URL", &url)
            .env("BACKSTEP_DIST", &dist)
            .env("BACKSTEP_BENCH_OUT", &out)
            .status()
            .map_err(|e| format!("cannot start node: {e}"))?;
        if !status.success() {
            return Err(format!("{script} failed ({status})"));
        }
    }
    let read = |name: &str| -> Result<Value, String> {
        let text = std::fs::read_to_string(out.join(name)).map_err(|e| format!("{name}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))
    };
    let loads = format!("{load_before} at the start, {} at the end", load());
    let section = render(
        &commit,
        dirty,
        &loads,
        &read("speed.json")?,
        &read("play.json")?,
        &read("page.json")?,
    );
    println!("{section}");
    let path = root().join("BENCHMARKS.md");
    let doc = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let doc = match (doc.find(START), doc.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{section}{}", &doc[..a], &doc[b + END.len()..]),
        _ => return Err(format!("BENCHMARKS.md has no `{START}` … `{END}` section")),
    };
    std::fs::write(&path, doc).map_err(|e| e.to_string())?;
    eprintln!("xtask: BENCHMARKS.md's table written (commit {commit})");
    Ok(())
}

/// The 1-minute load average (Linux), to say how busy the machine was.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split(' ').next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root())
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(format!("git {}: {}", args.join(" "), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `lo–hi` of some numbers, each shown by `f`.
fn range(v: &[f64], f: impl Fn(f64) -> String) -> String {
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if f(lo) == f(hi) {
        f(lo)
    } else {
        format!("{}–{}", f(lo), f(hi))
    }
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn short(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// The generated section: the commit, then the tables.
fn render(
    commit: &str,
    dirty: bool,
    loads: &str,
    speed: &Value,
    play: &Value,
    page: &Value,
) -> String {
    let mut s = format!("{START}\n\n{TAKEN_ON}`{commit}`");
    if dirty {
        s += " (with uncommitted changes to tracked files)";
    }
    let ua = speed["ua"].as_str().unwrap_or("Chromium");
    s += &format!(
        ", by `cargo xtask bench`, in headless {ua} on the machine above (load average {loads}). \
         Same page, {} sets of {} interleaved repetitions; our side \
         timed from step 0 through what the page calls per frame (frames of the page's fastest \
         speed, the header's measures after each).\n\n",
        speed["sets"], speed["reps"]
    );
    s += "| workload | TF Playground | backstep wasm | ratio, min–max over sets | target |\n";
    s += "|---|---|---|---|---|\n";
    for r in speed["rows"].as_array().into_iter().flatten() {
        let unit = r["unit"].as_str().unwrap_or("");
        let tf = nums(&r["playground"]);
        let ours = nums(&r["backstep"]);
        let ratios = nums(&r["ratios"]);
        let target = match (r["target"].as_f64(), r["met"].as_u64()) {
            (Some(t), Some(met)) => format!("≥ {t}×: met in {met} of {} sets", ratios.len()),
            _ => String::new(),
        };
        let tf = if tf.is_empty() {
            "–".into()
        } else {
            format!("{} {unit}", range(&tf, short))
        };
        s += &format!(
            "| {} | {tf} | {} {unit} | {}× | {target} |\n",
            r["name"].as_str().unwrap_or("?"),
            range(&ours, short),
            range(&ratios, |x| format!("{x:.1}")),
        );
    }
    s += "\n| Play, speed 1000, every panel drawn | steps/s | frames/s | target |\n|---|---|---|---|\n";
    for r in play["rows"].as_array().into_iter().flatten() {
        let sets = r["sets"].as_array().cloned().unwrap_or_default();
        let of = |k: &str| -> Vec<f64> { sets.iter().filter_map(|x| x[k].as_f64()).collect() };
        let name = r["name"].as_str().unwrap_or("?");
        let target = if name == "W5" {
            "≥ 3 000 steps/s at ≥ 50 frames/s"
        } else {
            "≥ 20 000 steps/s at ≥ 50 frames/s"
        };
        s += &format!(
            "| {name} (`#{}`) | {} | {} | {target} |\n",
            r["hash"].as_str().unwrap_or(""),
            range(&of("stepsPerSecond"), |x| format!("{x:.0}")),
            range(&of("fps"), |x| format!("{x:.0}")),
        );
    }
    let kb = |v: &Value| {
        v.as_f64()
            .map_or("?".into(), |b| format!("{:.1} KB", b / 1024.0))
    };
    let ms = |v: &Value| v.as_f64().map_or("?".into(), |t| format!("{t:.0} ms"));
    let ff = &page["firstFrame"];
    s += &format!(
        "\nPage weight (what a first visit downloads before its first frame, gzip -9): {} \
         (target ≤ 120 KB; fetched after it: {}, the full wasm module). \
         First frame, median, first visit: drawn at {} and on screen at {} with the browser \
         settled, drawn at {} and on screen at {} just started (target ≤ 150 ms; the bare HTML + \
         CSS shell alone is on screen at {} and {}; second visit, drawn: {}, {}).\n\n{END}",
        kb(&page["weight"]["gz"]),
        kb(&page["weight"]["later"]),
        ms(&ff["settled"]["first"]),
        ms(&ff["settled"]["firstShown"]),
        ms(&ff["started"]["first"]),
        ms(&ff["started"]["firstShown"]),
        ms(&ff["settled"]["bare"]),
        ms(&ff["started"]["bare"]),
        ms(&ff["settled"]["second"]),
        ms(&ff["started"]["second"]),
    );
    s
}
