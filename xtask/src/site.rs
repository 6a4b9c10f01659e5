//! Building the page: the wasm crate for `wasm32-unknown-unknown`, its bindings and
//! `wasm-opt -Oz` (`wasm_pkg.rs`, cached while the wasm is unchanged), and the page's scripts
//! bundled and minified by npm's esbuild (when installed),
//! then the static site in `dist/`, or one self-contained HTML file (`dist/backstep.html`, wasm
//! inlined) that opens from `file://`.

use crate::{csp, root, run};
use std::fs;
use std::path::{Path, PathBuf};

const TARGET: &str = "wasm32-unknown-unknown";

/// The site this process built already: the browser suites share one build.
static BUILT: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// Builds `dist/`: index.html, web/, pkg/backstep_wasm.js, pkg/backstep_wasm_bg.wasm (the full
/// module) and pkg/backstep_first_bg.wasm (the page's first module) (once per process: a later
/// call returns the same site).
pub fn build() -> Result<PathBuf, String> {
    let mut built = BUILT.lock().map_err(|e| e.to_string())?;
    if let Some(dist) = built.as_ref() {
        return Ok(dist.clone());
    }
    let dist = build_now()?;
    *built = Some(dist.clone());
    Ok(dist)
}

fn build_now() -> Result<PathBuf, String> {
    ensure_target()?;
    ensure_npm_tools()?;
    let wasm_build = |profile: &str, extra: &[&str]| {
        let mut args = vec![
            "build",
            "--profile",
            profile,
            "--target",
            TARGET,
            "-p",
            "backstep-wasm",
        ];
        args.extend(extra);
        run("cargo", &args)
    };
    // The full module, then the page's first (no `tools`, `compact`, compiled for size:
    // Cargo.toml's `wasm-first` profile) in a target directory of its own, so neither build
    // undoes the other's.
    wasm_build("wasm", &[])?;
    let first_dir = root().join("target").join("first");
    wasm_build(
        "wasm-first",
        &[
            "--no-default-features",
            "--features",
            "compact",
            "--target-dir",
            first_dir.to_str().expect("utf-8 path"),
        ],
    )?;
    let dist = root().join("dist");
    let _ = fs::remove_dir_all(&dist);
    let pkg = dist.join("pkg");
    fs::create_dir_all(&pkg).map_err(|e| format!("cannot create {}: {e}", pkg.display()))?;
    let built =
        |dir: PathBuf, profile: &str| dir.join(TARGET).join(profile).join("backstep_wasm.wasm");
    crate::wasm_pkg::generate(&built(root().join("target"), "wasm"), &pkg, profiling())?;
    crate::wasm_pkg::generate_first(&built(first_dir, "wasm-first"), &pkg, profiling())?;
    let html = fs::read_to_string(root().join("index.html")).map_err(|e| e.to_string())?;
    fs::write(
        dist.join("index.html"),
        csp::apply(&html, csp::Page::Served)?,
    )
    .map_err(|e| e.to_string())?;
    copy_dir(&root().join("web"), &dist.join("web"))?;
    page_scripts(&dist)?;
    eprintln!("xtask: site written to {}", dist.display());
    Ok(dist)
}

/// Bundles and minifies the page's modules (the page's side and the worker's, with the
/// bindings) into one script, `dist/web/main.js`, with esbuild from npm, and minifies the CSS.
/// Without esbuild the modules stay as written, which works the same but weighs more.
fn page_scripts(dist: &Path) -> Result<(), String> {
    let esbuild = root().join("node_modules").join(".bin").join("esbuild");
    if !esbuild.exists() {
        eprintln!(
            "xtask: esbuild not installed (needs npm); the page's scripts are left unminified"
        );
        return Ok(());
    }
    let web = dist.join("web");
    let arg = |p: PathBuf| p.to_str().expect("utf-8 path").to_string();
    let esbuild = arg(esbuild);
    {
        let input = arg(web.join("main.js"));
        let outfile = format!("--outfile={}", arg(dist.join("main.js")));
        let mut args = vec![
            input.as_str(),
            "--bundle",
            "--format=esm",
            "--target=es2022",
            "--log-level=warning",
            // The script also runs as a classic worker script (web/engine/channel.js), which has no
            // import.meta: the bindings' default wasm path, the only use left, is never taken.
            "--define:BACKSTEP_BUNDLED=true",
            "--supported:import-meta=false",
            "--log-override:empty-import-meta=silent",
            &outfile,
        ];
        if !profiling() {
            args.push("--minify");
        }
        run(&esbuild, &args)?;
    }
    run(
        &esbuild,
        &[
            &arg(web.join("css").join("style.css")),
            // Inlines stage.css (the presenter view's stage), which style.css imports.
            "--bundle",
            "--minify",
            "--log-level=warning",
            &format!("--outfile={}", arg(dist.join("style.css"))),
        ],
    )?;
    // Only the script and the stylesheet are served; the separate modules are in the script.
    fs::remove_dir_all(&web).map_err(|e| e.to_string())?;
    fs::create_dir_all(&web).map_err(|e| e.to_string())?;
    fs::create_dir_all(web.join("css")).map_err(|e| e.to_string())?;
    for (file, to) in [("main.js", "main.js"), ("style.css", "css/style.css")] {
        fs::rename(dist.join(file), web.join(to)).map_err(|e| format!("{file}: {e}"))?;
    }
    // The bindings' JS is in the script too; the wasm stays beside it in pkg/. The same-page
    // benchmark (tests/bench/speed.mjs) loads the bindings on their own, from target/bindings/.
    let bindings = root().join("target").join("bindings");
    fs::create_dir_all(&bindings).map_err(|e| e.to_string())?;
    fs::rename(
        dist.join("pkg").join("backstep_wasm.js"),
        bindings.join("backstep_wasm.js"),
    )
    .map_err(|e| e.to_string())
}

