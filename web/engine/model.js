// The engine's handle on the wasm Trainer: typed-array views into wasm memory (never copies),
// state, and the calls that change it. Matrices are column-major: (r, c) is at r + c·rows.

import { Curve, Slot, Trainer, What } from '../../pkg/backstep_wasm.js';

/** The codes that name a matrix or a measured series across the boundary, as the wasm exports
 *  them. */
export { Curve, Slot, What };

/** True when `e`, or the state after it (`model.alive()` false), says the wasm instance is
 *  dead: a trap, a stack overflow, or wasm-bindgen's poisoned borrow or ownership. */
export function isDead(e, model) {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return true;
  const m = typeof e?.message === 'string' ? e.message : '';
  if (/recursive use of an object|null pointer passed to rust|stale object/i.test(m)) return true;
  return !model.alive();
}

/** NaN (none) as null, for what the API reports. */
const orNull = (v) => (Number.isNaN(v) ? null : v);

export class Model {
  constructor(memory) {
    this.memory = memory;
    this.trainer = null;
    // Bumped whenever parameters or caches change, so panels redraw only then.
    this.version = 0;
    // Bumped by every load, so panels can cache what stays fixed within a run (the data).
    this.loads = 0;
    // Bumped whenever the loss history starts again (a load or a reset).
    this.historyEpoch = 0;
    // Bumped whenever measures behind the latest step were filled in.
    this.measuredEpoch = 0;
    this.gridVersion = -1;
  }

  /** Replaces the run with a spec (an object as `JSON.parse` returns it), settings (`{dataset,
   *  hidden, …}`, built into a spec in wasm) or a saved run (`{spec, run}`, resumed at its step); throws the spec's error, naming the field, or the
   *  error `check(trainer)` returns, and keeps the old run. */
  load({ spec, settings, saved }, check = () => null) {
    const next = saved
      ? Trainer.resume(saved)
      : settings
        ? Trainer.fromSettings(settings)
        : new Trainer(spec);
    const problem = check(next);
    if (problem) {
      next.free();
      throw new Error(problem);
    }
    if (this.trainer) this.trainer.free();
    this.trainer = next;
    /** The optimizer's rule ({type, lr, …}), for the lesson text's update. */
    this.rule = next.spec().optimizer;
    this.loads++;
    this.historyEpoch++;
    // A run's layer kinds never change: read them across the boundary once, not per frame.
    this.layerKinds = Array.from({ length: next.layer_count() }, (_, i) => next.layer_kind(i));
    // The loss's name and the penalty ({type, rate} or null) never change within a run either.
    this.lossName = next.loss_name();
    this.penalty = next.penalty();
    // The batch loss's sum as the texts write it: the article's ½Σ, or Σ for cross-entropy.
    this.batchSum = this.lossName === 'softmax_cross_entropy' ? 'Σ' : '½Σ';
    // The inputs' features as formulas (empty for the plain x₁, x₂).
    this.inputNames = next.input_names();
    this.version++;
  }

  /** Whether the instance still answers a call on the run. */
  alive() {
    try {
      this.trainer?.steps();
      return true;
    } catch {
      return false;
    }
  }

  /** A view of one matrix: {rows, cols, data, at(r, c)}, or null if there is none. */
  mat(layer, what) {
    const tr = this.trainer;
    const ptr = tr.ptr(layer, what);
    if (!ptr) return null;
    const rows = tr.rows(layer, what);
    const cols = tr.cols(layer, what);
    const Kind = what === What.Mask ? Uint8Array : Float32Array;
    const data = new Kind(this.memory.buffer, ptr, rows * cols);
    // `ready`: the run has computed these numbers (a gradient before the backward pass has
    // reached it is "not yet", not the zeros its buffer starts with).
    const ready = tr.computed(layer, what);
    return { rows, cols, data, ready, at: (r, c) => data[r + c * rows] };
  }

  /** The loss panel's series: {train, test} (steps 0…k, NaN at steps a long run leaves out)
   *  and {batch} (steps 1…k), as views; and {now}: step k's two values, always known. */
  curves() {
    return {
      train: this.curve(Curve.TrainLoss),
      test: this.curve(Curve.TestLoss),
      batch: this.history(),
      now: [this.trainer.measured(Curve.TrainLoss), this.trainer.measured(Curve.TestLoss)],
      sum: this.batchSum,
    };
  }

  /** Changes whenever a curve's known values may have changed anywhere (not only at its end),
   *  so the loss panel finds its range again. */
  curveKey() {
    return `${this.historyEpoch}:${this.measuredEpoch}`;
  }

