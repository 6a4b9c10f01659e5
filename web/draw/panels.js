// Drawing every panel but the loss curve (engine.js redraws that one alone when only its cursor
// moves), each timed, with the view the page's controls chose.

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
  timed(timings, 'network', () => drawNetworkPanel(canvases, model, view, state));
  const phase = view.presenter ? state.phase : null;
  timed(timings, 'matrices', () =>
    drawMatrices(
      canvases.matrices,
      model,
      matrixLayer(view, state),
      phase,
      state.step,
      view.matrixCursor,
    ),
  );
  timed(timings, 'gates', () => drawGates(canvases.gates, model));
  const side = view.playing ? PLAYING_SIDE : GRID_SIDE;
  timed(timings, 'boundary', () => drawBoundary(canvases.boundary, model, side, state, view));
  timed(timings, 'neurons', () => drawNeurons(canvases.neurons, model, side));
}
