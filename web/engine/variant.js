// Two runs side by side: the run and a variant of it that differs in one setting (the hidden
// layers' activation, the learning rate, the optimizer, the initialisation or the seed). Both
// have the same data; a new activation, learning rate or optimizer keeps the run's initial
// weights, a new initialisation or seed draws others of the same shapes. The variant follows
// every change the engine records of the run (a step, a sub-step, back, seek, reset), so both
// step together; a new run rebuilds it with the same difference; an edit of the run's weights,
// data or optimizer ends the comparison, since the two no longer differ in one thing only.

import { Trainer } from '../../pkg/backstep_wasm.js';
import { CHANGES } from '../share/hash.js';
import { Model } from './model.js';

/** The activation layers between two affine layers (the hidden ones), by index. */
function hiddenActivations(layers) {
  const lastAffine = layers.map((l) => l.type).lastIndexOf('affine');
  return layers.flatMap((l, i) => (l.type !== 'affine' && i < lastAffine ? [i] : []));
}

/** The variant's spec: the run's (`main`, a Model) with one thing changed. Throws a message
 *  (in English, as the core's are) when the change cannot apply to this run. */
export function variantSpec(main, { what, value }) {
  const spec = structuredClone(main.spec());
  if (what === 'activation') {
    const hidden = hiddenActivations(spec.layers);
    if (!hidden.length) throw new Error('compare: this network has no hidden activation');
    for (const i of hidden) spec.layers[i] = { type: String(value) };
  } else if (what === 'lr') {
    spec.optimizer = { ...spec.optimizer, lr: Number(value) };
  } else if (what === 'optimizer') {
    spec.optimizer = { type: String(value), lr: spec.optimizer.lr };
  } else if (what === 'init' || what === 'seed') {
    const settings = main.settings();
    if (!settings) throw new Error(`compare: ${what} needs a run built from settings`);
    const other = Trainer.fromSettings({ ...settings, [what]: value });
    try {
      const drawn = other.spec().layers;
      spec.layers = spec.layers.map((l, i) => (l.type === 'affine' ? drawn[i] : l));
    } finally {
      other.free();
    }
  } else {
    throw new Error(`compare: one of ${CHANGES.join(', ')}`);
  }
  return spec;
}

/** The variant of `main` (a Model on wasm `memory`): start, follow, stop. `tell(info)` hears
 *  what changes unasked: the variant diverged, came back (a move back) or ended (an edit). */
export function createVariant(memory, main, tell = () => {}) {
  /** {model, change, diverged: a message or null} while comparing, else null. */
  let now = null;
  /** Why the last comparison ended unasked (an edit), or null. */
  let ended = null;

  /** Runs a call on the variant; a non-finite step keeps its last finite state and says so. */
  function guarded(fn) {
    try {
      fn();
    } catch (e) {
      const first = !now.diverged;
      now.diverged = e.message ?? String(e);
      // The core's message in both languages, where it has them (the catalogue's `say`).
      now.divergedSay = e.say ?? null;
      if (first) tell(info());
    }
  }

  /** After the run moved back or sought (the engine records the move before making it), the
   *  variant goes where the run went when it is next read. */
  function settle() {
    if (!now?.stale) return;
    now.stale = false;
    const was = now.diverged;
    now.diverged = null;
    now.divergedSay = null;
    sync();
    if (was && !now.diverged) tell(info());
  }

  /** What is compared (see `info` below). */
  function info() {
    settle();
    if (!now) return { change: null, ended };
    const { step, at, phase, layer, loss, lossAfter, accuracy } = now.model.state();
    const state = { step, at, phase, layer, loss, lossAfter, accuracy };
    const { diverged, divergedSay } = now;
    return { change: now.change, diverged, divergedSay, ...state };
  }

  /** Brings the variant to the run's step and sub-step. */
  function sync() {
    const m = now.model;
    const target = main.state();
    const here = () => m.state();
    // From the start of a cycle (the state after a completed step) at or before the run's.
    const s0 = here();
    if (s0.phase !== 'idle' || s0.step > target.step)
      guarded(() => m.seek(Math.min(s0.step, target.step)));
    if (target.step > here().step) guarded(() => m.step(target.step - here().step));
    // Mid-cycle: the same sub-steps (at most one cycle's worth).
    for (let i = 0; i < 64 && !now.diverged; i++) {
      const s = here();
      if (s.phase === target.phase && s.layer === target.layer) break;
      guarded(() => m.substep());
    }
  }

  function build(change) {
    const model = new Model(memory);
    model.load({ spec: variantSpec(main, change) });
    if (now) now.model.trainer.free();
    now = { model, change, diverged: null };
    ended = null;
    sync();
  }

  return {
    /** Compares the run with the variant `change` ({what, value}); null stops comparing.
     *  Throws (keeping the comparison as it was) when the variant cannot be built. */
    start(change) {
      if (change == null) {
        now?.model.trainer.free();
        now = null;
        ended = null;
      } else build({ what: String(change.what), value: change.value });
      return this.info();
    },
    /** Applies a change the engine recorded of the run (`op`, `args`) to the variant. */
    follow(op, args) {
      if (!now) return;
      const m = now.model;
      if (op === 'step') guarded(() => m.step(args ?? 1));
      else if (op === 'substep') guarded(() => m.substep());
      else if (op === 'reset') {
        m.reset();
        now.diverged = null;
      } else if (op === 'back' || op === 'seek') now.stale = true;
      else if (op === 'preset' || op === 'load') {
        try {
          build(now.change);
        } catch (e) {
          this.start(null);
          ended = e.message ?? String(e);
          tell(info());
        }
      } else if (op === 'edit') {
        this.start(null);
        ended = 'edit';
        tell(info());
      }
    },
    /** While comparing {change, diverged, step, at, phase, layer, loss, lossAfter, accuracy}
     *  (the variant's state, as the API's state() says the run's), else {change: null,
     *  ended} (null, 'edit' or a message). */
    info,
    /** The variant's Model while comparing, else null. */
    model: () => {
      settle();
      return now?.model ?? null;
    },
  };
}
