// The decision-boundary panel and the per-neuron maps: one batched forward pass of a grid over
// the input plane (a single wasm call), coloured through the lookup table into ImageData (for k
// classes, draw/classes.js's colours), with the data points on top (draw/markers.js); its frame
// (contour, axes, colour bar, accuracy) is boundary-frame.js's.

import { Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import {
  captionLines,
  classLines,
  drawAxes,
  drawColourBar,
  drawContour,
  targetRange,
} from './boundary-frame.js';
import { classCount, drawClassLegend, paintClasses } from './classes.js';
import {
  context2d,
  cssWidth,
  FONT,
  INK,
  MUTED,
  packedTable,
  prepare,
  roomHeight,
} from './colors.js';
import { outside, placed } from './drawn.js';
import { drawPoints } from './markers.js';

/** Grid points per side: the full grid, and the coarser one drawn while playing (under half
 *  the work; the maps move too fast then for the difference to show). */
export const GRID_SIDE = 48;
export const PLAYING_SIDE = 32;

// A small canvas and its ImageData per map size, reused for every map (resizing a canvas
// resets it). The per-neuron maps use every other grid point: a quarter of the work, the same
// look at 84 px.
const scratches = new Map();
function scratch(n) {
  let s = scratches.get(n);
  if (!s) {
    const canvas = new OffscreenCanvas(n, n);
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(n, n);
    s = { canvas, ctx, image, words: new Uint32Array(image.data.buffer) };
    scratches.set(n, s);
  }
  return s;
}

const boxCache = { loads: -1, box: null };

/** The plane to show: the data's bounding box with a margin, as [x0, x1, y0, y1] (computed
 *  once per run: the data does not change within one). */
export function planeBox(model) {
  if (boxCache.loads !== model.loads)
    Object.assign(boxCache, { loads: model.loads, box: dataBox(model) });
  return boxCache.box;
}

function dataBox(model) {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const what of [What.Plane, What.PlaneTest]) {
    const m = model.mat(Slot.Data, what);
    for (let r = 0; m && r < m.rows; r++) {
      x0 = Math.min(x0, m.at(r, 0));
      x1 = Math.max(x1, m.at(r, 0));
      y0 = Math.min(y0, m.at(r, 1));
      y1 = Math.max(y1, m.at(r, 1));
    }
  }
  const pad = 0.15 * Math.max(x1 - x0, y1 - y0, 1);
  return [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
}

/**
 * Paints column `col` of a grid output into a size × size square at (x, y), centred on `mid`,
 * on a scale of ±`scale` (or, if `scale` is null, the largest |value| painted); `stride` 2
 * samples every other grid point (for the small maps).
 */
export function paintMap(ctx, m, col, x, y, size, mid, scale, stride = 1) {
  const lut = packedTable();
  const side = Math.round(Math.sqrt(m.rows));
  const n = side / stride;
  const { canvas, ctx: c2d, image, words } = scratch(n);
  const values = m.data.subarray(col * m.rows, (col + 1) * m.rows);
  if (scale == null) {
    let most = 0;
    for (let row = 0; row < n; row++) {
      for (let c = 0; c < n; c++) {
        const a = Math.abs(values[row * stride * side + c * stride] - mid);
        if (a > most && Number.isFinite(a)) most = a;
      }
    }
    scale = most || 1;
  }
  // The table index as lutIndex computes it (clamped to 0…255; NaN in the middle), inlined:
  // this runs for every pixel of every map.
  const gain = 127.5 / scale;
  for (let row = 0; row < n; row++) {
    for (let c = 0; c < n; c++) {
      const u = 127.5 + gain * (values[row * stride * side + c * stride] - mid);
      const k = u >= 255 ? 255 : u > 0 ? Math.round(u) : u <= 0 ? 0 : 128;
      words[row * n + c] = lut[k];
    }
  }
  c2d.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(canvas, x, y, size, size);
}

/** Room around the map: tick labels on the left, the colour bar on the right, and below the
 *  x ticks, the axis name and two lines of text. */
const LEFT = 52;
const RIGHT = 92;
const BELOW = 92;

/** Where the last drawing put the plane ({box, x0, y0, size, w, h}: the square's corner and
 *  side in drawing units; box null when there is none), for hit-testing a click
 *  (engine/requests/poke.js). */
export const drawnBoundary = { box: null };

/** Draws the output over the plane, from a `side` × `side` grid, with the data points, the
 *  threshold's contour, axes, the colour bar and the accuracy (from `state`). Returns false if
 *  the data is not 2-D. */
export function drawBoundary(canvas, model, side = GRID_SIDE, state = {}, view = {}) {
  const width = cssWidth(canvas);
  // The caption's lines, broken to the canvas's width (a phone's), each a line more below;
  // a map of classes words them by whether p = softmax(y) colours it, known once it is painted.
  const captions = (classCount(model) ? [false, true] : [false]).map((soft) =>
    wrapped(context2d(canvas), caption(model, state, soft), width - 16),
  );
  const extra = 22 * Math.max(0, ...captions.map((lines) => lines.length - 2));
  // The square as wide as the canvas allows, and in presenter view as tall as its room.
  const room = roomHeight(canvas, Number.POSITIVE_INFINITY) - 24 - BELOW - extra;
  const size = Math.max(60, Math.min(width - LEFT - RIGHT, 400, room));
  const { ctx, w, h } = prepare(canvas, 24 + size + BELOW + extra);
  Object.assign(drawnBoundary, { box: null, x0: LEFT, y0: 24, size, w, h });
  if (model.trainer.cols(Slot.Data, What.Plane) !== 2) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(t('none2d'), 12, 24);
    placed('boundary', []);
    return false;
  }
  const ox = LEFT,
    oy = 24;
  const box = planeBox(model);
  drawnBoundary.box = box;
  model.grid(side, box);
  const last = model.kinds().length - 1;
  const out = model.mat(Slot.Grid + 1 + last, What.Y);
  const k = classCount(model);
  // Centre the colours between the smallest and largest target (0 and 1 for the class sets).
  const [tmin, tmax] = targetRange(model.mat(Slot.Data, What.T));
  const threshold = model.threshold();
  const mid = threshold ?? (tmin + tmax) / 2,
    half = Math.max((tmax - tmin) / 2, 1e-6);
  const discrete = view.discretize && threshold != null;
  let soft = false;
  if (k) soft = paintClasses(ctx, model, out, ox, oy, size, view.discretize);
  // Discretized, every point is painted as the side of the threshold it falls on.
  else paintMap(ctx, out, 0, ox, oy, size, mid, discrete ? 1e-9 : half);
  if (!k && threshold != null) drawContour(ctx, out.data, side, threshold, ox, oy, size);
  const showTest = view.showTest !== false;
  // Without classes or a threshold (a regression), each point in its target's colour.
  const value = !k && threshold == null ? half : 0;
  drawPoints(ctx, model, box, { x: ox, y: oy, size, mid, k, value, showTest });
  drawAxes(ctx, box, ox, oy, size);
  if (k) drawClassLegend(ctx, ox + size + 12, oy, k);
  else drawColourBar(ctx, ox + size + 14, oy, size, mid, half, threshold != null);
  ctx.fillStyle = INK;
  ctx.font = FONT.text;
  ctx.textAlign = 'left';
  const records = captions[soft ? 1 : 0].map((line, i) => {
    const y = oy + size + 50 + 22 * i;
    ctx.fillText(line, 8, y);
    const tw = ctx.measureText(line).width;
    return { kind: 'text', name: `caption ${i}`, x: 8, y: y - 9, w: tw, h: 18, fontPx: 14 };
  });
  placed(
    'boundary',
    records.map((r) => ({ ...r, clipped: outside(r.x, r.y, r.w, r.h, w, h) })),
  );
  return true;
}

