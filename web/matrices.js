// The matrices panel: the chosen layer's x, W, b, z, mask, y, t, dout, dx, dW, db as numeric
// cells on the diverging colour map with fixed digits (the article's printouts, live). Long
// matrices show their first rows and say how many are left out. In presenter view only the
// matrices of the phase under way are shown.

import {
  cellIndex,
  cellScale,
  colorAt,
  context2d,
  cssWidth,
  FONT,
  fmt,
  INK,
  MUTED,
  prepare,
} from './colors.js';
import { nextWords, t } from './i18n.js';
import { Slot, What } from './model.js';

const CELL_H = 24;
// A cell is 9 monospace characters wide: up to 8 for the number, 1 gap.
const CHARS = 9;
// Measured once, on first draw: the font never changes.
let CELL_W = 0;
export const MAX_ROWS = 8;
export const MAX_COLS = 8;

/** The matrices to show for a layer kind, as [label, layer, what]. */
function matList(kind, layer) {
  if (layer === Slot.Loss)
    return [
      ['y', Slot.Loss, What.Y],
      ['t', Slot.Loss, What.T],
      ['dL/dy = y − t', Slot.Loss, What.Dy],
    ];
  if (kind === 'affine') {
    return [
      ['x', layer, What.X],
      ['W', layer, What.W],
      ['b', layer, What.B],
      ['z = x·W + b', layer, What.Y],
      ['dout', layer, What.Dout],
      ['dx = dout·Wᵀ', layer, What.Dx],
      ['dW = xᵀ·dout', layer, What.Dw],
      ['db = Σ dout', layer, What.Db],
      [`W (${t('before')})`, layer, What.WBefore],
    ];
  }
  const rows = [['x', layer, What.X]];
  if (kind === 'relu') rows.push(['mask (x ≤ 0)', layer, What.Mask]);
  rows.push(['y', layer, What.Y], ['dout', layer, What.Dout], ['dx', layer, What.Dx]);
  return rows;
}

/** The labels a phase is about (presenter view shows only these, so they fit one screen):
 *  forward its inputs and outputs, backward its gradients, the update the weights before and
 *  after with dW between them. */
const FOCUS = {
  forward: ['x', 'W', 'b', 'z = x·W + b', 'mask (x ≤ 0)', 'y'],
  backward: ['dout', 'dx = dout·Wᵀ', 'dW = xᵀ·dout', 'db = Σ dout', 'mask (x ≤ 0)', 'dx'],
  update: ['W (before)', 'dW = xᵀ·dout', 'W', 'db = Σ dout', 'b'],
};

/** The matrices the panel shows for `layer` (an index, or Slot.Loss) and `phase` (null: all),
 *  as [{label, what, m}] (the text alternative lists the same ones). */
export function shownMatrices(model, layer, phase = null) {
  const kind = layer === Slot.Loss ? 'loss' : model.kinds()[layer];
  const focus = FOCUS[phase === 'idle' ? 'update' : phase];
  const before = `W (${t('before')})`;
  return matList(kind, layer)
    .filter(([label]) => !focus || focus.includes(label === before ? 'W (before)' : label))
    .map(([label, l, what]) => ({ label, what, m: model.mat(l, what) }))
    .filter((it) => it.m && it.m.rows > 0 && it.m.cols > 0);
}

/** Draws the panel for `layer` (an index, or Slot.Loss); with `phase`, only what that phase is
 *  about. */
