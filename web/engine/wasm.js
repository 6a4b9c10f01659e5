// The page's wasm modules: the first one (without the tools, engine/tools.js), which a first
// visit downloads before its first frame, and the full one, fetched once that frame is on
// screen; or the full module's bytes where the single-file page inlines them (then it is the
// only one). Compiling them (streamed from the server, or from the bytes).

/** The wasm's bytes in the single-file page (`cargo xtask bundle`), where it is inlined as
 *  base64; null when served. */
const inline = document.getElementById('wasm-base64');
export const inlineWasm =
  inline && Uint8Array.from(atob(inline.textContent), (c) => c.charCodeAt(0));

/** Compiles the module at `path` (relative to index.html: the bundled script has no
 *  import.meta, as it also runs as a classic worker script), streamed as it downloads. */
function compileFrom(path) {
  const url = new URL(path, document.baseURI);
  // A host that serves .wasm without its MIME type cannot stream it: compile from the bytes.
  return WebAssembly.compileStreaming(fetch(url)).catch((e) => {
    if (!(e instanceof TypeError)) throw e;
    return fetch(url)
      .then((r) => r.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes));
  });
}

/** The module the page starts on: the first one (index.html starts compiling it while the
 *  script loads; compiled again here if that failed, for the error), or the inline one. */
export function compileWasm() {
  if (inlineWasm) return WebAssembly.compile(inlineWasm);
  const early = globalThis.backstepFirstWasm ?? Promise.resolve(null);
  return early.then((module) => module ?? compileFrom('pkg/backstep_first_bg.wasm'));
}

let full = null;

/** The full module, fetched and compiled once (the worker's, and the page's engine's when it
 *  needs a tool before the run has moved). */
export function compileFull() {
  full ??= inlineWasm ? WebAssembly.compile(inlineWasm) : compileFrom('pkg/backstep_wasm_bg.wasm');
  return full;
}

/** Whether the module the page starts on has the tools (the single file's only module does). */
export const startsWithTools = Boolean(inlineWasm);
