// The loss panel: the training and the test loss after every step on the same footing (the mean
// per sample over the whole set, computed in the core), linear or log scale, with ticks on both
// axes, and the exact values of the step under the pointer (or chosen with the arrow keys when
// the canvas has focus), next to that step's batch loss (the header's 0.5·Σ).

import { t } from '../i18n/index.js';
import { FONT, fmt, INK, MUTED, NEG, POS, prepare } from './colors.js';
import { niceTicks, tickLabel } from './ticks.js';

const PAD_R = 14;
const PAD_T = 26;
const PAD_B = 24;
/** The curves' formula, drawn in the legend's row when it fits. */
const FORMULA = 'L = (1/n)·Σᵢ ½‖yᵢ − tᵢ‖²';

/** Pointer/keyboard cursor: the step being read out, or -1 for the latest. */
export const lossCursor = { index: -1 };

/** Where the plot starts (the left padding, which the tick labels set) and the canvas's width,
 *  in drawing units, as last drawn: the pointer's place is read against them. */
let padLeft = 64;
let drawnWidth = 300;

/** The range of the series seen so far, extended as steps are added, so a long run does not
 *  rescan every step each frame. `epoch` changes when the series start again or change. */
const range = { epoch: -1, log: false, n: 0, lo: Infinity, hi: -Infinity };

function seriesRange(series, n, epoch, log, f) {
  if (range.epoch !== epoch || range.log !== log || range.n > n) {
    Object.assign(range, { epoch, log, n: 0, lo: Infinity, hi: -Infinity });
  }
  for (const s of series) {
    for (let i = range.n; i < s.length; i++) {
      const v = f(s[i]);
      if (Number.isFinite(v)) {
        range.lo = Math.min(range.lo, v);
        range.hi = Math.max(range.hi, v);
      }
    }
  }
  range.n = n;
  return [range.lo, range.hi];
}

/** Strokes one series through its known points (`value(i)`; the steps a long run leaves out
 *  are NaN and joined over, ±Inf leaves a gap), at most about one point per pixel. */
function stroke(ctx, n, value, xOf, yOf, stride) {
  ctx.beginPath();
  let open = false;
  const at = (i) => {
    const v = value(i);
    if (Number.isNaN(v)) return false;
    const y = yOf(v);
    if (!Number.isFinite(y)) {
      open = false;
      return true;
    }
    if (open) ctx.lineTo(xOf(i), y);
    else ctx.moveTo(xOf(i), y);
    open = true;
    return true;
  };
  for (let i = 0; i < n; i += stride) {
    // A step left out: the next known one within this stride stands for it.
    for (let j = i; j < Math.min(n, i + stride) && !at(j); j++);
  }
  if (n > 1) at(n - 1);
  ctx.stroke();
}

/** The two series' styles: training solid purple, test dashed orange (shape, not colour, tells
 *  them apart too). */
const STYLES = [
  { key: 'lossTrain', color: POS, dash: [] },
  { key: 'lossTest', color: NEG, dash: [9, 5] },
];

/**
 * Draws `curves` ({train, test, batch}: Float32Array views; train and test hold steps 0…k, batch
 * the batch loss of steps 1…k), `epoch` changing when they start again, `log` choosing the
 * scale; returns the read-out line for the page ('' before anything is measured).
 */
