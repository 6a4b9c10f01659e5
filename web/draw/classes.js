// A task of k classes (one-hot targets) on the boundary panel: each class's colour
// (Okabe–Ito, colour-blind safe) and glyph, the plane coloured by the class the network picks
// (paler where it is less sure), the borders between classes, and the legend of colours and
// glyphs. The numbers are the core's: the grid's outputs and, under softmax cross-entropy,
// p = softmax(y) on the grid (What.P of Slot.Grid).

import { Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import { FONT, INK, MUTED } from './colors.js';

/** Each class's colour, class 0 first (Okabe & Ito's palette, told apart with any colour
 *  vision); the glyph beside it carries the class too. */
export const CLASS_COLOURS = ['#e69f00', '#0072b2', '#009e73', '#cc79a7', '#56b4e9'];
/** Each class's glyph: class 0 and 1 as the two-class sets draw them (✕ and ●). */
export const CLASS_GLYPHS = ['✕', '●', '▲', '■', '◆'];

/** The number of classes of the run's targets: their width when one-hot (2 or more columns),
 *  else 0 (one output: a 2-class threshold or a regression). */
export function classCount(model) {
  const k = model.trainer.cols(Slot.Data, What.T);
  return k >= 2 ? k : 0;
}

/** What the run's task is, for the page's legend: {classes (k, or 0), regression (values
 *  rather than classes: no class and no threshold, as a regression set or a CSV's values)}. */
export function taskOf(model) {
  const classes = classCount(model);
  return { classes, regression: !classes && model.threshold() == null };
}

/** The class of row `r` of one-hot rows `m` (the first of its largest entries). */
export function classOf(m, r) {
  let best = 0;
  for (let j = 1; j < m.cols; j++) if (m.at(r, j) > m.at(r, best)) best = j;
  return best;
}

const rgb = CLASS_COLOURS.map((c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)));
const field = { canvas: null, ctx: null, image: null };

/**
 * Paints the plane from the grid's last output `out` (side × side rows): each point the colour
 * of the class with the largest output; its strength from p's largest entry under softmax
 * (1/k: white, 1: the full colour), from the largest output clamped to 0…1 otherwise; full
 * strength when `discrete`. Then strokes the borders between classes.
 */
export function paintClasses(ctx, model, out, x, y, size, discrete) {
  const side = Math.round(Math.sqrt(out.rows));
  const k = out.cols;
  const p = model.mat(Slot.Grid, What.P);
  const soft = p && p.rows === out.rows ? p : null;
  if (!field.canvas || field.canvas.width !== side) {
    field.canvas = new OffscreenCanvas(side, side);
    field.ctx = field.canvas.getContext('2d');
    field.image = field.ctx.createImageData(side, side);
  }
  const px = field.image.data;
  const cls = new Uint8Array(side * side);
  for (let r = 0; r < out.rows; r++) {
    const c = classOf(out, r);
    cls[r] = c;
    const top = soft ? (soft.at(r, c) - 1 / k) / (1 - 1 / k) : out.at(r, c);
    const sure = discrete ? 1 : Math.max(0, Math.min(1, Number.isFinite(top) ? top : 0));
    const f = 0.12 + 0.6 * sure;
    for (let e = 0; e < 3; e++) px[4 * r + e] = Math.round(255 + f * (rgb[c % 5][e] - 255));
    px[4 * r + 3] = 255;
  }
  field.ctx.putImageData(field.image, 0, 0);
  ctx.imageSmoothingEnabled = !discrete;
  ctx.drawImage(field.canvas, x, y, size, size);
  strokeBorders(ctx, cls, side, x, y, size);
  return Boolean(soft);
}

/** Lines between neighbouring grid cells of different classes: dark on a white halo. */
function strokeBorders(ctx, cls, side, x, y, size) {
  const cell = size / side;
  ctx.beginPath();
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const here = cls[r * side + c];
      if (c + 1 < side && cls[r * side + c + 1] !== here) {
        ctx.moveTo(x + (c + 1) * cell, y + r * cell);
        ctx.lineTo(x + (c + 1) * cell, y + (r + 1) * cell);
      }
      if (r + 1 < side && cls[(r + 1) * side + c] !== here) {
        ctx.moveTo(x + c * cell, y + (r + 1) * cell);
        ctx.lineTo(x + (c + 1) * cell, y + (r + 1) * cell);
      }
    }
  }
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  ctx.lineWidth = 4;
  ctx.stroke();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

/** Draws class `c`'s glyph centred at (x, y): filled with its colour (white when `hollow`, a
 *  test point) and outlined dark on a white halo, readable on any colour of the plane. */
export function drawClassGlyph(ctx, x, y, c, hollow, r = 6) {
  const colour = hollow ? '#fff' : CLASS_COLOURS[c % 5];
  ctx.beginPath();
  const shape = c % 5;
  if (shape === 0) {
    // ✕ as two strokes: a thick halo, then the colour over a dark core.
    const cross = () => {
      ctx.beginPath();
      ctx.moveTo(x - r + 1, y - r + 1);
      ctx.lineTo(x + r - 1, y + r - 1);
      ctx.moveTo(x + r - 1, y - r + 1);
      ctx.lineTo(x - r + 1, y + r - 1);
    };
    ctx.lineCap = 'round';
    for (const [style, width] of [
      ['#fff', 6.5],
      [INK, 4.5],
      [hollow ? MUTED : colour, 2.5],
    ]) {
      cross();
      ctx.strokeStyle = hollow && style === INK ? MUTED : style;
      ctx.lineWidth = width;
      ctx.stroke();
    }
    return;
  }
  if (shape === 1) ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === 2) {
    ctx.moveTo(x, y - r - 1);
    ctx.lineTo(x + r + 1, y + r);
    ctx.lineTo(x - r - 1, y + r);
    ctx.closePath();
  } else if (shape === 3) ctx.rect(x - r + 0.5, y - r + 0.5, 2 * r - 1, 2 * r - 1);
  else {
    ctx.moveTo(x, y - r - 1);
    ctx.lineTo(x + r + 1, y);
    ctx.lineTo(x, y + r + 1);
    ctx.lineTo(x - r - 1, y);
    ctx.closePath();
  }
  fillHaloed(ctx, colour, 3, 1.4);
}

/** Fills the current path with `fill`, then outlines it with a white halo `halo` wide and a dark
 *  core `core` wide: a glyph that reads on either end of a colour map. */
export function fillHaloed(ctx, fill, halo, core) {
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = halo;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.lineWidth = core;
  ctx.strokeStyle = INK;
  ctx.stroke();
}

/** The legend at (x, y): a line per class, its colour's swatch with its glyph and its name. */
export function drawClassLegend(ctx, x, y, k) {
  ctx.font = FONT.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (let c = 0; c < k; c++) {
    const ly = y + 12 + 26 * c;
    ctx.fillStyle = CLASS_COLOURS[c % 5];
    ctx.fillRect(x, ly - 9, 18, 18);
    ctx.strokeStyle = MUTED;
    ctx.lineWidth = 1;
    ctx.strokeRect(x, ly - 9, 18, 18);
    drawClassGlyph(ctx, x + 9, ly, c, false, 5);
    ctx.fillStyle = INK;
    ctx.fillText(t('classN')(c), x + 24, ly);
  }
}
