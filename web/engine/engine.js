// The run and its panels, wherever they live: owns the wasm Trainer (through Model), steps it
// while playing, redraws the panels when the model changed, and answers requests. It never
// touches the DOM, so the same code runs on the page's thread (the first frames, on the page's
// canvases) and in the worker (afterwards, on OffscreenCanvases). It can record every change to
// the run, and replay such a record: the wasm is deterministic, so a replay gives the same bits.

import { colormap, fresh_seed } from '../../pkg/backstep_wasm.js';
import { taskOf } from '../draw/classes.js';
import { setColormap, setGeometry } from '../draw/colors.js';
import { lossCursor, moveCursor } from '../draw/losscurve.js';
import { setLanguage } from '../i18n/index.js';
import { createDrawing } from './drawing.js';
import { frameReport } from './frame-report.js';
import { overLimits } from './limits.js';
import { Curve, isDead, Model, Slot, What } from './model.js';
import { SETTLE_MS } from './pace.js';
import { createPasses } from './passes.js';
import { createPlayPace } from './playpace.js';
import { replayLog } from './replay.js';
import { compareRequests } from './requests/compare.js';
import { glassRequests } from './requests/glass.js';
import { pokeRequests } from './requests/poke.js';
import { probeRequests } from './requests/probe.js';
import { createVariant } from './variant.js';

/** Animation frames where the context has them, else a 60 Hz timer. */
const nextFrame =
  typeof requestAnimationFrame === 'function'
    ? (f) => requestAnimationFrame(f)
    : (f) => setTimeout(f, 16);

/**
 * Starts an engine on instantiated wasm `memory`. `setup`: {canvases: {name: canvas}, geometry:
 * {dpr, widths: {name: CSS px}}, lang, view}. `send` gets the reports (a drawn frame, a step
 * that went non-finite); `record`, if given, gets every change to the run as {op, args}.
 */
