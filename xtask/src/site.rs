//! Building the page: the wasm crate for `wasm32-unknown-unknown`, bindings through the
//! `wasm-bindgen-cli-support` library (no downloaded binaries), `wasm-opt -Oz` from npm's
//! binaryen when it is installed, then the static site in `dist/`, or one self-contained HTML
//! file (`dist/backstep.html`, wasm inlined) that opens from `file://`.

use crate::{root, run};
use std::fs;
use std::path::{Path, PathBuf};

const TARGET: &str = "wasm32-unknown-unknown";

/// Builds `dist/`: index.html, web/, pkg/backstep_wasm.js and pkg/backstep_wasm_bg.wasm.
pub fn build() -> Result<PathBuf, String> {
    ensure_target()?;
    run(
        "cargo",
        &[
            "build",
            "--profile",
            "wasm",
            "--target",
            TARGET,
            "-p",
            "backstep-wasm",
        ],
    )?;
    let dist = root().join("dist");
    let _ = fs::remove_dir_all(&dist);
    let pkg = dist.join("pkg");
    fs::create_dir_all(&pkg).map_err(|e| format!("cannot create {}: {e}", pkg.display()))?;
    let input = root()
        .join("target")
        .join(TARGET)
        .join("wasm")
        .join("backstep_wasm.wasm");
    eprintln!("xtask: wasm-bindgen {}", input.display());
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        // Keep `new URL('…_bg.wasm', import.meta.url)` as the default for init().
        .omit_default_module_path(false)
        .typescript(false)
        .generate(&pkg)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    let wasm = pkg.join("backstep_wasm_bg.wasm");
    let opt = root().join("node_modules").join(".bin").join("wasm-opt");
    if opt.exists() {
        let w = wasm.to_str().expect("utf-8 path");
        run(
            opt.to_str().expect("utf-8 path"),
            &[
                "-Oz",
                "--strip-debug",
                "--strip-producers",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
                w,
                "-o",
                w,
            ],
        )?;
    } else {
        eprintln!("xtask: wasm-opt not installed (npm ci brings it); the wasm is left unoptimised");
    }
    copy(&root().join("index.html"), &dist.join("index.html"))?;
    copy_dir(&root().join("web"), &dist.join("web"))?;
    eprintln!("xtask: site written to {}", dist.display());
    Ok(dist)
}

/// Builds the site, then `dist/backstep.html`: one file with the CSS, the JS modules and the
/// wasm (base64, loaded with `initSync`) inlined, for opening straight from disk.
pub fn bundle() -> Result<PathBuf, String> {
    use base64::Engine as _;
    let dist = build()?;
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let wasm = fs::read(dist.join("pkg/backstep_wasm_bg.wasm")).map_err(|e| e.to_string())?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    let html = read(&dist.join("index.html"))?;
    let css = read(&dist.join("web/style.css"))?;
    // The modules are joined into one script: the glue first (exports made local), then the
    // page's modules in dependency order (their own imports removed).
    let mut js = read(&dist.join("pkg/backstep_wasm.js"))?
        .replace("export class ", "class ")
        .replace("export function ", "function ");
    js = strip_exports(&js);
    for m in crate::MODULE_ORDER {
        js.push_str(&strip_imports(&read(&dist.join("web").join(m))?));
    }
    js = js.replace(
        "await init();",
        &format!("initSync({{ module: Uint8Array.from(atob('{b64}'), c => c.charCodeAt(0)) }});"),
    );
    // Preload hints name files that the single file does not have.
    let html: String = html
        .lines()
        .filter(|l| !l.contains("modulepreload") && !l.contains("Fetch the whole module graph"))
        .map(|l| format!("{l}\n"))
        .collect();
    let page = html
        .replace(
            r#"<link rel="stylesheet" href="web/style.css">"#,
            &format!("<style>\n{css}</style>"),
        )
        .replace(
            r#"<script type="module" src="web/main.js"></script>"#,
            &format!("<script type=\"module\">\n{js}</script>"),
        );
    let out = dist.join("backstep.html");
    fs::write(&out, page).map_err(|e| e.to_string())?;
    eprintln!("xtask: single-file page written to {}", out.display());
    Ok(out)
}

fn strip_exports(js: &str) -> String {
    js.lines()
        .filter(|l| !l.starts_with("export "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn strip_imports(js: &str) -> String {
    js.lines()
        .filter(|l| !l.starts_with("import "))
        .map(|l| format!("{}\n", l.strip_prefix("export ").unwrap_or(l)))
        .collect()
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
