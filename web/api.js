// The automation API, `window.backstep` (documented in README.md). Calls that reach the run
// return promises, answered in the order they were made. Every argument is checked here: a
// count or a step number must be a whole number in its stated range, or the call rejects with
// an Error saying so (and nothing runs).

import { LONG_STEP } from './engine/chunked.js';
import { pageLimits } from './engine/limits.js';
import { shownArg } from './engine/plain.js';
import { t } from './i18n/index.js';
import { panelPng } from './share/export.js';
import { HIDEABLE } from './share/hash.js';
import { layoutReport } from './stage/layout.js';
import { showMessage } from './stage/status.js';

/** The bounds an argument is checked against, the core's own (backstep_lesson::limits, read
 *  through the wasm): `steps` (most steps one `step(n)` or `back(n)` asks for, and the furthest
 *  step `seek` reaches), and the largest index of a layer, a unit and a sample. */
function most() {
  const l = pageLimits();
  return { steps: l.steps, layer: l.layers - 1, unit: l.units - 1, sample: l.rows - 1 };
}

/** `n` as a whole number from `min` to `max`, or an Error naming the argument. */
export function whole(n, what, min, max) {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${what}: expected a whole number from ${min} to ${max}, got ${shownArg(n)}`);
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

/** `v` as a finite number, or an Error naming the argument. */
function finite(v, what) {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`${what}: expected a finite number, got ${shownArg(v)}`);
  return v;
}

/** Most characters of CSV text `loadCsv` takes (500 rows of three long numbers fit). */
export const MAX_CSV = 100_000;

/**
 * The API over `page`: {engine (the host), shown (status.js), load(spec), reset(), url(),
 * classLink({hide, lock}), setPlaying(on, tell), edited() (a weight was edited)}.
 */
export function createApi(page) {
  const { engine, shown } = page;
  /** Loads the spec of the run on edited data (the same initial weights, from step 0). */
  const dataEdit = (e) =>
    engine.request('dataSpec', e).then(async (spec) => {
      const state = await page.load(spec);
      showMessage(() => t('dataEdited'));
      return state;
    });
  return {
    state: () => shown.state,
    /** n steps; over LONG_STEP, in chunks that Pause stops: the promise then resolves to the
     *  state where it stopped (its `step` says how far it got). The button shows Pause meanwhile. */
    step: (n = 1) =>
      promised(() => {
        const k = whole(n, 'step(n)', 1, most().steps);
        if (k <= LONG_STEP || engine.where() !== 'worker') return engine.request('step', k);
        page.setPlaying(true, false);
        return engine.request('step', k).finally(() => page.setPlaying(false, false));
      }),
    substep: () => engine.request('substep'),
    /** Back n steps (in the middle of a cycle, back to its start first). */
    back: (n = 1) => promised(() => engine.request('back', whole(n, 'back(n)', 1, most().steps))),
    /** The state after step k, exactly as a fresh run stepped k times. */
    seek: (k) => promised(() => engine.request('seek', whole(k, 'seek(k)', 0, most().steps))),
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
          layer: whole(layer, 'layer', 0, most().layer),
          unit: whole(unit, 'unit', 0, most().unit),
          sample: whole(sample, 'sample', 0, most().sample),
        }),
      ),
    /** Finite differences (f64) of dW and db next to the analytic values: {maxRelErr, entries}. */
    gradcheck: () => engine.request('gradcheck'),
    /** Runnable PyTorch (no autograd) for the next step. */
    code: () => engine.request('code'),
    /** Sets W[row][col] of an affine layer; the run goes on from the edited state. */
    setWeight: (layer, row, col, value) =>
      promised(() => {
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new Error(`setWeight: value must be a finite number, got ${shownArg(value)}`);
        const at = {
          layer: whole(layer, 'layer', 0, most().layer),
          row: whole(row, 'row', 0, most().unit),
          col: whole(col, 'col', 0, most().unit),
        };
        return engine.request('edit', { what: 'weight', ...at, value }).then((state) => {
          // The link carries the edit (share/link.js reads the run's events again).
          page.edited?.();
          return state;
        });
      }),
    /** Changes the optimizer ({type, lr, …}) from the current step on, without starting over. */
    setOptimizer: (rule) => engine.request('edit', { what: 'optimizer', rule }),
    // --- poke: what lies under a click, one weight, and the data edits ---
    /** What lies at (fx, fy), fractions of a panel's width and height: on 'network' a neuron
     *  {kind, layer, unit} or an edge {kind, layer, row, col}; on 'boundary' a training point
     *  {kind, i} or a place {kind, x1, x2}; or null. */
    pick: (panel, fx, fy) =>
      promised(() => {
        if (panel !== 'network' && panel !== 'boundary')
          throw new Error(`pick: panel must be 'network' or 'boundary'`);
        return engine.request('pick', { panel, fx: finite(fx, 'fx'), fy: finite(fy, 'fy') });
      }),
    /** {w, wBefore, dw, rule, step, phase} of W[row][col] of an affine layer. */
    weight: (layer, row, col) =>
      promised(() =>
        engine.request('weight', {
          layer: whole(layer, 'layer', 0, most().layer),
          row: whole(row, 'row', 0, most().unit),
          col: whole(col, 'col', 0, most().unit),
        }),
      ),
    /** Picks out edges on the network panel: [{layer, row, col}] (at most 16), [] for none. */
    highlight: (edges) =>
      promised(() => {
        if (!Array.isArray(edges))
          throw new Error('highlight: expected an array of {layer, row, col}');
        const at = edges.slice(0, 16).map((e) => ({
          layer: whole(e?.layer, 'layer', 0, most().layer),
          row: whole(e?.row, 'row', 0, most().unit),
          col: whole(e?.col, 'col', 0, most().unit),
        }));
        return engine.request('highlight', at);
      }),
    /** {settings, kinds, widths, samples, inputs} of the current run. */
    runInfo: () => engine.request('runInfo'),
    /** Adds a training point; the run starts again from step 0 with the same initial weights. */
    addPoint: (x1, x2, label) =>
      promised(() =>
        dataEdit({
          what: 'add',
          x1: finite(x1, 'x1'),
          x2: finite(x2, 'x2'),
          label: finite(label, 'label'),
        }),
      ),
    /** Removes training point i (a row of `spec().x`); the run starts again. */
    removePoint: (i) =>
      promised(() => dataEdit({ what: 'remove', i: whole(i, 'i', 0, most().sample) })),
    /** Sets the target of training point i; the run starts again. */
    setTarget: (i, value) =>
      promised(() =>
        dataEdit({
          what: 'target',
          i: whole(i, 'i', 0, most().sample),
          value: finite(value, 'value'),
        }),
      ),
    /** Sets a truth table's targets to a gate's: 'xor', 'and', 'or' or 'nand'. */
    setGate: (name) =>
      promised(() => {
        if (typeof name !== 'string')
          throw new Error(`setGate: expected a name, got ${shownArg(name)}`);
        return dataEdit({ what: 'gate', name: name.slice(0, 20) });
      }),
    /** Replaces the training set with CSV text of x1, x2, label rows. */
    loadCsv: (text) =>
      promised(() => {
        if (typeof text !== 'string' || text.length > MAX_CSV)
          throw new Error(`loadCsv: expected a text of at most ${MAX_CSV} characters`);
        return dataEdit({ what: 'csv', text });
      }),
    /** The link that opens this run at this step, in this view (after the calls made before). */
    url: () => page.url(),
    /** The link for the class: this run at this step, hiding `hide` (names as `hide=` takes
     *  them), locked if `lock`; the same URL the "link for the class" dialog makes. */
    classLink: ({ hide = [], lock = false } = {}) =>
      promised(() => {
        const names = Array.isArray(hide) ? hide.map(String) : null;
        const bad = names ? names.find((n) => !HIDEABLE.includes(n)) : hide;
        if (bad !== undefined)
          throw new Error(
            `classLink: hide takes names from ${HIDEABLE.join(', ')}, got ${String(bad).slice(0, 20)}`,
          );
        if (typeof lock !== 'boolean') throw new Error('classLink: lock must be true or false');
        return page.classLink({ hide: HIDEABLE.filter((n) => names.includes(n)), lock });
      }),
    /** Compares the run with a variant ({what, value}: what is one of activation, lr,
     *  optimizer, init, seed), or stops (null); resolves to what is compared. */
    compare: (change) => page.compare(change),
    /** What is compared: {change, step, diverged}, or {change: null, ended}. */
    compared: () => engine.request('compared'),
    timings: () => engine.request('timings'),
    /** The pass along the edges after a sub-step: {active, last}: whether one is under way,
     *  and what the last sub-step sent ({forward, from, to, pulses}; null for nothing, as
     *  under prefers-reduced-motion). */
    flowing: () => engine.request('flowing'),
    /** What the last drawing placed, in CSS px of the viewport: {viewport: {w, h}, items:
     *  [{panel, kind, name, layer, x, y, w, h, clipped, fontPx, glyphPx, cellPx}]} (layout.js). */
    layout: () => layoutReport((op) => engine.request(op)),
    // --- robust: memory, for the soak test ---
    /** {wasm, heap}: bytes of the wasm memory and of the JS heap where the run lives (heap
     *  undefined where the browser does not tell). */
    memory: () => engine.request('memory'),
    frameTimes: () => engine.request('frameTimes'),
    pixels: (panel) => engine.request('pixels', panel),
    /** Test hook: hands the wasm a live Proxy that throws, as a hostile argument once could;
     *  the run is rebuilt from its record and the promise rejects saying so. */
    poison: () => engine.request('poison'),
    // --- export (panels) ---
    /** A PNG of one panel ('network', 'loss', …) or of all of them ('all', the default):
     *  {name, width, height, dataUrl}. */
    exportPng: (panel = 'all') => panelPng((n) => engine.request('pixels', n), panel),
    /** The loss history as CSV: a row per step from 0 (step, batch loss, mean training and test
     *  loss per sample, accuracies). */
    exportCsv: () => engine.request('csv'),
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