export function createEngine(memory, setup, send, record = null) {
  setColormap(colormap());
  const model = new Model(memory);
  const canvases = setup.canvases;
  const names = new Map(Object.entries(canvases).map(([name, c]) => [c, name]));
  /** What the page's controls chose (view.js's `viewSettings`). */
  const view = { playing: false, ...setup.view };
  const ui = {
    drawn: -1,
    lossDirty: true,
    first: true,
    readout: null,
    stopped: false,
    quiet: false,
  };
  /** What each panel cost in its last drawing, in ms (draw/cost.js). */
  const timings = {};
  /** A pass travelling along the edges after a sub-step (passes.js). */
  const passes = createPasses({ model, canvases, view, timings });
  /** The variant the run is compared with (variant.js), which follows it. */
  const variant = createVariant(memory, model, (info) => send({ type: 'compared', info }));
  /** Play's pace (playpace.js). */
  const pace = createPlayPace(view, timings, canvases, () => variant.model() != null);
  /** Drawing a frame (drawing.js). */
  const { draw, drawRest, drawLossPanel, painted } = createDrawing({
    ...{ canvases, model, view, timings, variant, ui, report },
    later: setup.geometry.later,
  });
  /** Every change to the run: recorded, followed by the variant; it ends a pass under way. */
  const note = (op, args) => {
    passes.end();
    variant.follow(op, args);
    record?.({ op, args });
  };

  function geometry(g) {
    const byCanvas = (o) =>
      new Map(Object.entries(o ?? {}).map(([name, v]) => [canvases[name], v]));
    setGeometry(g.dpr, byCanvas(g.widths), g.zoom, byCanvas(g.most));
  }
  geometry(setup.geometry);
  setLanguage(setup.lang);

  /** Replaces the run (`fn` throws, keeping the old one, if it cannot) and returns what the
   *  page's selectors need: {kinds, rows, sample, settings, classes (taskOf), state}. */
  function loaded(fn) {
    // Any attempt pauses (the page shows it paused as it asks), even one that fails.
    view.playing = false;
    fn();
    view.matrixLayer = 'auto';
    const rows = model.trainer.rows(Slot.Data, What.X);
    // Sample 1 by default: for XOR, (0, 1) shows values the ReLU passes and blocks; (0, 0) is all zeros.
    view.sample = rows > 1 ? 1 : 0;
    ui.lossDirty = true;
    return {
      kinds: model.kinds(),
      rows,
      sample: view.sample,
      settings: model.settings(),
      ...taskOf(model),
      state: ui.quiet ? null : draw(),
    };
  }

  /** Runs a model call; a non-finite value pauses, tells the page and keeps the state; a dead
   *  instance is reported as such. */
  function guarded(fn) {
    try {
      fn();
    } catch (e) {
      view.playing = false;
      if (isDead(e, model)) send({ type: 'dead' });
      else if (!ui.quiet) {
        const failure = model.trainer.failure();
        send({ type: 'diverged', detail: e.message ?? String(e), failure });
      }
    } finally {
      ui.lossDirty = true;
    }
  }

  /** A move along the run (back, seek): recorded, pausing, then drawn. */
  function move(op, arg, fn) {
    note(op, arg);
    view.playing = false;
    guarded(fn);
    return draw();
  }

  /** Requests: each returns the reply's value or throws (the page gets the error's message). */
  const requests = {
    preset: (options) => {
      const run = loaded(() => model.load({ settings: options }, overLimits));
      note('preset', options);
      return run;
    },
    seed: (options) => {
      const seed = fresh_seed();
      return { seed, ...requests.preset({ ...options, seed }) };
    },
    load: (doc) => {
      const source = doc?.run ? { saved: doc } : { spec: doc };
      const run = loaded(() => model.load(source, overLimits));
      note('load', doc);
      return run;
    },
    step: (n = 1) => {
      note('step', n);
      guarded(() => model.step(n));
      return draw();
    },
    /** Back n steps; in the middle of a cycle, back to its start first. */
    back: (n = 1) => move('back', n, () => model.back(n)),
    /** The state after step k (at most the furthest step this run reached). */
    seek: (k) => {
      if (k > model.furthest())
        throw new Error(`seek(k): this run has reached ${model.furthest()}`);
      return move('seek', k, () => model.seek(k));
    },
    substep: () => {
      note('substep');
      guarded(() => model.substep());
      const state = draw();
      if (!ui.quiet) passes.start(state);
      return state;
    },
    /** The pass under way, for tests. */
    flowing: () => passes.probe(),
    reset: () => {
      note('reset');
      model.reset();
      view.playing = false;
      ui.lossDirty = true;
      return draw();
    },
    snapshot: () => (model.trainer.steps() === 0 ? null : model.snapshot()),
    spec: () => model.spec(),
    export: () =>
      model.trainer.steps() === 0 ? null : { spec: model.spec(), last_step: model.snapshot() },
    csv: () => {
      ui.lossDirty = true;
      return model.csv();
    },
    ...glassRequests(model, note, () => (ui.quiet ? model.state() : draw())),
    ...compareRequests(variant, note, () => (ui.quiet ? model.state() : draw())),
    ...pokeRequests(model, view, ui),
    ...probeRequests(canvases, model, timings, pace.times),
  };

  /** Commands: no reply. */
  const commands = {
    play: (on) => {
      if (on && !view.playing) {
        pace.reset();
      }
      // Stopping redraws the maps from the full grid (playing draws them from a coarser one).
      if (view.playing && !on) ui.drawn = -1;
      view.playing = on;
    },
    view: (partial) => {
      Object.assign(view, partial);
      ui.drawn = -1;
    },
    // The page's first frame is on screen: the panels it left below the window are drawn.
    painted,
    geometry: (g) => {
      geometry(g);
      ui.drawn = -1;
    },
    lang: (code) => {
      setLanguage(code);
      ui.drawn = -1;
    },
    cursor: (move) => {
      moveCursor(move, model.trainer.curve_len(Curve.TrainLoss));
      model.settleAt(lossCursor.index);
      ui.lossDirty = true;
    },
  };

  /** Posts the frame's report (frame-report.js). */
  function report(state) {
    send(frameReport(model, view, state, { ui, rate: pace.rate, names }));
  }

  function frame() {
    if (ui.stopped) return;
    nextFrame(frame);
    if (!model.trainer) return;
    const t0 = performance.now();
    const playing = view.playing;
    pace.begin(playing);
    if (playing) {
      // The steps this frame ran are recorded as run, so a replay repeats them exactly.
      guarded(() => {
        pace.steps((k) => {
          note('step', k);
          model.step(k);
        });
      });
    }
    // Every panel when the run changed; else the first frame's panels below the window, if it
    // left any; else the loss curve alone when only it changed.
    if (ui.drawn !== model.version || playing !== view.playing) draw();
    else if (!drawRest() && ui.lossDirty) {
      drawLossPanel();
      report(model.state());
    }
    passes.frame();
    if (model.settle(t0, SETTLE_MS)) ui.lossDirty = true;
    if (playing) pace.end(t0);
  }
  nextFrame(frame);

  return {
    requests,
    commands,
    /** Whether the instance still answers (lifeline.js rebuilds the run when it does not). */
    healthy: () => model.alive(),
    /** Applies a record of changes (as `record` received them) without drawing or
     *  reporting, then draws once; returns what `loaded` returns for the last run. */
    replay(log) {
      ui.quiet = true;
      let run = null;
      try {
        run = replayLog(log, { requests, model, guarded, variant });
        ui.lossDirty = true;
      } finally {
        ui.quiet = false;
      }
      Object.assign(view, setup.view);
      return { ...run, state: draw() };
    },
    /** Stops the frame loop (`resume` starts it again). */
    pause() {
      ui.stopped = true;
    },
    resume() {
      if (!ui.stopped) return;
      ui.stopped = false;
      ui.drawn = -1;
      nextFrame(frame);
    },
    /** Stops for good and frees the run. */
    free() {
      ui.stopped = true;
      pace.close();
      variant.start(null);
      model.trainer?.free();
      model.trainer = null;
    },
  };
}
