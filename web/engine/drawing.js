// Drawing a frame of the run: every panel, or only the loss curve when just its cursor moved;
// an engine's first frame draws the panels in view and leaves those below the window (as the
// page started) until the page says that frame is on screen, so its paint waits for none of
// them and shares the cores with none of them.

import { timed } from '../draw/cost.js';
import { drawLoss } from '../draw/losscurve.js';
import { drawPanels } from '../draw/panels.js';
import { drawComparison } from './requests/compare.js';

/** Animation frames the panels a first frame left wait at most for the page's word that it is
 *  on screen, should it not come. */
const WAIT_FRAMES = 12;

/**
 * The engine's drawing. `ui` is the engine's ({drawn, lossDirty, first, readout}); `later` the
 * panels its first frame leaves (the page's `firstGeometry().later`); `report` posts a frame's
 * report for a state. Returns {draw, drawRest, drawLossPanel, painted}: `draw` redraws every
 * panel (the first time, all but `later`), reports and returns the state; `drawRest`, called
 * once an animation frame, draws what the first frame left once `painted()` said it is on
 * screen (or after WAIT_FRAMES), and says whether the frame is spoken for meanwhile.
 */
export function createDrawing({ canvases, model, view, timings, variant, ui, later, report }) {
  let rest = null;
  let wait = 0;

  function drawLossPanel() {
    ui.readout = drawLoss(canvases.loss, model.curves(), model.curveKey(), view.logScale);
    ui.lossDirty = false;
  }

  /** Draws the panels `only` allows (all when null), and the loss curve if it is one. */
  function panels(state, only) {
    drawPanels(canvases, model, view, state, timings, only);
    if (!only || only('loss')) timed(timings, 'loss', drawLossPanel, canvases.loss);
  }

  function draw() {
    const state = model.state();
    const left = ui.first && later?.length ? new Set(later) : null;
    panels(state, left && ((name) => !left.has(name)));
    drawComparison(canvases, model, variant, view, timings);
    rest = left;
    wait = WAIT_FRAMES;
    ui.drawn = model.version;
    report(state);
    return state;
  }

  function drawRest() {
    if (!rest) return false;
    // Meanwhile the loss curve alone is redrawn (its cursor) only where it is not waiting.
    if (wait-- > 0) return rest.has('loss');
    const left = rest;
    rest = null;
    const state = model.state();
    panels(state, (name) => left.has(name));
    report(state);
    return true;
  }

  return {
    draw,
    drawRest,
    drawLossPanel,
    painted: () => {
      wait = 0;
    },
  };
}