export function drawLoss(canvas, curves, epoch, log) {
  const { ctx, w, h } = prepare(canvas, 250);
  const { train, test, batch, now } = curves;
  const n = train.length;
  const series = Number.isNaN(now[1]) ? [train] : [train, test];
  // Series k's value at step i: the last step's is always known (`now`).
  const value = (k, i) => (i === n - 1 ? now[k] : series[k][i]);
  const f = (v) => (log ? Math.log10(v > 0 ? v : Number.NaN) : v);
  let [lo, hi] = seriesRange(series, n, epoch, log, f);
  for (const v of now.slice(0, series.length).map(f)) {
    if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  if (!Number.isFinite(lo)) [lo, hi] = log ? [-1, 0] : [0, 1];
  if (!log) lo = Math.min(lo, 0);
  if (hi - lo < 1e-9) hi = lo + (log ? 1 : Math.max(1, Math.abs(lo)));
  const yTicks = niceTicks(lo, hi, log, Math.max(2, Math.floor((h - PAD_T - PAD_B) / 34)));
  ctx.font = FONT.text;
  const labels = yTicks.map((v) => tickLabel(v, log));
  padLeft = 12 + Math.max(...labels.map((s) => ctx.measureText(s).width), 24);
  drawnWidth = w;
  const x0 = padLeft,
    x1 = w - PAD_R,
    y0 = PAD_T,
    y1 = h - PAD_B;
  const xOf = (i) => x0 + ((x1 - x0) * i) / Math.max(1, n - 1);
  const yOf = (v) => y1 - ((y1 - y0) * (f(v) - lo)) / (hi - lo);
  // Grid and y ticks.
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  yTicks.forEach((v, k) => {
    const y = y1 - ((y1 - y0) * ((log ? Math.log10(v) : v) - lo)) / (hi - lo);
    ctx.strokeStyle = '#e2e2e2';
    ctx.beginPath();
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
    ctx.stroke();
    ctx.fillStyle = INK;
    ctx.fillText(labels[k], x0 - 6, y);
  });
  ctx.strokeStyle = MUTED;
  ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
  // x ticks: step numbers, and the axis's name at its right end (ticks that would touch it are
  // left out).
  const name = `${t('axisStep')} →`;
  const nameAt = x1 - ctx.measureText(name).width - 12;
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'right';
  ctx.fillText(name, x1, y1 + 13);
  ctx.textAlign = 'center';
  ctx.fillStyle = INK;
  ctx.strokeStyle = MUTED;
  const most = Math.max(2, Math.floor((x1 - x0) / 80));
  for (const s of niceTicks(0, Math.max(1, n - 1), false, most)) {
    if (s !== Math.round(s) || s > Math.max(0, n - 1)) continue;
    const label = String(s);
    if (xOf(s) + ctx.measureText(label).width / 2 > nameAt) continue;
    ctx.beginPath();
    ctx.moveTo(xOf(s), y1);
    ctx.lineTo(xOf(s), y1 + 4);
    ctx.stroke();
    ctx.fillText(label, xOf(s), y1 + 13);
  }
  // The legend: a short line in each series' style, then its name.
  let lx = x0;
  ctx.textAlign = 'left';
  series.forEach((_s, k) => {
    const st = STYLES[k];
    ctx.strokeStyle = st.color;
    ctx.setLineDash(st.dash);
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(lx, 12);
    ctx.lineTo(lx + 26, 12);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = INK;
    ctx.fillText(t(st.key), lx + 32, 12);
    lx += 32 + ctx.measureText(t(st.key)).width + 18;
  });
  if (lx + ctx.measureText(FORMULA).width < x1) {
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'right';
    ctx.fillText(FORMULA, x1, 12);
  }
  if (n === 0) return '';
  const stride = Math.max(1, Math.ceil(n / (x1 - x0)));
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, y0 - 2, x1 - x0, y1 - y0 + 4);
  ctx.clip();
  series.forEach((_s, k) => {
    ctx.strokeStyle = STYLES[k].color;
    ctx.setLineDash(STYLES[k].dash);
    ctx.lineWidth = 2.5;
    stroke(ctx, n, (i) => value(k, i), xOf, yOf, stride);
  });
  ctx.setLineDash([]);
  ctx.restore();
  // The read-out step: a marker on each series.
  const i = lossCursor.index < 0 || lossCursor.index >= n ? n - 1 : lossCursor.index;
  ctx.strokeStyle = MUTED;
  ctx.beginPath();
  ctx.moveTo(xOf(i), y0);
  ctx.lineTo(xOf(i), y1);
  ctx.stroke();
  series.forEach((_s, k) => {
    const y = yOf(value(k, i));
    if (!Number.isFinite(y)) return;
    ctx.fillStyle = STYLES[k].color;
    ctx.beginPath();
    ctx.arc(xOf(i), Math.max(y0, Math.min(y1, y)), 5, 0, 2 * Math.PI);
    ctx.fill();
  });
  const shown = (v) => (v == null || Number.isNaN(v) ? '—' : fmt(v));
  return t('lossReadout')({
    step: i,
    batch: i > 0 && i <= batch.length ? batch[i - 1].toPrecision(8) : null,
    train: shown(value(0, i)),
    test: series.length > 1 ? shown(value(1, i)) : null,
    sum: curves.sum,
  });
}

/**
 * Moves the cursor over steps 0…n−1: `{x, width}` is the pointer's offset in a canvas that wide
 * (CSS pixels), `{by}` an arrow key's step, `{leave: true}` back to the latest step.
 */
export function moveCursor(move, n) {
  if (move.leave) {
    lossCursor.index = -1;
  } else if (move.by) {
    const at = lossCursor.index < 0 ? n - 1 : lossCursor.index;
    lossCursor.index = Math.max(0, Math.min(n - 1, at + Math.sign(move.by)));
  } else {
    const x = (move.x / Math.max(1, move.width)) * drawnWidth;
    const frac = (x - padLeft) / Math.max(1, drawnWidth - padLeft - PAD_R);
    lossCursor.index = Math.max(0, Math.min(n - 1, Math.round(frac * (n - 1))));
  }
}
