// The page's two ends of the engine: the engine on the page's own thread, which draws the first
// frames (a worker takes 50–100 ms to start, and would compete with the loading page for the
// CPU), and a worker started after that, which takes the run over once it is ready. Both offer
// `request` (a promise of the reply) and `command` (no reply); replies come in the order the
// requests were made.

import { createLiveEngine } from './lifeline.js';
import { fromErrorData } from './plain.js';

/** The engine on this thread, drawing on the page's canvases and recording every change to
 *  the run, for the worker to replay when it takes over (and for itself, after a trap). */
export function localEnd(memory, setup, onReport) {
  const engine = createLiveEngine(memory, setup, onReport);
  return {
    request(op, args) {
      try {
        return Promise.resolve(engine.requests[op](args));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    command(op, args) {
      engine.commands[op](args);
    },
    /** Pauses this engine and gives up its record of the run, for the worker to replay. */
    handOver() {
      engine.pause();
      return engine.record();
    },
    /** Moves the run to the full wasm `module` (its tools, engine/tools.js). */
    upgrade(module) {
      engine.useModule(module);
    },
    /** Takes the run back for good (the worker could not take it). */
    resume() {
      engine.resume();
    },
    free() {
      engine.free();
    },
  };
}

/**
 * Moves the run from `local` to `worker`: clones of `canvases` (the page's own already have a
 * context, so cannot be handed over) go to the worker as OffscreenCanvases, with `setup` and
 * `local`'s record of the run, which the worker replays bit for bit. Returns {incoming: the
 * clones, to put in place when the worker's first frame is drawn; waiting: an end that holds
 * requests meanwhile; done: a promise of the end that has the run — the worker, or `local`
 * again if the worker could not take it (a browser whose workers cannot draw)}.
 */
export function moveRun(local, worker, canvases, setup) {
  const incoming = canvases.map((c) => c.cloneNode(false));
  const offscreen = Object.fromEntries(
    incoming.map((c) => [c.id.replace(/^c-/, ''), c.transferControlToOffscreen()]),
  );
  const log = local.handOver();
  const waiting = waitingEnd();
  const done = worker
    .request('init', { ...setup, canvases: offscreen, log }, Object.values(offscreen))
    .then(
      () => {
        local.free();
        return worker;
      },
      () => {
        local.resume();
        return local;
      },
    );
  done.then((end) => waiting.passTo(end));
  return { incoming, waiting, done };
}

/** Holds requests and commands while the worker takes the run over, then passes them, in
 *  order, to whichever end has the run. */
function waitingEnd() {
  const held = [];
  return {
    request(op, args) {
      return new Promise((resolve, reject) => held.push({ op, args, resolve, reject }));
    },
    command(op, args) {
      held.push({ op, args });
    },
    passTo(end) {
      for (const { op, args, resolve, reject } of held) {
        if (resolve) end.request(op, args).then(resolve, reject);
        else end.command(op, args);
      }
    },
  };
}

/** Starts the worker on the page's own script (or returns null if this browser cannot: then
 *  the page's engine keeps the run): from its file, or in the single-file page (`cargo xtask
 *  bundle`, opened from `file://`, which cannot start a worker from a file) from a copy of the
 *  inline script. `onReport` gets what the worker sends unasked. */
export function workerEnd(onReport) {
  if (
    typeof Worker !== 'function' ||
    typeof HTMLCanvasElement.prototype.transferControlToOffscreen !== 'function'
  )
    return null;
  let worker;
  try {
    const inline = document.getElementById('main-js');
    const url = inline
      ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
      : new URL('web/main.js', document.baseURI);
    // Bundled, the script is also a classic script, which a worker from a page opened from
    // file:// must be (Chromium does not start module workers there); unbundled, it imports.
    worker = new Worker(url, {
      type: typeof BACKSTEP_BUNDLED === 'undefined' ? 'module' : 'classic',
    });
  } catch {
    return null;
  }
  const pending = new Map();
  let nextId = 1;
  let failed = null;
  worker.onmessage = ({ data }) => {
    if (!data.id) {
      onReport(data);
      return;
    }
    const call = pending.get(data.id);
    pending.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(fromErrorData(data));
  };
  // A worker that fails (its script did not load or parse) fails every call.
  worker.onerror = (e) => {
    failed = e.message || 'the worker failed';
    for (const call of pending.values()) call.reject(new Error(failed));
    pending.clear();
    onReport({ type: 'failed', detail: failed });
  };
  return {
    get failed() {
      return failed;
    },
    request(op, args, transfer = []) {
      return new Promise((resolve, reject) => {
        if (failed) {
          reject(new Error(failed));
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args }, transfer);
      });
    },
    command(op, args) {
      worker.postMessage({ op, args });
    },
  };
}
