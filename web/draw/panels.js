// Drawing every panel but the loss curve (engine.js redraws that one alone when only its cursor
// moves), each timed (cost.js), with the view the page's controls chose; while playing, a slow
// panel every few frames.

import { Slot } from '../engine/model.js';
import { drawBoundary, drawNeurons, GRID_SIDE, PLAYING_SIDE } from './boundary.js';
import { timed } from './cost.js';
import { drawGates } from './gates.js';
import { drawMatrices, UPDATE } from './matrices.js';
import { drawNetwork } from './network.js';

/** While playing, a panel whose last drawing cost more than this many milliseconds is drawn
 *  every few frames (its cost over this, rounded up, at most {@link PLAY_EVERY_MAX}), so the
 *  run keeps the frame's time; a paused frame (and the one Play's stop draws) draws them all. */
export const PLAY_PANEL_MS = 1;
export const PLAY_EVERY_MAX = 6;

/** Per engine's timings, the frames each panel has been left as drawn while playing, and the
 *  panels the played frame under way draws (planDrawing). */
const skips = new WeakMap();
const plans = new WeakMap();

function skipsOf(timings) {
  if (!skips.has(timings)) skips.set(timings, {});
  return skips.get(timings);
}

/** Every how many played frames panel `name` is drawn (see PLAY_PANEL_MS). */
function every(timings, name) {
  return Math.max(1, Math.min(PLAY_EVERY_MAX, Math.ceil((timings[name] ?? 0) / PLAY_PANEL_MS)));
}

/** The panels drawPanels draws (the comparison's is drawComparison's). */
export const PANELS = ['network', 'matrices', 'gates', 'boundary', 'neurons'];

/**
 * Chooses which of the panels in `names` this frame draws, and returns what they are expected
 * to cost in milliseconds (Play's pace leaves it out of the stepping). Paused, all of them;
 * playing, all of them too when they cost no more than `spare` ms (what the frame leaves them
 * after its steps at the chosen speed). Otherwise those whose turn has come (see
 * PLAY_PANEL_MS), most overdue first, as long as they stay near an average frame's share: one
 * due at the same time as a slow one waits a frame, so the slow panels' frames do not pile up
 * and every frame keeps about the same time.
 */
export function planDrawing(view, timings, names, spare = 0) {
  const cost = (name) => timings[name] ?? 0;
  const all = names.reduce((ms, name) => ms + cost(name), 0);
  if (!view.playing || all <= spare) {
    plans.set(timings, new Set(names));
    return all;
  }
  const left = skipsOf(timings);
  const overdue = (name) => (left[name] ?? 0) + 1 - every(timings, name);
  const share = names.reduce((ms, name) => ms + cost(name) / every(timings, name), 0);
  const plan = new Set();
  let ms = 0;
  for (const name of names.filter((n) => overdue(n) >= 0).sort((a, b) => overdue(b) - overdue(a))) {
    if (plan.size > 0 && ms + cost(name) > 1.25 * share + PLAY_PANEL_MS) continue;
    plan.add(name);
    ms += cost(name);
  }
  plans.set(timings, plan);
  return ms;
}

/** Whether panel `name` is drawn this frame: always, unless playing; then as planDrawing
 *  chose (or, with no plan, when its turn has come). */
function isDue(view, timings, name) {
  if (!view.playing) return true;
  const plan = plans.get(timings);
  return plan ? plan.has(name) : (skipsOf(timings)[name] ?? 0) + 1 >= every(timings, name);
}

/** Draws panel `name` on `canvas` with `fn`, timed, when it is due this frame (see
 *  PLAY_PANEL_MS). */
export function drawIfDue(view, timings, name, canvas, fn) {
  const left = skipsOf(timings);
  if (isDue(view, timings, name)) {
    left[name] = 0;
    timed(timings, name, fn, canvas);
  } else {
    left[name] = (left[name] ?? 0) + 1;
  }
}

/** The layer the matrices panel shows: the chosen one, or the active one (in presenter view,
 *  the update's and the idle state's are every affine layer's weights). */
export function matrixLayer(view, state) {
  if (view.matrixLayer === 'loss') return Slot.Loss;
  if (view.matrixLayer !== 'auto') return Number(view.matrixLayer);
  if (state.phase === 'loss') return Slot.Loss;
  if (view.presenter && (state.phase === 'update' || state.phase === 'idle')) return UPDATE;
  return state.layer ?? 0;
}

/** Draws the network panel for `state` with the view's choices. */
export function drawNetworkPanel(canvases, model, view, state) {
  const { showGrads, sample, highlight } = view;
  drawNetwork(canvases.network, model, {
    showGrads,
    sample,
    state,
    highlight,
    presenter: view.presenter,
  });
}

/** Draws the network, matrices, gates, boundary and neuron panels for `state` (those `only`
 *  allows, when given). */
export function drawPanels(canvases, model, view, state, timings, only = null) {
  const draw = (name, fn) =>
    (!only || only(name)) && drawIfDue(view, timings, name, canvases[name], fn);
  draw('network', () => drawNetworkPanel(canvases, model, view, state));
  const phase = view.presenter ? state.phase : null;
  draw('matrices', () =>
    drawMatrices(
      canvases.matrices,
      model,
      matrixLayer(view, state),
      phase,
      state.step,
      view.matrixCursor,
      view.playing,
    ),
  );
  draw('gates', () => drawGates(canvases.gates, model));
  const side = view.playing ? PLAYING_SIDE : GRID_SIDE;
  draw('boundary', () => drawBoundary(canvases.boundary, model, side, state, view));
  draw('neurons', () => drawNeurons(canvases.neurons, model, side));
}
