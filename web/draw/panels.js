// Drawing every panel but the loss curve (engine.js redraws that one alone when only its cursor
// moves), each timed, with the view the page's controls chose; while playing, a slow panel
// every few frames.

import { Slot } from '../engine/model.js';
import { drawBoundary, drawNeurons, GRID_SIDE, PLAYING_SIDE } from './boundary.js';
import { drawGates } from './gates.js';
import { drawMatrices, UPDATE } from './matrices.js';
import { drawNetwork } from './network.js';

/** Runs `fn` and records how long it took under `name`. */
export function timed(timings, name, fn) {
  const t0 = performance.now();
  fn();
  timings[name] = performance.now() - t0;
}

/** While playing, a panel whose last drawing took more than this many milliseconds is drawn
 *  every few frames (its time over this, rounded up, at most {@link PLAY_EVERY_MAX}), so the
 *  run keeps the frame's time; a paused frame (and the one Play's stop draws) draws them all. */
export const PLAY_PANEL_MS = 2;
export const PLAY_EVERY_MAX = 6;

/** Per engine's timings, the frames each panel has been left as drawn while playing. */
const skips = new WeakMap();

/** Whether panel `name` is drawn this frame (always, unless playing; see PLAY_PANEL_MS). */
function due(view, timings, name) {
  if (!skips.has(timings)) skips.set(timings, {});
  const left = skips.get(timings);
  const every = Math.min(PLAY_EVERY_MAX, Math.ceil((timings[name] ?? 0) / PLAY_PANEL_MS));
  if (!view.playing || (left[name] ?? 0) + 1 >= every) {
    left[name] = 0;
    return true;
  }
  left[name] = (left[name] ?? 0) + 1;
  return false;
}

/** Draws panel `name` with `fn`, timed, when it is due this frame (see PLAY_PANEL_MS). */
export function drawIfDue(view, timings, name, fn) {
  if (due(view, timings, name)) timed(timings, name, fn);
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

/** Draws the network, matrices, gates, boundary and neuron panels for `state`. */
export function drawPanels(canvases, model, view, state, timings) {
  const draw = (name, fn) => drawIfDue(view, timings, name, fn);
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
