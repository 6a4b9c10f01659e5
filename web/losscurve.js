// The loss panel: the loss of every step, linear or log scale, with the exact value of the step
// under the pointer (or chosen with the arrow keys when the canvas has focus).

import { ACTIVE, FONT, INK, MUTED, prepare } from './colors.js';
import { t } from './i18n.js';

const PAD_L = 64;
const PAD_B = 26;

/** Pointer/keyboard cursor: the step index being read out, or -1 for the latest. */
export const lossCursor = { index: -1 };

/** The range of the history seen so far, extended as steps are added, so a long run does not
 *  rescan every step each frame. `epoch` changes when the history starts again. */
const range = { epoch: -1, log: false, n: 0, lo: Infinity, hi: -Infinity };

function historyRange(history, epoch, log, f) {
  if (range.epoch !== epoch || range.log !== log || range.n > history.length) {
    Object.assign(range, { epoch, log, n: 0, lo: Infinity, hi: -Infinity });
  }
  for (let i = range.n; i < history.length; i++) {
    const v = f(history[i]);
    if (Number.isFinite(v)) {
      range.lo = Math.min(range.lo, v);
      range.hi = Math.max(range.hi, v);
    }
  }
  range.n = history.length;
  return [range.lo, range.hi];
}

/** Draws the curve of `history` (a Float32Array view; `epoch` changes when it restarts), `log`
 *  choosing the scale, and returns the read-out line for the page ('' before the first step). */
export function drawLoss(canvas, history, epoch, log) {
  const { ctx, w, h } = prepare(canvas, 240);
  const n = history.length;
  ctx.strokeStyle = MUTED;
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD_L, 8, w - PAD_L - 8, h - 8 - PAD_B);
  if (n === 0) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.textAlign = 'left';
    ctx.fillText(t('noSteps'), PAD_L + 12, 28);
    return '';
  }
  const f = (v) => (log ? Math.log10(Math.max(v, 1e-12)) : v);
  let [lo, hi] = historyRange(history, epoch, log, f);
  if (!log) lo = Math.min(lo, 0);
  if (hi - lo < 1e-12) hi = lo + 1;
  const xOf = (i) => PAD_L + ((w - PAD_L - 12) * i) / Math.max(1, n - 1);
  const yOf = (v) => 8 + (h - 16 - PAD_B) * (1 - (f(v) - lo) / (hi - lo));
  // At most about one point per pixel: long runs are drawn from an evenly spaced subset (a
  // longer line costs more to rasterise, and the extra points would not show).
  const stride = Math.max(1, Math.ceil(n / (w - PAD_L - 12)));
  ctx.strokeStyle = ACTIVE;
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (let i = 0; i < n; i += stride) {
    if (i === 0) ctx.moveTo(xOf(i), yOf(history[i]));
    else ctx.lineTo(xOf(i), yOf(history[i]));
  }
  ctx.lineTo(xOf(n - 1), yOf(history[n - 1]));
  ctx.stroke();
  // Axis labels: the range and the step count.
  ctx.fillStyle = INK;
  ctx.font = FONT.text;
  ctx.textAlign = 'right';
  const label = (v) => (log ? `1e${v.toFixed(1)}` : v.toPrecision(3));
  ctx.fillText(label(hi), PAD_L - 6, 14);
  ctx.fillText(label(lo), PAD_L - 6, h - PAD_B - 4);
  ctx.textAlign = 'center';
  ctx.fillText(`${t('step')} ${n}`, w / 2, h - 10);
  // The read-out point.
  const i = lossCursor.index < 0 || lossCursor.index >= n ? n - 1 : lossCursor.index;
  ctx.fillStyle = ACTIVE;
  ctx.beginPath();
  ctx.arc(xOf(i), yOf(history[i]), 5, 0, 2 * Math.PI);
  ctx.fill();
  return t('lossAt')(i + 1, history[i].toPrecision(8));
}

/**
 * Moves the cursor over a history of `n` steps: `{x, width}` is the pointer's offset in a canvas
 * that wide (CSS pixels), `{by}` an arrow key's step, `{leave: true}` back to the latest step.
 */
export function moveCursor(move, n) {
  if (move.leave) {
    lossCursor.index = -1;
  } else if (move.by) {
    const at = lossCursor.index < 0 ? n - 1 : lossCursor.index;
    lossCursor.index = Math.max(0, Math.min(n - 1, at + Math.sign(move.by)));
  } else {
    const frac = (move.x - PAD_L) / Math.max(1, move.width - PAD_L - 12);
    lossCursor.index = Math.max(0, Math.min(n - 1, Math.round(frac * (n - 1))));
  }
}