/// Whether BACKSTEP_PROFILE=1 asks for readable names in the JS and the wasm.
fn profiling() -> bool {
    std::env::var("BACKSTEP_PROFILE").is_ok_and(|v| v == "1")
}

/// Installs the npm packages from the lockfile (esbuild, binaryen's wasm-opt, Biome, Playwright,
/// puppeteer-core) when they are missing or older than it and npm is there: the one place the
/// build, the lint and the browser tests get them. Without npm the build still works,
/// unminified and unoptimised.
pub fn ensure_npm_tools() -> Result<(), String> {
    let r = root();
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    // npm writes node_modules/.package-lock.json at each install: older than the lockfile (a
    // pull that changed it) or missing means the packages are not the lockfile's.
    let installed = modified(&r.join("node_modules").join(".package-lock.json"));
    let stale = match (installed, modified(&r.join("package-lock.json"))) {
        (Some(installed), Some(lock)) => lock > installed,
        _ => true,
    };
    if stale && has_npm() {
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

fn has_npm() -> bool {
    std::process::Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Builds the site, then `dist/backstep.html`: one file with the CSS, the script (`#main-js`,
/// which `web/engine/channel.js` also starts the worker from, through a blob URL: a page from `file://`
/// cannot start a worker from a file) and the wasm (base64 in `#wasm-base64`, which
/// `web/stage/page.js` compiles) inlined, for opening straight from disk.
pub fn bundle() -> Result<PathBuf, String> {
    use base64::Engine as _;
    let dist = build()?;
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let wasm = fs::read(dist.join("pkg/backstep_wasm_bg.wasm")).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    let html = read(&dist.join("index.html"))?;
    let css = read(&dist.join("web/css/style.css"))?;
    let js = read(&dist.join("web/main.js"))?;
    if dist.join("pkg/backstep_wasm.js").exists() {
        return Err(
            "the single-file page needs the bundled script (esbuild, from `npm ci`)".into(),
        );
    }
    if js.contains("</script") {
        return Err(
            "the bundled script contains `</script`, which would end the inline script".into(),
        );
    }
    // Hints, and the early compile of the first module, name files that the single file does
    // not have (its one module is inline); its policy is its own (below).
    let html: String = html
        .lines()
        .filter(|l| {
            !l.contains("preload")
                && !l.contains("backstepFirstWasm")
                && !l.contains("Content-Security-Policy")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let page = html
        .replace(
            r#"<link rel="stylesheet" href="web/css/style.css">"#,
            &format!("<style>\n{css}</style>"),
        )
        .replace(
            r#"<script type="module" src="web/main.js"></script>"#,
            &format!(
                "<script type=\"text/plain\" id=\"wasm-base64\">{b64}</script>\n<script type=\"module\" id=\"main-js\">\n{js}</script>"
            ),
        );
    let page = csp::apply(&page, csp::Page::Single)?;
    let out = dist.join("backstep.html");
    fs::write(&out, page).map_err(|e| e.to_string())?;
    eprintln!("xtask: single-file page written to {}", out.display());
    Ok(out)
}

fn ensure_target() -> Result<(), String> {
    let out = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == TARGET)
    {
        return Ok(());
    }
    run("rustup", &["target", "add", TARGET])
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {}: {e}", from.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let p = entry.map_err(|e| e.to_string())?.path();
        let dest = to.join(p.file_name().expect("a file name"));
        if p.is_dir() {
            copy_dir(&p, &dest)?
        } else {
            copy(&p, &dest)?
        }
    }
    Ok(())
}
