// The matrices panel: a layer's x, W, b, z, mask, y, t, dout, dx, dW, db as numeric cells on the
// diverging colour map with fixed digits (the article's printouts, live), fitted to the panel's
// room (matrix-fit.js): too many to print become heatmaps, never cut. In presenter view only the
// matrices of the phase under way are shown, and the update shows every affine layer's.

import { Slot, What } from '../engine/model.js';
import { nextWords, t } from '../i18n/index.js';
import { lossFormula } from '../lesson/explain.js';
import { drawOne, MARGIN, needsLegend } from './cells.js';
import {
  colorAt,
  context2d,
  cssWidth,
  FONT,
  fmt,
  INK,
  MUTED,
  prepare,
  roomHeight,
} from './colors.js';
import { outside, placed } from './drawn.js';
import { fitMatrices, MAX_COLS, MAX_ROWS, TITLE_H } from './matrix-fit.js';
import { shownMatrices } from './shown-matrices.js';

export { MAX_COLS, MAX_ROWS } from './matrix-fit.js';
export { shownMatrices, UPDATE } from './shown-matrices.js';

// A cell is as wide as its matrix's longest number ("-0.4295": 7 monospace characters) and a
// margin; one character's width is measured once, on first draw (the font never changes).
let CHAR_W = 0;

/** The width of a matrix's numeric cells: its longest printed number and a margin. */
function cellWidth(it) {
  if (it.what === What.Mask) return 3 * CHAR_W + MARGIN;
  let chars = 6;
  const { m } = it;
  for (let r = 0; r < Math.min(m.rows, MAX_ROWS); r++)
    for (let c = 0; c < Math.min(m.cols, MAX_COLS); c++)
      chars = Math.max(chars, fmt(m.at(r, c)).length);
  return chars * CHAR_W + MARGIN;
}
/** Where the page sets the panel no height (not presenter view), the room it takes: this
 *  height at FREE_WIDTH wide or more, and taller as it is narrower (a phone's one column,
 *  which scrolls, keeps the same area and so its numbers), in drawing units. */
const FREE_ROOM = 640;
const FREE_WIDTH = 600;
/** Room for the legend line under the matrices, in drawing units. */
const LEGEND_H = 28;
/** A line of text under the matrices (the loss phase's L). */
const LINE_H = 30;

/** Draws the panel for `layer` (an index, Slot.Loss or UPDATE); with `phase`, only what that
 *  phase is about. `step`: the completed steps. */