/** The caption's lines under the map: the threshold and accuracies, or the classes' (`soft`:
 *  coloured from p = softmax(y)). */
function caption(model, state, soft) {
  const rows = (w) => model.trainer.rows(Slot.Data, w);
  if (classCount(model)) return classLines(soft, state, rows(What.X), rows(What.XTest));
  const [tmin, tmax] = targetRange(model.mat(Slot.Data, What.T));
  return captionLines(model.threshold(), tmin, tmax, state, rows(What.X), rows(What.XTest));
}

/** `lines` broken at spaces where one is wider than `width` in the text font. */
function wrapped(ctx, lines, width) {
  ctx.font = FONT.text;
  return lines.flatMap((line) => {
    const out = [];
    let now = '';
    for (const word of line.split(' ')) {
      const longer = now ? `${now} ${word}` : word;
      if (now && ctx.measureText(longer).width > width) {
        out.push(now);
        now = word;
      } else now = longer;
    }
    return [...out, now];
  });
}

/** Draws a small map for every unit of every layer whose output feeds the next affine layer,
 *  from a `side` × `side` grid. */
export function drawNeurons(canvas, model, side = GRID_SIDE) {
  const kinds = model.kinds();
  const shown = kinds
    .map((_k, i) => i)
    .filter((i) => i === kinds.length - 1 || kinds[i + 1] === 'affine');
  // Maps 84 units across, smaller (to 24) where presenter view gives the panel less room.
  const room = roomHeight(canvas, Number.POSITIVE_INFINITY);
  const layout = (cell) => {
    const perRow = Math.max(1, Math.floor((cssWidth(canvas) - 90) / (cell + 8)));
    const rows = shown.reduce(
      (n, i) => n + (Math.ceil(model.trainer.cols(i, What.Y) / perRow) || 1),
      0,
    );
    return { cell, perRow, height: 16 + rows * (cell + 12) };
  };
  let fit = layout(84);
  while (fit.height > room && fit.cell > 24) fit = layout(fit.cell - 4);
  const { cell, perRow } = fit;
  const { ctx } = prepare(canvas, Math.max(Math.min(110, room), fit.height));
  if (model.trainer.cols(Slot.Data, What.Plane) !== 2) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(t('none2d'), 12, 24);
    return;
  }
  model.grid(side, planeBox(model));
  let y = 8;
  for (const i of shown) {
    const m = model.mat(Slot.Grid + 1 + i, What.Y);
    if (!m) continue;
    ctx.fillStyle = INK;
    ctx.font = FONT.bold;
    ctx.textAlign = 'left';
    ctx.fillText(`layers[${i}]`, 4, y + 10);
    for (let j = 0; j < m.cols; j++) {
      const col = j % perRow,
        row = Math.floor(j / perRow);
      const mx = 86 + col * (cell + 8),
        my = y + row * (cell + 12);
      paintMap(ctx, m, j, mx, my, cell, 0, null, 2);
      // The unit's index in the map's corner, on a white tab so it reads on any colour.
      ctx.fillStyle = '#fff';
      ctx.fillRect(mx, my, j > 9 ? 22 : 14, 18);
      ctx.fillStyle = INK;
      ctx.font = FONT.text;
      ctx.fillText(`${j}`, mx + 3, my + 9);
    }
    y += Math.ceil(m.cols / perRow) * (cell + 12);
  }
}