export function drawMatrices(canvas, model, layer, phase = null) {
  const items = shownMatrices(model, layer, phase);
  if (!CELL_W) {
    const probe = context2d(canvas);
    probe.font = FONT.mono;
    CELL_W = CHARS * probe.measureText('0').width;
  }
  // Lay the matrices out left to right, wrapping to new bands.
  const width = cssWidth(canvas);
  let x = 8,
    y = 8,
    bandH = 0;
  const placed = items.map((it) => {
    // As many columns as the panel's width holds (presenter view's is narrower), the rest
    // counted as "+N".
    const fits = Math.max(1, Math.floor((width - 48) / CELL_W));
    const shownR = Math.min(it.m.rows, MAX_ROWS),
      shownC = Math.min(it.m.cols, MAX_COLS, fits);
    // Wide enough for the title too (under 9 px per character at 14 px bold).
    const title = `${it.label}  ${it.m.rows}×${it.m.cols}`;
    const boxW = Math.max(shownC * CELL_W, 9 * title.length),
      boxH = 26 + shownR * CELL_H + (it.m.rows > MAX_ROWS ? 20 : 0);
    if (x + boxW > width - 8 && x > 8) {
      x = 8;
      y += bandH + 14;
      bandH = 0;
    }
    const p = { ...it, x, y, shownR, shownC };
    x += boxW + 18;
    bandH = Math.max(bandH, boxH);
    return p;
  });
  // The colour legend: beside the last band's matrices if there is room there (presenter view
  // has no height to spare), else under them.
  const beside = width - 8 - x >= LEGEND_W;
  const { ctx } = prepare(canvas, y + bandH + (placed.length && !beside ? 44 : 12));
  if (!placed.length) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(nextWords(model.trainer.next()), 12, 24);
    return;
  }
  for (const p of placed) drawOne(ctx, p);
  if (beside) drawLegend(ctx, x, y + 10, width - 8 - x);
  else drawLegend(ctx, 8, y + bandH + 22, width - 16);
}

/** The legend's swatch with its signs, in drawing units (the words follow where they fit). */
const LEGEND_W = 100;

/** What a cell's colour means (drawn in the canvas, so in the PNG too): a swatch from −,
 *  through white at 0, to +, then the rule in words if they fit in `room`. */
function drawLegend(ctx, x, y, room) {
  const wide = LEGEND_W - 32;
  for (let k = 0; k < wide; k++) {
    ctx.fillStyle = colorAt(Math.round((255 * k) / (wide - 1)));
    ctx.fillRect(x + 12 + k, y - 8, 1.5, 16);
  }
  ctx.font = FONT.bold;
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.fillText('−', x + 4, y);
  ctx.fillText('+', x + 20 + wide, y);
  ctx.font = FONT.text;
  ctx.textAlign = 'left';
  ctx.fillStyle = MUTED;
  const words = t('matrixLegend');
  if (ctx.measureText(words).width <= room - LEGEND_W - 4) ctx.fillText(words, x + 32 + wide, y);
}

function drawOne(ctx, p) {
  const { m, x, y } = p;
  ctx.fillStyle = INK;
  ctx.font = FONT.bold;
  ctx.textAlign = 'left';
  ctx.fillText(`${p.label}  ${m.rows}×${m.cols}`, x, y + 10);
  const mask = p.what === What.Mask;
  const scale = mask ? 1 : cellScale(m.data);
  // All the cell backgrounds first, then the numbers by text colour (white on dark cells,
  // black on pale ones): alternating rectangles and text costs several times more.
  const dark = [];
  for (let r = 0; r < p.shownR; r++) {
    for (let c = 0; c < p.shownC; c++) {
      const v = m.at(r, c);
      const k = cellIndex(v, scale);
      ctx.fillStyle = mask ? (v ? '#4a4a4a' : '#f1f1f1') : colorAt(k);
      ctx.fillRect(x + c * CELL_W, y + 24 + r * CELL_H, CELL_W - 2, CELL_H - 2);
      dark.push(mask ? v === 1 : Math.abs(k - 128) > 80);
    }
  }
  ctx.font = FONT.mono;
  // Right-aligned, one short string per cell: shaping costs per character, so this is cheaper
  // than whole rows padded with spaces.
  ctx.textAlign = 'right';
  for (const onDark of [true, false]) {
    ctx.fillStyle = onDark ? '#fff' : INK;
    for (let r = 0; r < p.shownR; r++) {
      for (let c = 0; c < p.shownC; c++) {
        if (dark[r * p.shownC + c] !== onDark) continue;
        const v = m.at(r, c);
        const text = mask ? (v ? '× 1' : '○ 0') : fmt(v).replace('−', '-');
        ctx.fillText(
          text,
          x + (c + 1) * CELL_W - CELL_W / CHARS,
          y + 24 + r * CELL_H + (CELL_H - 2) / 2,
        );
      }
    }
  }
  ctx.font = FONT.text;
  if (m.cols > p.shownC) {
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'left';
    ctx.fillText(`+${m.cols - p.shownC}`, x + p.shownC * CELL_W + 2, y + 24 + CELL_H / 2);
  }
  if (m.rows > MAX_ROWS) {
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'left';
    ctx.fillText(t('moreRows')(m.rows - MAX_ROWS), x, y + 24 + p.shownR * CELL_H + 10);
  }
}
