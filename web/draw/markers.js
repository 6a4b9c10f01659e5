// The data points over the boundary's plane: ● target 1 and ✕ target 0 for one output (on the
// side of the threshold `mid`), each class's glyph and colour for k classes (draw/classes.js),
// each target's colour on the output's scale for values (a regression: ● training, ■ test);
// test points hollow or grey, or left out when "show test data" is off. The points never change
// within a run: they are drawn once into a transparent layer (one per map size: the boundary's
// and the comparison's) and copied over each new map.

import { Slot, What } from '../engine/model.js';
import { classOf, drawClassGlyph, fillHaloed } from './classes.js';
import { color, INK, MUTED, POS, pixelRatio } from './colors.js';

/** The points' layers by map size (the boundary's and the comparison's maps differ), each
 *  cached per run, pixel ratio and choice of test points. */
const layers = new Map();
/** The most sizes kept (a resize makes new ones). */
const MOST_LAYERS = 4;

/** Draws the points over the square of `size` at (x, y) showing `box`: {x, y, size, mid, k
 *  (classes, 0 for one output), value (for values rather than classes: the colour scale's half
 *  width around `mid`, else 0), showTest}. */
export function drawPoints(ctx, model, box, { x, y, size, mid, k, value, showTest }) {
  let layer = layers.get(size);
  if (!layer) {
    layer = { key: '', canvas: new OffscreenCanvas(1, 1) };
    layers.set(size, layer);
    if (layers.size > MOST_LAYERS) layers.delete(layers.keys().next().value);
  }
  const key = `${model.loads}|${pixelRatio()}|${showTest}`;
  if (layer.key !== key) drawMarkers(layer.canvas, model, box, size, { mid, k, value }, showTest);
  layer.key = key;
  ctx.drawImage(layer.canvas, x - 8, y - 8, size + 16, size + 16);
}

function drawMarkers(canvas, model, box, size, { mid, k, value }, showTest) {
  const dpr = pixelRatio();
  Object.assign(canvas, {
    width: Math.ceil((size + 16) * dpr),
    height: Math.ceil((size + 16) * dpr),
  });
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const px = (v) => 8 + (size * (v - box[0])) / (box[1] - box[0]);
  const py = (v) => 8 + size - (size * (v - box[2])) / (box[3] - box[2]);
  const sets = [[What.Plane, What.T, false]];
  if (showTest) sets.push([What.PlaneTest, What.TTest, true]);
  for (const [xw, tw, hollow] of sets) {
    const xs = model.mat(Slot.Data, xw),
      ts = model.mat(Slot.Data, tw);
    for (let r = 0; xs && r < xs.rows; r++) {
      const at = [px(xs.at(r, 0)), py(xs.at(r, 1))];
      if (k) drawClassGlyph(ctx, ...at, classOf(ts, r), hollow);
      else if (value) valueGlyph(ctx, ...at, color(ts.at(r, 0) - mid, value), hollow);
      else binaryGlyph(ctx, ...at, ts.at(r, 0) > mid, hollow);
    }
  }
}

/** A target's value at (x, y): ● filled with its colour on the output's scale (■ for a test
 *  point), dark on a white halo. */
function valueGlyph(ctx, x, y, fill, test) {
  ctx.beginPath();
  if (test) ctx.rect(x - 5, y - 5, 10, 10);
  else ctx.arc(x, y, 5.5, 0, 2 * Math.PI);
  fillHaloed(ctx, fill, 2.5, 1.2);
}

/** ● (target on the high side) or ✕ at (x, y). Shape carries the label; a white halo and a
 *  dark core keep it readable on either end of the colour map. */
function binaryGlyph(ctx, x, y, one, hollow) {
  ctx.lineWidth = 2;
  if (one) {
    ctx.beginPath();
    ctx.arc(x, y, 5.5, 0, 2 * Math.PI);
    fillHaloed(ctx, hollow ? '#fff' : POS, 2.5, 1.2);
    return;
  }
  const cross = () => {
    ctx.beginPath();
    ctx.moveTo(x - 5, y - 5);
    ctx.lineTo(x + 5, y + 5);
    ctx.moveTo(x + 5, y - 5);
    ctx.lineTo(x - 5, y + 5);
    ctx.stroke();
  };
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 5.5;
  cross();
  ctx.strokeStyle = hollow ? MUTED : INK;
  ctx.lineWidth = 2.5;
  cross();
}
