// The engine's requests for two runs side by side (engine/variant.js): start or stop comparing,
// and what is compared; and drawing the comparison panel when there is one.

import { GRID_SIDE, PLAYING_SIDE } from '../../draw/boundary.js';
import { drawCompare } from '../../draw/compare.js';
import { drawIfDue } from '../../draw/panels.js';

/** Requests over `variant`; `note` records the change, `redraw()` draws and returns the state. */
export function compareRequests(variant, note, redraw) {
  return {
    /** Compares the run with a variant ({what, value}), or stops (null): {change, step,
     *  diverged} or {change: null, ended}. */
    compare: (change) => {
      const info = variant.start(change);
      note('compare', change);
      redraw();
      return info;
    },
    compared: () => variant.info(),
  };
}

/** Draws the comparison panel (when comparing and the page has one, and it is due). */
export function drawComparison(canvases, model, variant, view, timings) {
  const other = variant.model();
  if (!other || !canvases.compare) return;
  const side = view.playing ? PLAYING_SIDE : GRID_SIDE;
  const change = variant.info().change;
  // While playing, every few frames when it is slow, as the other panels (draw/panels.js).
  drawIfDue(view, timings, 'compare', canvases.compare, () =>
    drawCompare(canvases.compare, model, other, change, side, view.logScale),
  );
}
