// Fitting the matrices panel's matrices into the room it has: shelves left to right, each
// matrix as printed numbers (18 CSS px in presenter view, never smaller) or, when the numbers
// cannot fit (more than 8 rows or columns, or not enough room), as a heatmap whose cells shrink
// to the room. Nothing is cut: a matrix is shown whole or drawn smaller.

/** A numeric cell's height and the title line above a matrix, in drawing units. */
export const CELL_H = 24;
export const TITLE_H = 22;
const GAP_X = 10;
const GAP_Y = 10;
/** Most rows and columns a matrix prints as numbers; a larger one is always a heatmap. */
export const MAX_ROWS = 8;
export const MAX_COLS = 8;
/** The largest heatmap cell (no bigger than a numeric cell) and the smallest tried. */
const HEAT_MAX = 22;
const HEAT_MIN = 0.5;

/** The box of one matrix: numbers in cells `cellW` wide (or its own, `it.cellW`), or a heatmap
 *  of cells `s` across. */
function box(it, numeric, s, widest) {
  const { rows, cols } = it.m;
  const cellW = it.cellW ?? widest;
  const w = numeric ? cols * cellW : cols * s;
  // One not computed yet holds a line of words instead (cells.js).
  const h = it.m.ready === false ? CELL_H : numeric ? rows * CELL_H : rows * s;
  return { w: Math.max(w, it.titleW), h: TITLE_H + h, gridW: w, gridH: h };
}

/** Shelf-packs the boxes into `roomW`: [{x, y, ...box}] and the height used (an item marked
 *  `shelf` begins a new one). */
function pack(items, numeric, s, cellW, roomW) {
  let x = 0,
    y = 0,
    bandH = 0,
    widest = 0;
  const out = items.map((it, i) => {
    const b = box(it, numeric[i], Math.min(s, HEAT_MAX), cellW);
    if (x > 0 && (x + b.w > roomW || it.shelf)) {
      x = 0;
      y += bandH + GAP_Y;
      bandH = 0;
    }
    const p = {
      ...it,
      ...b,
      x,
      y,
      numeric: numeric[i],
      cell: numeric[i] ? (it.cellW ?? cellW) : s,
    };
    x += b.w + GAP_X;
    widest = Math.max(widest, x - GAP_X);
    bandH = Math.max(bandH, b.h);
    return p;
  });
  return { placed: out, height: y + bandH, widest };
}

/** How long a matrix keeps its numbers, lowest first: its `keep` (shown-matrices.js), else 1. */
const keep = (it) => it.keep ?? 1;

/** Which numeric matrix turns into a heatmap next: of those that keep their numbers the least
 *  long, the one whose heatmap saves the most height. */
function nextHeat(items, numeric, cellW, roomW) {
  let pool = items.map((_, i) => i).filter((i) => numeric[i]);
  const least = Math.min(...pool.map((i) => keep(items[i])));
  pool = pool.filter((i) => keep(items[i]) === least);
  let best = -1,
    lowest = Infinity;
  for (const i of pool) {
    const trial = numeric.map((n, k) => n && k !== i);
    const { height } = pack(items, trial, HEAT_MAX, cellW, roomW);
    if (height < lowest) [best, lowest] = [i, height];
  }
  return best;
}

/**
 * Places `items` ([{m, titleW, ...}]) in `roomW` × `roomH` drawing units with numeric cells
 * `cellW` wide: returns {placed: [{x, y, w, h, gridW, gridH, numeric, cell, clipped, ...it}],
 * height}, `placed` in the order of `items`. Numbers where they fit; otherwise the largest
 * matrices become heatmaps, as large as the room allows. The shelves follow the order given,
 * unless putting the matrices too large ever to print (a batch of 10's x and z) after the others,
 * on shelves of their own, keeps more numbers or makes the heatmaps' cells clearly larger: then
 * those share shelves instead of each taking one between the numbers.
 */
export function fitMatrices(items, roomW, roomH, cellW) {
  const given = fitInOrder(items, roomW, roomH, cellW);
  const large = (i) => items[i].m.rows > MAX_ROWS || items[i].m.cols > MAX_COLS;
  const all = items.map((_, i) => i);
  const order = [...all.filter((i) => !large(i)), ...all.filter(large)];
  if (order.every((i, k) => i === k)) return given;
  // The large ones begin a shelf of their own.
  const firstLarge = order.findIndex(large);
  const reordered = order.map((i, k) =>
    k === firstLarge ? { ...items[i], shelf: true } : items[i],
  );
  const moved = fitInOrder(reordered, roomW, roomH, cellW);
  if (!better(moved, given)) return given;
  const placed = [];
  order.forEach((i, k) => {
    placed[i] = moved.placed[k];
  });
  return { ...moved, placed };
}

const numbers = (fit) => fit.placed.filter((p) => p.numeric).length;
/** The heatmaps' cell (one size for all of a fit's), or 0 for a fit without any. */
const heatCell = (fit) => fit.placed.find((p) => !p.numeric)?.cell ?? 0;

/** Whether fit `a` shows more than `b`: more matrices as numbers, or as many and heatmap cells
 *  a fifth larger or more (a small gain keeps the order as given). */
function better(a, b) {
  const more = numbers(a) - numbers(b);
  return more !== 0 ? more > 0 : heatCell(a) > 0 && heatCell(a) >= 1.2 * heatCell(b);
}

function fitInOrder(items, roomW, roomH, cellW) {
  const numeric = items.map(
    (it) =>
      it.m.rows <= MAX_ROWS && it.m.cols <= MAX_COLS && it.m.cols * (it.cellW ?? cellW) <= roomW,
  );
  for (;;) {
    for (let s = HEAT_MAX; s >= HEAT_MIN; s *= 0.85) {
      // A heatmap never wider than the room.
      const p = pack(items, numeric, s, cellW, roomW);
      if (p.height <= roomH && p.widest <= roomW) return finish(p, roomW, roomH);
    }
    const next = nextHeat(items, numeric, cellW, roomW);
    if (next < 0) break;
    numeric[next] = false;
  }
  return finish(pack(items, numeric, HEAT_MIN, cellW, roomW), roomW, roomH);
}

function finish(p, roomW, roomH) {
  for (const it of p.placed) it.clipped = it.x + it.w > roomW + 0.5 || it.y + it.h > roomH + 0.5;
  return p;
}
