// Colours, number formatting and canvas set-up shared by the panels. The diverging colour table
// (ColorBrewer purple–orange, colour-blind safe) comes from Rust once at start-up.

let lut = null;
let css = [];
let packed = null;

/** Keeps the 256-entry RGBA table: index 0 = most negative, 128 = zero, 255 = most positive. */
export function setColormap(bytes) {
  lut = bytes;
  // The CSS string of every entry, built once rather than per cell per frame.
  css = Array.from({ length: 256 }, (_, k) => `rgb(${lut[4 * k]},${lut[4 * k + 1]},${lut[4 * k + 2]})`);
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

/** The table as one 32-bit word per entry (RGBA bytes in memory order), for filling ImageData
 *  through a Uint32Array view. */
export function packedTable() { return packed; }

/** Sign colours for lines and glyphs: purple for +, orange for −. */
export const POS = '#5e3c99';
export const NEG = '#e66101';
export const INK = '#1b1b1b';
export const MUTED = '#6b6b6b';
export const ACTIVE = '#0b57d0';

/** Fixed 4 decimals with a real minus sign, as the article prints; ±Inf and NaN spelled out. */
export function fmt(v, digits = 4) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '−Inf';
  // Past 4 integer digits the fixed form would not fit a cell: 3 significant digits instead.
  const s = Math.abs(v) >= 1e4 ? v.toExponential(2) : Math.abs(v) >= 1e3 ? v.toFixed(1) : v.toFixed(digits);
  return s.startsWith('-') ? '−' + s.slice(1) : s;
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

/**
 * Sizes a canvas to its CSS width and `height` CSS pixels (times devicePixelRatio, so text is
 * sharp on projectors), clears it and returns its 2-D context in CSS-pixel units. Each panel
 * computes its height from its content.
 */
export function prepare(canvas, height) {
  const dpr = window.devicePixelRatio || 1;
  const w = cssWidth(canvas);
  const h = Math.round(height);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.height = `${h}px`;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.textBaseline = 'middle';
  return { ctx, w, h };
}

// CSS widths, read once and again only after a resize: reading clientWidth after the header's
// text changed would force a synchronous layout on every frame.
let widths = new WeakMap();

/** A canvas's CSS width, cached until the next [`forgetSizes`]. */
export function cssWidth(canvas) {
  let w = widths.get(canvas);
  if (w === undefined) {
    w = canvas.clientWidth || 300;
    widths.set(canvas, w);
  }
  return w;
}

/** Forgets cached widths (call on resize). */
export function forgetSizes() { widths = new WeakMap(); }

/** The panel font at `px` CSS pixels. The panels keep to a few sizes (12–16, 18) and two
 *  weights: every distinct size and weight costs the browser a font lookup on first use,
 *  which is most of a cold first frame. */
export function font(px, weight = 400) {
  return `${weight} ${px}px system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif`;
}