  /** Takes the curves' waiting measures (the wasm defers them, so a step costs its training),
   *  the coarsest first, while `performance.now() - t0 < ms`; true if it took any. */
  settle(t0, ms) {
    const tr = this.trainer;
    if (!tr || tr.settle_measures(0) === 0 || performance.now() - t0 >= ms) return false;
    while (tr.settle_measures(1) > 0 && performance.now() - t0 < ms);
    this.measuredEpoch++;
    return true;
  }

  /** Measures step k now if its measures wait (the loss read-out points at it); k < 0: none. */
  settleAt(k) {
    if (k >= 0 && this.trainer.settle_measure(k)) this.measuredEpoch++;
  }

  /** The loss history as CSV, every waiting measure taken first. */
  csv() {
    this.measuredEpoch++;
    return this.trainer.loss_csv();
  }

  /** The batch loss of every completed step, as a view. */
  history() {
    const tr = this.trainer;
    return new Float32Array(this.memory.buffer, tr.history_ptr(), tr.history_len());
  }

  /** A measured series (Curve.TrainLoss, …) for steps 0 to the current one, as a view. */
  curve(c) {
    const tr = this.trainer;
    return new Float32Array(this.memory.buffer, tr.curve_ptr(c), tr.curve_len(c));
  }

  /** {step, at, phase, layer, loss, lossStep, lossAfter, next, error, accuracy, testAccuracy}
   *  as the automation API reports it: `step` counts completed steps, `at` is the step the
   *  numbers on screen belong to (the one under way mid-cycle); `loss` is the batch loss
   *  (½·Σ) of step `lossStep` before its update, `lossAfter` the same batch's after it (null
   *  mid-cycle); the accuracies (0 to 1, after the completed steps) are null where the task is
   *  not 2-class. */
  state() {
    const tr = this.trainer;
    return {
      step: tr.steps(),
      at: tr.at_step(),
      phase: tr.phase(),
      layer: tr.layer() < 0 ? null : tr.layer(),
      loss: orNull(tr.loss()),
      lossStep: tr.loss_step(),
      lossAfter: orNull(tr.loss_after()),
      next: tr.next(),
      error: tr.error() ?? null,
      accuracy: orNull(tr.measured(Curve.Accuracy)),
      testAccuracy: orNull(tr.measured(Curve.TestAccuracy)),
    };
  }

  /** The network's layer kinds, e.g. ['affine', 'relu', 'affine']. */
  kinds() {
    return this.layerKinds;
  }

  step(n = 1) {
    try {
      this.trainer.step(n);
    } finally {
      this.version++;
    }
  }
  /** The furthest step this run reached (the timeline's end). */
  furthest() {
    return this.trainer.furthest();
  }
  /** Exactly the state after step k (the wasm's timeline restores a keyframe and replays). */
  seek(k) {
    this.moved(() => this.trainer.seek(k));
  }
  /** Back n steps (in the middle of a cycle, to its start first). */
  back(n) {
    this.moved(() => this.trainer.back(n));
  }
  /** Runs a move along the run: the loss curve starts again, the panels redraw. */
  moved(fn) {
    this.historyEpoch++;
    try {
      fn();
    } finally {
      this.version++;
    }
  }
  /** Runs an edit of the run (a weight, a bias, the optimizer) from the current step on. */
  edit(fn) {
    try {
      fn(this.trainer);
    } finally {
      this.version++;
      // The measured series change from the edited step on.
      this.historyEpoch++;
    }
  }
  substep() {
    try {
      this.trainer.substep();
    } finally {
      this.version++;
    }
  }
  reset() {
    this.trainer.reset();
    this.version++;
    this.historyEpoch++;
  }
  snapshot() {
    return this.trainer.snapshot();
  }
  spec() {
    return this.trainer.spec();
  }
  settings() {
    return this.trainer.settings();
  }
  /** The mean loss per sample on the test set after the completed steps, or null. */
  testLoss() {
    return orNull(this.trainer.measured(Curve.TestLoss));
  }
  /** The decision threshold (midpoint of the two target values), or null if not 2-class. */
  threshold() {
    return orNull(this.trainer.threshold());
  }

  /** Runs the boundary grid (side × side over the box) once per model version. */
  grid(side, box) {
    if (this.gridVersion === this.version && this.gridSide === side) return;
    this.trainer.grid(side, box[0], box[1], box[2], box[3]);
    this.gridVersion = this.version;
    this.gridSide = side;
  }
}
