// One matrix of the matrices panel: its title and its cells, as numbers on the diverging colour
// map or, when too many to print, as a heatmap whose cells, where they are large enough, carry
// their sign (or the mask's mark) as a glyph, so that paused, colour is never the only cue.

import { What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import { cellIndex, cellScale, colorAt, FONT, fmt, INK, MUTED, packedTable } from './colors.js';
import { CELL_H, TITLE_H } from './matrix-fit.js';

/** Room beside a numeric cell's number, in drawing units. */
export const MARGIN = 5;
/** The smallest heatmap cell that carries a glyph (drawing units): one character of FONT.bold,
 *  the numbers' size (−, +, ×, ○ and 0 are under 12 units of ink), with a unit around it. */
const GLYPH_MIN = 13;

/** Whether a placed matrix (matrix-fit.js) is a heatmap whose cells carry glyphs when paused. */
const carriesGlyphs = (p) => !p.numeric && p.m.ready && p.cell >= GLYPH_MIN;

/** Whether a placed matrix's colours need the legend beside them: a signed heatmap (a mask's
 *  two shades are not on its scale) whose cells are too small for their glyphs. */
export const needsLegend = (p) =>
  !p.numeric && p.m.ready && p.what !== What.Mask && !carriesGlyphs(p);

/** A heatmap cell's glyph: the sign of the number the cell would print (`0` where it prints
 *  as zero, as `fmt` drops the sign there; `?` for NaN), or the ReLU mask's mark. */
function glyph(v, mask) {
  if (mask) return v ? '×' : '○';
  if (Number.isNaN(v)) return '?';
  if (!Number.isFinite(v) || /[1-9]/.test(fmt(v))) return v < 0 ? '−' : '+';
  return '0';
}

/** One matrix: its title, then its cells as numbers or as a heatmap (`quick`: see
 *  paintImage). Returns whether the heatmap's cells carry glyphs (a paused frame's, cells of at
 *  least GLYPH_MIN; while playing they change faster than anyone reads them). */
export function drawOne(ctx, p, quick = false) {
  const { m, x, cell } = p;
  const y = p.y + TITLE_H;
  const mask = p.what === What.Mask;
  const scale = mask ? 1 : cellScale(m.data);
  ctx.fillStyle = INK;
  ctx.font = FONT.bold;
  ctx.textAlign = 'left';
  ctx.fillText(p.title, x, p.y + 10);
  if (!m.ready) {
    // Not computed by this run yet (the core says): words, not the zeros of an empty buffer.
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(t('notYet'), x, y + CELL_H / 2);
    return false;
  }
  const ch = p.numeric ? CELL_H : cell;
  const gap = p.numeric ? 2 : cell >= 6 ? 1 : 0;
  if (quick && !p.numeric && !mask) {
    if (gap === 0) paintImage(ctx, m, scale, x, y, cell, ch);
    else paintByColour(ctx, m, scale, x, y, cell, ch, gap);
    return false;
  }
  // All the cell backgrounds first, then the numbers by text colour (white on dark cells,
  // black on pale ones): alternating rectangles and text costs several times more.
  const dark = [];
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      const v = m.at(r, c);
      const k = cellIndex(v, scale);
      ctx.fillStyle = mask ? (v ? '#4a4a4a' : '#f1f1f1') : colorAt(k);
      ctx.fillRect(x + c * cell, y + r * ch, cell - gap, ch - gap);
      dark.push(mask ? v === 1 : Math.abs(k - 128) > 80);
    }
  }
  if (!p.numeric) return !quick && carriesGlyphs(p) && glyphs(ctx, m, mask, x, y, cell, dark);
  ctx.font = FONT.mono;
  // Right-aligned, one short string per cell: shaping costs per character, so this is cheaper
  // than whole rows padded with spaces.
  ctx.textAlign = 'right';
  for (const onDark of [true, false]) {
    ctx.fillStyle = onDark ? '#fff' : INK;
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        if (dark[r * m.cols + c] !== onDark) continue;
        const v = m.at(r, c);
        const text = mask ? (v ? '× 1' : '○ 0') : fmt(v).replace('−', '-');
        ctx.fillText(text, x + (c + 1) * cell - MARGIN / 2 - 1, y + r * ch + (ch - 2) / 2);
      }
    }
  }
}

/** Each heatmap cell's glyph at its centre, white on dark cells and ink on pale ones. */
function glyphs(ctx, m, mask, x, y, cell, dark) {
  ctx.font = FONT.bold;
  ctx.textAlign = 'center';
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      ctx.fillStyle = dark[r * m.cols + c] ? '#fff' : INK;
      ctx.fillText(glyph(m.at(r, c), mask), x + (c + 0.5) * cell - 0.5, y + (r + 0.5) * cell - 0.5);
    }
  }
  return true;
}

/** While playing, a heatmap is painted without a rectangle and a colour change per cell
 *  (thousands for a batch of 500): cells that touch (no gap) as one pixel each of a small
 *  image, scaled up without smoothing; cells with gaps grouped by colour, one path each. Cell
 *  edges may then fall a pixel apart from a paused frame's, which paints cell by cell. */
const images = new Map();
function paintImage(ctx, m, scale, x, y, cell, ch) {
  const key = `${m.cols}x${m.rows}`;
  let s = images.get(key);
  if (!s) {
    const canvas = new OffscreenCanvas(m.cols, m.rows);
    const c2d = canvas.getContext('2d');
    const image = c2d.createImageData(m.cols, m.rows);
    s = { canvas, c2d, image, words: new Uint32Array(image.data.buffer) };
    images.set(key, s);
  }
  const lut = packedTable();
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) s.words[r * m.cols + c] = lut[cellIndex(m.at(r, c), scale)];
  }
  s.c2d.putImageData(s.image, 0, 0);
  const smooth = ctx.imageSmoothingEnabled;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(s.canvas, x, y, m.cols * cell, m.rows * ch);
  ctx.imageSmoothingEnabled = smooth;
}

function paintByColour(ctx, m, scale, x, y, cell, ch, gap) {
  const paths = new Map();
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      const k = cellIndex(m.at(r, c), scale);
      if (!paths.has(k)) paths.set(k, new Path2D());
      paths.get(k).rect(x + c * cell, y + r * ch, cell - gap, ch - gap);
    }
  }
  for (const [k, path] of paths) {
    ctx.fillStyle = colorAt(k);
    ctx.fill(path);
  }
}
