// Colours, number formatting, fonts and canvas set-up shared by the panels. The diverging colour
// table (ColorBrewer purple–orange, colour-blind safe) comes from Rust once at start-up; canvas
// widths and the pixel ratio come from the page, which measures them.

let lut = null;
let css = [];
let packed = null;

/** Keeps the 256-entry RGBA table: index 0 = most negative, 128 = zero, 255 = most positive. */
export function setColormap(bytes) {
  lut = bytes;
  // The CSS string of every entry, built once rather than per cell per frame.
  css = Array.from(
    { length: 256 },
    (_, k) => `rgb(${lut[4 * k]},${lut[4 * k + 1]},${lut[4 * k + 2]})`,
  );
  // Each entry's four bytes as one word, to write a pixel of ImageData in one store.
  packed = new Uint32Array(new Uint8Array(lut).buffer);
}

/** The table index for `v` on a symmetric scale of ±`scale`. */
export function lutIndex(v, scale) {
  if (!(scale > 0) || !Number.isFinite(v)) return 128;
  const k = Math.round(127.5 + 127.5 * Math.max(-1, Math.min(1, v / scale)));
  return Math.max(0, Math.min(255, k));
}

/** A CSS colour for `v` on a symmetric scale of ±`scale`. */
export function color(v, scale) {
  return css[lutIndex(v, scale)];
}

/** The CSS colour of table entry `k`. */
export function colorAt(k) {
  return css[k];
}

/** The smallest colour scale of a matrix's cells: a matrix of tiny values stays pale. */
export const CELL_SCALE_FLOOR = 0.01;

/** The colour scale of a matrix's cells: its largest |value|, at least CELL_SCALE_FLOOR. */
export function cellScale(values) {
  return Math.max(maxAbs(values), CELL_SCALE_FLOOR);
}

/** The table index of a matrix cell: neutral (128) when its number prints as 0.0000, whatever
 *  the scale; otherwise `v` on ±`scale`. */
export function cellIndex(v, scale) {
  if (Math.abs(v) < 0.001 && fmt(v) === '0.0000') return 128;
  return lutIndex(v, scale);
}

/** The table as one 32-bit word per entry (RGBA bytes in memory order), for filling ImageData
 *  through a Uint32Array view. */
export function packedTable() {
  return packed;
}

/** Sign colours for lines and glyphs: purple for +, orange for −. */
export const POS = '#5e3c99';
export const NEG = '#e66101';
export const INK = '#1b1b1b';
export const MUTED = '#6b6b6b';
export const ACTIVE = '#0b57d0';

/** Fixed 4 decimals with a real minus sign, as the article prints; ±Inf and NaN spelled out.
 *  The page's one number format: cells, formulas, header, inspector and text alternatives. */
export function fmt(v, digits = 4) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '−Inf';
  // Past 4 integer digits the fixed form would not fit a cell: 3 significant digits instead.
  const s =
    Math.abs(v) >= 1e4 ? v.toExponential(2) : Math.abs(v) >= 1e3 ? v.toFixed(1) : v.toFixed(digits);
  // A value that prints as zero prints without a sign (never −0.0000).
  if (!/[1-9]/.test(s)) return s.replace('-', '');
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Largest |v| in an array-like (1 if all zero), for scaling colours. */
export function maxAbs(values) {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m || 1;
}

// The panels draw on OffscreenCanvases in a worker, which has no layout: the page sends each
// canvas's CSS width, the device pixel ratio, the zoom (presenter view draws everything 1.3×
// larger, so 14 px text shows at 18 px) and the most CSS height a panel may take (presenter
// view fits the screen), and gets back the heights the panels chose.
const geometry = {
  dpr: 1,
  zoom: 1,
  widths: new Map(),
  most: new Map(),
  heights: new Map(),
  changed: [],
};

/** Sets the device pixel ratio, the CSS width of each canvas (a Map; on start and resize), the
 *  zoom and the most CSS height of each canvas (a Map; absent = no limit). */
export function setGeometry(dpr, widths, zoom = 1, most = new Map()) {
  geometry.dpr = dpr > 0 ? dpr : 1;
  geometry.zoom = zoom > 0 ? zoom : 1;
  geometry.widths = widths;
  geometry.most = most;
}

/** Canvas pixels per drawing unit: the device pixel ratio times the zoom. */
export function pixelRatio() {
  return geometry.dpr * geometry.zoom;
}

/** A canvas's width in the units the panels draw in: CSS pixels over the zoom. */
export function cssWidth(canvas) {
  return (geometry.widths.get(canvas) || 300) / geometry.zoom;
}

/** The most height a panel may take, in drawing units (`fallback` where the page sets none). */
export function roomHeight(canvas, fallback = 640) {
  const most = geometry.most.get(canvas);
  return most ? most / geometry.zoom : fallback;
}

/** The canvases whose CSS height changed since the last call, as [canvas, px] pairs. */
export function takeHeights() {
  const changed = geometry.changed;
  geometry.changed = [];
  return changed;
}

/** Each canvas's 2-D context, asked for once: Firefox refuses a second getContext on a canvas
 *  handed to a worker once it has been resized ("Cannot update created context to different
 *  thread"), and the worker could not take the run. */
const contexts = new WeakMap();

/** The 2-D context of `canvas` (the same object every time). */
export function context2d(canvas) {
  let ctx = contexts.get(canvas);
  if (!ctx) {
    ctx = canvas.getContext('2d');
    contexts.set(canvas, ctx);
  }
  return ctx;
}

/**
 * Sizes a canvas to its width and `height` (in drawing units: CSS pixels over the zoom, and at
 * most the canvas's limit), times the pixel ratio so text is sharp on projectors; clears it and
 * returns its 2-D context in drawing units. Each panel computes its height from its content;
 * the page applies it (in CSS pixels) to the element.
 */
export function prepare(canvas, height) {
  const { dpr, zoom } = geometry;
  const scale = dpr * zoom;
  const w = cssWidth(canvas);
  const most = geometry.most.get(canvas);
  const h = Math.round(most ? Math.min(height, most / zoom) : height);
  if (canvas.width !== Math.round(w * scale) || canvas.height !== Math.round(h * scale)) {
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
  }
  const css = Math.round(h * zoom);
  if (geometry.heights.get(canvas) !== css) {
    geometry.heights.set(canvas, css);
    geometry.changed.push([canvas, css]);
  }
  const ctx = context2d(canvas);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.textBaseline = 'middle';
  return { ctx, w, h };
}

const FAMILY = 'system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif';

/** The panels' fonts, the only ones they use: every distinct size and weight costs the browser
 *  a font lookup on first use (a round trip to the browser process), which is much of a cold
 *  first frame. */
export const FONT = {
  text: `400 14px ${FAMILY}`,
  bold: `700 14px ${FAMILY}`,
  big: `700 18px ${FAMILY}`,
  mono: '14px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
};

/** Looks every panel font up once (Latin and Japanese text), so the first frame finds them
 *  ready: the worker calls this while the page is still being laid out. */
export function warmFonts() {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d');
  for (const f of Object.values(FONT)) {
    ctx.font = f;
    ctx.measureText('0.1234 −×');
  }
}
