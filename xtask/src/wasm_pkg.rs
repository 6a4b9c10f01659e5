//! The wasm crate's output made ready for the page: bindings through the
//! `wasm-bindgen-cli-support` library (no downloaded binaries), then `wasm-opt -Oz` from npm's
//! binaryen when it is installed. Both are kept in `target/pkg-cache/` under a key made of the
//! input wasm's bytes and the options, so a build whose wasm did not change (a warm `serve`)
//! copies them instead of spending half a minute in wasm-opt.

use crate::clock::Phase;
use crate::{root, run};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// The files written into `pkg/`.
const FILES: [&str; 2] = ["backstep_wasm.js", "backstep_wasm_bg.wasm"];

/// wasm-opt's options after `-Oz` and the names option.
const OPT: &[&str] = &[
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-simd",
];

/// What the bindings are made with beyond the defaults (part of the cache's key, so changing
/// them here makes the next build generate them again).
const BINDGEN: &str = "web, reset_state_function";

/// Writes the bindings and the (optimised) wasm for `input` into `pkg`; `names` keeps the
/// function names (BACKSTEP_PROFILE=1).
pub fn generate(input: &Path, pkg: &Path, names: bool) -> Result<(), String> {
    let opt = root().join("node_modules").join(".bin").join("wasm-opt");
    let bytes = fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        &bytes,
        names,
        opt.exists(),
        OPT,
        BINDGEN,
        env!("CARGO_PKG_VERSION"),
    )
        .hash(&mut h);
    let key = format!("{:016x}", h.finish());
    let cache = root().join("target").join("pkg-cache");
    if fs::read_to_string(cache.join("key")).is_ok_and(|k| k == key) {
        eprintln!(
            "xtask: the wasm did not change: bindings and wasm-opt's output from {}",
            cache.display()
        );
        return copy_files(&cache, pkg);
    }
    let phase = Phase::start(&format!("wasm-bindgen {}", input.display()));
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(input)
        // `__wbg_reset_state`: a fresh instance after a trap (the page rebuilds the run on it).
        .reset_state_function(true)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        // Keep `new URL('…_bg.wasm', import.meta.url)` as the default for init().
        .omit_default_module_path(false)
        .typescript(false)
        .generate(pkg)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    phase.done(true);
    let wasm = pkg.join(FILES[1]);
    if opt.exists() {
        let w = wasm.to_str().expect("utf-8 path");
        let names = if names { "-g" } else { "--strip-debug" };
        let mut args = vec!["-Oz", names];
        args.extend(OPT);
        args.extend([w, "-o", w]);
        run(opt.to_str().expect("utf-8 path"), &args)?;
    } else {
        eprintln!("xtask: wasm-opt not installed (needs npm); the wasm is left unoptimised");
    }
    let _ = fs::remove_dir_all(&cache);
    fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    copy_files(pkg, &cache)?;
    fs::write(cache.join("key"), key).map_err(|e| e.to_string())
}

fn copy_files(from: &Path, to: &Path) -> Result<(), String> {
    for f in FILES {
        fs::copy(from.join(f), to.join(f)).map_err(|e| format!("cannot copy {f}: {e}"))?;
    }
    Ok(())
}
