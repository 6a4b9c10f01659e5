// What surrounds the decision boundary's map: the decision threshold's contour (marching squares
// over the grid's outputs), the axes with their ticks, the colour bar with its meaning, and the
// lines stating the threshold and the accuracy on training and test points.

import { t } from '../i18n/index.js';
import { color, FONT, fmt, INK, MUTED } from './colors.js';
import { niceTicks, tickLabel } from './ticks.js';

/**
 * Strokes the contour where the output `values` (a side × side grid, row-major from the top-left,
 * one value per cell centre) crosses `level`, in a square of `size` at (x, y): a dark line on a
 * white halo, readable on either end of the colour map.
 */
export function drawContour(ctx, values, side, level, x, y, size) {
  const cell = size / side;
  const at = (r, c) => values[r * side + c] - level;
  const px = (c) => x + (c + 0.5) * cell;
  const py = (r) => y + (r + 0.5) * cell;
  ctx.beginPath();
  for (let r = 0; r + 1 < side; r++) {
    for (let c = 0; c + 1 < side; c++) {
      // The corners clockwise from the top-left, and where each edge crosses the level.
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      if (!v.every(Number.isFinite)) continue;
      const corners = [
        [px(c), py(r)],
        [px(c + 1), py(r)],
        [px(c + 1), py(r + 1)],
        [px(c), py(r + 1)],
      ];
      const cuts = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e],
          b = v[(e + 1) % 4];
        if (a > 0 === b > 0) continue;
        const f = a / (a - b);
        const [ax, ay] = corners[e],
          [bx, by] = corners[(e + 1) % 4];
        cuts.push([ax + f * (bx - ax), ay + f * (by - ay)]);
      }
      // Two crossings: one segment; four (a saddle): two, paired by the centre's side.
      for (let k = 0; k + 1 < cuts.length; k += 2) {
        ctx.moveTo(cuts[k][0], cuts[k][1]);
        ctx.lineTo(cuts[k + 1][0], cuts[k + 1][1]);
      }
    }
  }
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 5;
  ctx.stroke();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2.5;
  ctx.stroke();
}

/** Ticks and names of both input axes around the square of `size` at (x, y) over `box`. */
export function drawAxes(ctx, box, x, y, size) {
  ctx.font = FONT.text;
  ctx.fillStyle = INK;
  ctx.strokeStyle = MUTED;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, size, size);
  const most = Math.max(2, Math.floor(size / 70));
  ctx.textAlign = 'center';
  for (const v of niceTicks(box[0], box[1], false, most)) {
    const px = x + (size * (v - box[0])) / (box[1] - box[0]);
    ctx.beginPath();
    ctx.moveTo(px, y + size);
    ctx.lineTo(px, y + size + 4);
    ctx.stroke();
    ctx.fillText(tickLabel(v), px, y + size + 13);
  }
  ctx.textAlign = 'right';
  for (const v of niceTicks(box[2], box[3], false, most)) {
    const py = y + size - (size * (v - box[2])) / (box[3] - box[2]);
    ctx.beginPath();
    ctx.moveTo(x - 4, py);
    ctx.lineTo(x, py);
    ctx.stroke();
    ctx.fillText(tickLabel(v), x - 6, py);
  }
  // The axes' names: the input's two features.
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'right';
  ctx.fillText('x[0] →', x + size, y + size + 30);
  ctx.textAlign = 'left';
  ctx.fillText('↑ x[1]', x + 2, y - 10);
}

/**
 * The colour bar at (x, y), `height` tall: the output from `mid − half` (bottom) to `mid + half`
 * (top) as the map paints it, labelled with the two targets and the threshold (with the glyphs
 * the points use, so the sign does not rest on colour alone).
 */
export function drawColourBar(ctx, x, y, height, mid, half, classes) {
  const steps = 64;
  for (let k = 0; k < steps; k++) {
    const v = mid + half * (1 - (2 * (k + 0.5)) / steps);
    ctx.fillStyle = color(v - mid, half);
    ctx.fillRect(x, y + (k * height) / steps, 14, height / steps + 0.5);
  }
  ctx.strokeStyle = MUTED;
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, 14, height);
  ctx.font = FONT.text;
  ctx.textAlign = 'left';
  ctx.fillStyle = INK;
  // Values (no classes) in two decimals: a target range's ends are any numbers.
  const label = (v, py, glyph) => {
    ctx.fillText(`${glyph} ${classes ? tickLabel(v) : fmt(v, 2)}`, x + 19, py);
  };
  label(mid + half, y + 7, classes ? '●' : '+');
  label(mid - half, y + height - 7, classes ? '✕' : '−');
  if (classes) {
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(x - 3, y + height / 2);
    ctx.lineTo(x + 17, y + height / 2);
    ctx.stroke();
    label(mid, y + height / 2, '—');
  }
  ctx.fillStyle = MUTED;
  ctx.fillText('y', x + 3, y - 10);
}

/** "3/4 (75%)" for an accuracy over `n` points, or "—". */
export function share(acc, n) {
  if (acc == null || !n) return '—';
  return `${Math.round(acc * n)}/${n} (${fmt(100 * acc, 1)}%)`;
}

/** The text lines under the map: the threshold and the accuracies, or why there are none. */
export function captionLines(threshold, lo, hi, state, nTrain, nTest) {
  // Not a 2-class task (a regression, or a CSV's labels): values, not a side of a threshold.
  if (threshold == null) return [t('notTwoClass'), t('valueLine')];
  return [
    t('thresholdLine')(tickLabel(threshold), tickLabel(lo), tickLabel(hi)),
    t('accuracyLine')(
      share(state.accuracy, nTrain),
      nTest ? share(state.testAccuracy, nTest) : null,
    ),
  ];
}

/** The text lines under a map of classes: what its colour says (`soft`: from p = softmax(y))
 *  and the accuracies by the largest output. */
export function classLines(soft, state, nTrain, nTest) {
  return [
    t('classFieldLine')(soft),
    t('accuracyLine')(
      share(state.accuracy, nTrain),
      nTest ? share(state.testAccuracy, nTest) : null,
    ),
  ];
}

/** The smallest and largest training target, as [lo, hi] (the two classes of a 2-class set). */
export function targetRange(targets) {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < targets.rows; i++) {
    lo = Math.min(lo, targets.data[i]);
    hi = Math.max(hi, targets.data[i]);
  }
  return [lo, hi];
}
