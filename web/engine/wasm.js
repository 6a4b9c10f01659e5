// The page's wasm module: its bytes where the single-file page inlines them, and compiling it
// (streamed from the server, or from the bytes); and showing the page once it can run.

/** The wasm's bytes in the single-file page (`cargo xtask bundle`), where it is inlined as
 *  base64; null when served. */
const inline = document.getElementById('wasm-base64');
export const inlineWasm =
  inline && Uint8Array.from(atob(inline.textContent), (c) => c.charCodeAt(0));

/** The wasm, compiled here: from the inline bytes, else fetched (the page preloads it). */
export function compileWasm() {
  if (inlineWasm) return WebAssembly.compile(inlineWasm);
  // Relative to index.html (the bundled script has no import.meta: it also runs as a classic
  // worker script).
  const url = new URL('pkg/backstep_wasm_bg.wasm', document.baseURI);
  // A host that serves .wasm without its MIME type cannot stream it: compile from the bytes.
  return WebAssembly.compileStreaming(fetch(url)).catch((e) => {
    if (!(e instanceof TypeError)) throw e;
    return fetch(url)
      .then((r) => r.arrayBuffer())
      .then((bytes) => WebAssembly.compile(bytes));
  });
}

/** Shows the page (hidden while booting, so the empty shell never flashes). */
export function reveal() {
  document.documentElement.classList.remove('booting');
}
