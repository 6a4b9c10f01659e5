// The automation API, `window.backstep` (documented in README.md). Calls that reach the run
// return promises, answered in the order they were made. Every argument is checked here: a
// count or a step number must be a whole number in its stated range, or the call rejects with
// an Error saying so (and nothing runs).

import { LONG_STEP } from './chunked.js';

/** Most steps one `step(n)` or `back(n)` may ask for, and the furthest step `seek` reaches. */
export const MAX_STEPS = 1_000_000;

/** `n` as a whole number from `min` to `max`, or an Error naming the argument. */
export function whole(n, what, min, max) {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    const shown = typeof n === 'string' ? JSON.stringify(n.slice(0, 20)) : String(n).slice(0, 20);
    throw new Error(`${what}: expected a whole number from ${min} to ${max}, got ${shown}`);
  }
  return n;
}

/** A promise of `fn()`, rejected (not thrown) if it throws. */
const promised = (fn) => {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e);
  }
};

/**
 * The API over `page`: {engine (the host), shown (status.js), load(spec), reset(), url(),
 * setPlaying(on, tell)}.
 */
export function createApi(page) {
  const { engine, shown } = page;
  return {
    state: () => shown.state,
    /** n steps; over LONG_STEP, in chunks that Pause stops: the promise then resolves to the
     *  state where it stopped (its `step` says how far it got). The button shows Pause meanwhile. */
    step: (n = 1) =>
      promised(() => {
        const k = whole(n, 'step(n)', 1, MAX_STEPS);
        if (k <= LONG_STEP || engine.where() !== 'worker') return engine.request('step', k);
        page.setPlaying(true, false);
        return engine.request('step', k).finally(() => page.setPlaying(false, false));
      }),
    substep: () => engine.request('substep'),
    /** Back n steps (in the middle of a cycle, back to its start first). */
    back: (n = 1) => promised(() => engine.request('back', whole(n, 'back(n)', 1, MAX_STEPS))),
    /** The state after step k, exactly as a fresh run stepped k times. */
    seek: (k) => promised(() => engine.request('seek', whole(k, 'seek(k)', 0, MAX_STEPS))),
    reset: page.reset,
    load: page.load,
    snapshot: () => engine.request('snapshot'),
    /** The current run's spec (trace format, with its initial weights). */
    spec: () => engine.request('spec'),
    /** The run at its current step ({spec, run, settings}); `load` resumes it there. */
    save: () => engine.request('save'),
    /** [{code, layer, unit, since}]: dead units, a plateau, a divergence. */
    notices: () => engine.request('notices'),
    /** One neuron's equation with its numbers, for a sample: {z, b, terms: [{w, x}], a, dz, …}. */
    inspect: (layer, unit, sample = 0) =>
      promised(() =>
        engine.request('inspect', {
          layer: whole(layer, 'layer', 0, 63),
          unit: whole(unit, 'unit', 0, 255),
          sample: whole(sample, 'sample', 0, 9999),
        }),
      ),
    /** Finite differences (f64) of dW and db next to the analytic values: {maxRelErr, entries}. */
    gradcheck: () => engine.request('gradcheck'),
    /** Runnable PyTorch (no autograd) for the next step. */
    code: () => engine.request('code'),
    /** Sets W[row][col] of an affine layer; the run goes on from the edited state. */
    setWeight: (layer, row, col, value) =>
      promised(() => {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new Error(
            `setWeight: value must be a finite number, got ${String(value).slice(0, 20)}`,
          );
        }
        const at = {
          layer: whole(layer, 'layer', 0, 63),
          row: whole(row, 'row', 0, 255),
          col: whole(col, 'col', 0, 255),
        };
        return engine.request('edit', { what: 'weight', ...at, value });
      }),
    /** Changes the optimizer ({type, lr, …}) from the current step on, without starting over. */
    setOptimizer: (rule) => engine.request('edit', { what: 'optimizer', rule }),
    /** The link that opens this run at this step, in this view. */
    url: () => Promise.resolve(page.url()),
    timings: () => engine.request('timings'),
    // --- robust: memory, for the soak test ---
    /** {wasm, heap}: bytes of the wasm memory and of the JS heap where the run lives (heap
     *  undefined where the browser does not tell). */
    memory: () => engine.request('memory'),
    frameTimes: () => engine.request('frameTimes'),
    pixels: (panel) => engine.request('pixels', panel),
    /** Where the run lives: 'page' (the first frames) or 'worker'. */
    engine: () => engine.where(),
    /** Hands the run to the worker now (or once it is ready); resolves to where the run lives
     *  when done ('page' if this browser cannot start the worker). */
    handOver: () => {
      engine.hold(false);
      return engine.moved;
    },
  };
}
