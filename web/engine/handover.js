// Where the run lives, as one state machine. The page's own engine draws the first frames (a
// worker takes 50–100 ms to start and would compete with the loading page), then the run moves
// to a worker that draws on OffscreenCanvases:
//
//   page ──(worker ready, not held)──► moving ──(worker replayed the record)──► worker
//     │                                  └──(worker could not take it)──► page-kept
//     └──(no worker in this browser, or it failed)──► page-kept
//
// - `page`: the page's engine has the run and records every change, for the worker to replay.
// - `moving`: requests and commands are held; they go, in order, to whichever end then has
//   the run. The worker's canvases replace the page's when its first frame is drawn.
// - `worker`: the worker has the run; the page's engine is freed.
// - `page-kept`: the page's engine keeps the run for good.
// Every canvas listener is bound again on the swap (`onCanvases`), so no handler is left on a
// canvas that is no longer in the document.
//
// The page's engine starts on the first wasm module, which lacks the tools (engine/tools.js)
// and is compiled for size; the worker gets the full one. A request for a tool while the run is
// not in the worker waits until it is, or, where the page holds the run back, until the page's
// engine has moved to the full module; a run the page keeps for good moves there at once. Every
// request and command after such a move waits behind it, in order.

import { localEnd, moveRun, workerEnd } from './channel.js';
import { plain } from './plain.js';
import { needsTools } from './tools.js';

/**
 * Starts on the page's engine (made from `memory` and `setup`, as `localEnd` takes them).
 * `onReport(report, fromWorker)` gets what either engine reports unasked; `canvases()` returns
 * the page's current canvases in panel order; `setup()` what the worker needs (geometry,
 * language, view); `onCanvases()` binds listeners on the canvases after a swap; `tools`:
 * {has, full()}, whether `memory`'s module has the tools, and a promise of the full module.
 * Returns the host: `request`, `command`, `where()`, `state()`, `startWorker(wasm)`,
 * `hold(on)` and `moved` (a promise of where the run ends up: 'worker' or 'page').
 */
export function createHost(memory, setup, { onReport, canvases, workerSetup, onCanvases, tools }) {
  let state = 'page';
  let held = false;
  let workerReady = false;
  let worker = null;
  let incoming = null;
  let end = null;
  let settle;
  const moved = new Promise((resolve) => {
    settle = resolve;
  });

  const page = localEnd(memory, setup, (r) => onReport(r, false));
  end = page;
  /** Whether the page's engine has the full module, and while it is moving there (or a tool
   *  waits for the run to move), what every later request and command waits behind. */
  let pageTools = tools.has;
  /** Why the page's engine cannot have the full module, once instancing it failed. */
  let unusable = null;
  let gate = null;

  /** Resolves once the end that has the run has the tools: the worker has the full module, so
   *  while the run is on its way there this waits for the move; only a run the page keeps (or
   *  holds back) moves the page's own engine to the full module. */
  async function toolsReady() {
    if (state === 'moving' || (state === 'page' && !held)) await moved;
    if (state === 'worker' || pageTools) return;
    const missing = (e) =>
      Object.assign(new Error(`the full wasm module could not be loaded: ${e?.message ?? e}`), {
        key: 'toolsMissing',
      });
    let module;
    try {
      module = await tools.full();
    } catch (e) {
      throw missing(e);
    }
    // A hold let go meanwhile: the run may have moved after all.
    if (state === 'moving') await moved;
    if (state === 'worker' || pageTools) return;
    if (unusable) throw unusable;
    try {
      page.upgrade(module);
    } catch (e) {
      if (!e?.notInstanced) throw e;
      // The run goes on, on the first module; not tried again (each try replays the record).
      unusable = missing(e);
      throw unusable;
    }
    pageTools = true;
  }

  /** `fn()` now, or after the gate. */
  const through = (fn) => (gate ? gate.then(fn) : fn());

  /** Makes every later request and command wait for the tools (toolsReady), even if the full
   *  module could not be had; returns the wait. */
  function gateOnTools() {
    const ready = (gate ?? Promise.resolve()).then(toolsReady);
    const after = ready.catch(() => {});
    gate = after;
    after.then(() => {
      if (gate === after) gate = null;
    });
    return ready;
  }

  /** The page keeps the run for good: on the full module (the speed the worker would have had,
   *  and the tools) once it is compiled, meanwhile and without it on the first; requests wait
   *  only for the move itself, never for the download. */
  function kept() {
    state = 'page-kept';
    settle('page');
    tools.full().then(
      () => gateOnTools().catch(() => {}),
      () => {},
    );
  }

  function keep() {
    if (state === 'page') kept();
  }

  /** Moves the run if everything is ready and nothing holds it back. */
  function tryMove() {
    if (state !== 'page' || held || !workerReady) return;
    state = 'moving';
    const move = moveRun(page, worker, canvases(), workerSetup());
    incoming = move.incoming;
    end = move.waiting;
    move.done.then((to) => {
      end = to;
      if (to === worker) {
        state = 'worker';
        settle('worker');
      } else {
        incoming = null;
        kept();
      }
    });
  }

  /** Puts the worker's canvases in place of the page's own (same ids, attributes, size). */
  function swapCanvases() {
    if (!incoming) return;
    for (const canvas of incoming) {
      const old = document.getElementById(canvas.id);
      const focused = document.activeElement === old;
      old.replaceWith(canvas);
      if (focused) canvas.focus();
    }
    incoming = null;
    onCanvases();
  }

  function fromWorker(report) {
    if (report.type === 'frame' && report.first) swapCanvases();
    if (report.type === 'ready') {
      workerReady = true;
      tryMove();
      return;
    }
    if (report.type === 'failed') {
      keep();
      return;
    }
    onReport(report, true);
  }

  return {
    /** A request, its argument read into plain values first (no live object reaches the
     *  wasm or the worker). */
    request: (op, args) => {
      let value;
      try {
        value = plain(args);
      } catch (e) {
        return Promise.reject(new Error(`${op}: ${e.message}`));
      }
      if (!pageTools && state !== 'worker' && needsTools(op, value))
        return gateOnTools().then(() => end.request(op, value));
      return through(() => end.request(op, value));
    },
    command: (op, args) => {
      through(() => end.command(op, args));
    },
    /** 'page' or 'worker': which engine has the run (while moving, still the page's). */
    where: () => (state === 'worker' ? 'worker' : 'page'),
    state: () => state,
    /** Whether the move is held back (tests): then `moved` waits for `hold(false)`. */
    held: () => held,
    moved,
    /** Starts the worker on the full wasm (a promise of {module} or {bytes}); without a
     *  worker, or without the module, the page keeps the run. */
    startWorker(wasm) {
      worker = workerEnd(fromWorker);
      if (!worker) {
        keep();
        return;
      }
      Promise.resolve(wasm).then(
        (w) => worker.command('wasm', w),
        () => keep(),
      );
    },
    /** Holds the move back (tests), or lets it happen as soon as the worker is ready. */
    hold(on) {
      held = on;
      if (!on) tryMove();
      if (!on && worker?.failed) keep();
    },
  };
}
