// The page's one script, which runs twice: as the page's module (page.js) and, once the page
// has drawn its first frames, as its worker's (worker.js). Each side loads only its own part.
// A host that lets the browser cache it serves it once; `cargo xtask serve` sends `no-store`,
// so there the worker fetches it again, after the first frame.

if (typeof document === 'undefined') {
  // The worker: keep messages that arrive before its handler is in place.
  const early = [];
  self.onmessage = (e) => early.push(e);
  import('./engine/worker.js').then((worker) => worker.listen(early));
} else {
  // The glass box's tools (the inspector, data edits, predict mode, help notes) beside it.
  import('./stage/page.js').then(() => import('./lesson/inspector.js'));
  // The export buttons call the automation API, so they bind on their own.
  import('./share/export.js').then((m) => m.bindExport());
}
