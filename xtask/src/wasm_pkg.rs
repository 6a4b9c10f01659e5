//! The wasm crate's output made ready for the page: bindings through the
//! `wasm-bindgen-cli-support` library (no downloaded binaries), then `wasm-opt -Oz` from npm's
//! binaryen when it is installed. Both are kept in `target/pkg-cache/` (the first module's in
//! `target/pkg-cache-first/`) under a key made of the input wasm's bytes and the options, so a
//! build whose wasm did not change (a warm `serve`) copies them instead of spending half a
//! minute in wasm-opt.
//!
//! Two modules are made: the full one, with its bindings, and the page's first module (the
//! crate without its `tools` feature, with `compact`), whose own bindings are dropped: the full module's
//! bindings drive it too, as it imports the same functions and exports the same ones but the
//! tools' (`tests/e2e/units.spec.mjs` checks both). The bindings get one function more,
//! `__backstep_use_module`, with which the page moves from the first module to the full one.

use crate::clock::Phase;
use crate::{root, run};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// The files written into `pkg/`: the bindings and the full module.
const FILES: [&str; 2] = ["backstep_wasm.js", "backstep_wasm_bg.wasm"];
/// The page's first module, in `pkg/`.
pub const FIRST: &str = "backstep_first_bg.wasm";

/// Appended to the bindings: makes `module` the one that `__wbg_reset_state` instantiates, and
/// instantiates it (the page's engine goes from the first module to the full one on the same
/// bindings, `web/engine/lifeline.js`); if it cannot be instantiated, the bindings are left on a
/// fresh instance of the module they had, and it throws. It sets the bindings' own
/// `wasmModule`, which `generate` checks they still have.
const USE_MODULE: &str = "
/** backstep (xtask/src/wasm_pkg.rs): `__wbg_reset_state` on `module` from now on; returns the
 *  new instance's exports. Throws, on a fresh instance of the module before, if it fails. */
export function __backstep_use_module(module) {
    const before = wasmModule;
    wasmModule = module;
    try {
        __wbg_reset_state();
    } catch (e) {
        wasmModule = before;
        __wbg_reset_state();
        throw e;
    }
    return wasm;
}
";

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
const BINDGEN: &str = "web, reset_state_function, use_module 1";

/// Writes the bindings and the (optimised) wasm for `input` into `pkg`; `names` keeps the
/// function names (BACKSTEP_PROFILE=1).
pub fn generate(input: &Path, pkg: &Path, names: bool) -> Result<(), String> {
    generate_into(input, pkg, names, "pkg-cache")?;
    let glue = pkg.join(FILES[0]);
    let js = fs::read_to_string(&glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    if !js.contains("__backstep_use_module") {
        if !(js.contains("let wasmModule") && js.contains("export function __wbg_reset_state")) {
            return Err(
                "the bindings no longer keep `wasmModule` and `__wbg_reset_state`: the page \
                 cannot move to the full module (xtask/src/wasm_pkg.rs, USE_MODULE)"
                    .into(),
            );
        }
        fs::write(&glue, js + USE_MODULE).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Writes the page's first module (`input`, the crate built without `tools`, with `compact`),
/// optimised, into `pkg` as [`FIRST`]; its bindings are not kept.
pub fn generate_first(input: &Path, pkg: &Path, names: bool) -> Result<(), String> {
    let scratch = root().join("target").join("first-pkg");
    fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
    generate_into(input, &scratch, names, "pkg-cache-first")?;
    fs::copy(scratch.join(FILES[1]), pkg.join(FIRST))
        .map(|_| ())
        .map_err(|e| format!("cannot copy the first module: {e}"))
}

fn generate_into(input: &Path, pkg: &Path, names: bool, cache: &str) -> Result<(), String> {
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
    let cache = root().join("target").join(cache);
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