export function drawMatrices(
  canvas,
  model,
  layer,
  phase = null,
  step = 1,
  cursor = null,
  quick = false,
) {
  const probe = context2d(canvas);
  if (!CHAR_W) {
    probe.font = FONT.mono;
    CHAR_W = probe.measureText('0').width;
  }
  const items = shownMatrices(model, layer, phase, step).map((it) => {
    const title = it.short ? it.label : `${it.label}  ${it.m.rows}×${it.m.cols}`;
    probe.font = FONT.bold;
    let titleW = probe.measureText(title).width + 4;
    // A matrix not computed yet shows a line of words under its title (cells.js): its room.
    probe.font = FONT.text;
    if (!it.m.ready) titleW = Math.max(titleW, probe.measureText(t('notYet')).width + 4);
    return { ...it, title, titleW, cellW: cellWidth(it) };
  });
  const width = cssWidth(canvas) - 8;
  const extra = layer === Slot.Loss ? LINE_H : 0;
  const room = roomHeight(canvas, FREE_ROOM * Math.max(1, FREE_WIDTH / width)) - 8 - extra;
  // The legend where the matrices leave room for it (it is in the panel's note too), and
  // wherever a heatmap's cells are too small for their signs: paused, colour is never the only
  // cue.
  let fit = fitMatrices(items, width, room - LEGEND_H, 8 * CHAR_W + MARGIN);
  const alone = fitMatrices(items, width, room, 8 * CHAR_W + MARGIN);
  const legend =
    fit.placed.every((p, i) => p.numeric === alone.placed[i].numeric) ||
    alone.placed.some(needsLegend);
  if (!legend) fit = alone;
  const legendH = legend ? LEGEND_H : 0;
  const { ctx, w, h } = prepare(canvas, 8 + fit.height + extra + legendH + 4);
  const records = [];
  if (!fit.placed.length) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(nextWords(model.trainer.next()), 12, 24);
    placed('matrices', records);
    return;
  }
  for (const p of fit.placed) {
    p.x += 4;
    p.y += 4;
    const glyphs = drawOne(ctx, p, quick);
    const clipped = p.clipped || outside(p.x, p.y, p.w, p.h, w, h);
    const { name, x, y } = p;
    const mat = { kind: 'matrix', name, layer: p.layer, x, y, w: p.w, h: p.h, clipped };
    const heat = { cellPx: p.numeric ? null : p.cell, glyphPx: glyphs ? 14 : null };
    records.push({ ...mat, fontPx: p.numeric ? 14 : null, ...heat });
    const title = { kind: 'label', name: `title ${name}`, layer: p.layer, x, y, w: p.titleW };
    records.push({ ...title, h: TITLE_H - 4, clipped, fontPx: 14 });
  }
  // The loss phase's one number: L, the batch's ½·Σ(y − t)² as the article prints it (or the
  // run's own loss, with its penalty's term).
  if (layer === Slot.Loss) {
    const text = `${lossFormula(model)} = ${fmt(model.trainer.loss())}`;
    ctx.font = FONT.bold;
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    const ty = 8 + fit.height + LINE_H / 2;
    ctx.fillText(text, 4, ty);
    const tw = ctx.measureText(text).width;
    records.push({
      kind: 'text',
      name: 'L',
      layer: null,
      x: 4,
      y: ty - 10,
      w: tw,
      h: 20,
      fontPx: 14,
    });
    records[records.length - 1].clipped = outside(4, ty - 10, tw, 20, w, h);
  }
  if (cursor) readOut(ctx, fit.placed, cursor, w, h);
  if (!legend) return placed('matrices', records);
  const ly = 8 + fit.height + extra + LEGEND_H / 2;
  drawLegend(ctx, 4, ly, w - 8);
  records.push({ kind: 'text', name: 'legend', layer: null, x: 4, y: ly - 10, w: LEGEND_W, h: 20 });
  records[records.length - 1].clipped = ly + 10 > h;
  records[records.length - 1].fontPx = 14;
  placed('matrices', records);
}

/** The heatmap cell under `cursor` ({x, y}, drawing units): outlined, and its name and number
 *  on a tab beside it (the heatmap has no room to print them). */
function readOut(ctx, placedItems, cursor, w, h) {
  const p = placedItems.find(
    (q) =>
      !q.numeric &&
      cursor.x >= q.x &&
      cursor.x < q.x + q.gridW &&
      cursor.y >= q.y + TITLE_H &&
      cursor.y < q.y + TITLE_H + q.gridH,
  );
  if (!p) return;
  const r = Math.min(p.m.rows - 1, Math.floor((cursor.y - p.y - TITLE_H) / p.cell));
  const c = Math.min(p.m.cols - 1, Math.floor((cursor.x - p.x) / p.cell));
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.strokeRect(p.x + c * p.cell - 1, p.y + TITLE_H + r * p.cell - 1, p.cell + 2, p.cell + 2);
  const v = p.m.at(r, c);
  const text = `${p.name}[${r}][${c}] = ${p.what === What.Mask ? v : fmt(v)}`;
  ctx.font = FONT.bold;
  const tw = ctx.measureText(text).width;
  const tx = Math.max(2, Math.min(w - tw - 10, cursor.x + 14));
  const ty = Math.max(2, Math.min(h - 26, cursor.y - 30));
  ctx.fillStyle = '#fff';
  ctx.fillRect(tx, ty, tw + 8, 24);
  ctx.strokeRect(tx, ty, tw + 8, 24);
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.fillText(text, tx + 4, ty + 12);
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
