// The comparison panel: the run and its variant (engine/variant.js) side by side. On top both
// batch-loss curves on one plot (the run solid and dark, the variant dashed and blue: the dash
// tells them apart without colour; the run's loss names its sum, ½Σ or Σ), below each one's
// output over the plane with the data.

import { Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import { paintMap, planeBox } from './boundary.js';
import { targetRange } from './boundary-frame.js';
import { classCount, paintClasses } from './classes.js';
import { ACTIVE, cssWidth, FONT, fmt, INK, MUTED, prepare, roomHeight } from './colors.js';
import { drawPoints } from './markers.js';
import { niceTicks, tickLabel } from './ticks.js';

const PLOT_H = 170;
const PAD = { l: 56, r: 16, t: 34, b: 26 };

/** How the variant differs, in words: "lr = 0.3", "activation = tanh". */
const changeWords = (change) => `${t('compareNames')[change.what]} = ${change.value}`;

/** Draws the panel for the run `main` and the variant `other` (Models), `change` its
 *  difference; `side` the maps' grid; `log` a log-scale loss axis. */
export function drawCompare(canvas, main, other, change, side, log) {
  const { size, plotH } = sizes(canvas);
  const { ctx, w } = prepare(canvas, plotH + 40 + size + 44);
  const runs = [
    { model: main, short: t('compareRun'), name: t('compareRun'), color: INK, dash: [] },
    {
      model: other,
      short: t('compareVariant'),
      name: `${t('compareVariant')} (${changeWords(change)})`,
      color: ACTIVE,
      dash: [9, 5],
    },
  ];
  drawCurves(ctx, w, runs, log, plotH);
  const y = plotH + 40;
  if (main.trainer.cols(Slot.Data, What.Plane) !== 2) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.textAlign = 'left';
    ctx.fillText(t('none2d'), PAD.l, y + 12);
    return;
  }
  const box = planeBox(main);
  runs.forEach((run, k) => {
    const x = PAD.l + k * (size + 24);
    drawMap(ctx, run, main, box, side, x, y + 22, size);
  });
}

/** Each map's side, from the panel's width, and the plot's height; where presenter view gives
 *  the panel a height, the maps and then the plot give way to it. */
function sizes(canvas) {
  const room = roomHeight(canvas, Number.POSITIVE_INFINITY) - 84;
  const wide = Math.min(240, (cssWidth(canvas) - PAD.l - PAD.r - 24) / 2);
  const size = Math.max(80, Math.min(wide, room - PLOT_H));
  return { size, plotH: Math.max(100, Math.min(PLOT_H, room - size)) };
}

/** Both batch-loss histories (½·Σ per completed step) on one axis. */
function drawCurves(ctx, w, runs, log, plotH) {
  const series = runs.map((r) => r.model.history());
  const n = Math.max(2, ...series.map((s) => s.length));
  const f = (v) => (log ? Math.log10(v > 0 ? v : Number.NaN) : v);
  let [lo, hi] = [Infinity, -Infinity];
  for (const s of series)
    for (const v of s)
      if (Number.isFinite(f(v))) [lo, hi] = [Math.min(lo, f(v)), Math.max(hi, f(v))];
  if (!Number.isFinite(lo)) [lo, hi] = log ? [-1, 0] : [0, 1];
  if (!log) lo = Math.min(lo, 0);
  if (hi - lo < 1e-9) hi = lo + 1;
  ctx.font = FONT.text;
  const legends = runs.map((run, k) => {
    const s = series[k];
    return `${run.name}${s.length ? `: ${fmt(s[s.length - 1])}` : ''}`;
  });
  const room = (w - PAD.l - PAD.r) / 2 - 40;
  const stacked = legends.some((l) => ctx.measureText(l).width > room);
  const top = stacked ? PAD.t + 18 : PAD.t;
  const [x0, x1, y0, y1] = [PAD.l, w - PAD.r, top, plotH - PAD.b + PAD.t];
  const xOf = (i) => x0 + ((x1 - x0) * i) / (n - 1);
  const yOf = (v) => y1 - ((y1 - y0) * (f(v) - lo)) / (hi - lo);
  ctx.font = FONT.text;
  ctx.textAlign = 'right';
  for (const v of niceTicks(lo, hi, log, 4)) {
    const y = y1 - ((y1 - y0) * ((log ? Math.log10(v) : v) - lo)) / (hi - lo);
    ctx.fillStyle = INK;
    ctx.fillText(tickLabel(v, log), x0 - 6, y);
  }
  ctx.strokeStyle = MUTED;
  ctx.lineWidth = 1;
  ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
  ctx.textAlign = 'left';
  runs.forEach((run, k) => {
    const s = series[k];
    ctx.strokeStyle = run.color;
    ctx.setLineDash(run.dash);
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < s.length; i++) {
      const v = f(s[i]);
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const [x, y] = [xOf(i + 1), yOf(s[i])];
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
    // The legend: a stroke of the line's style, the run's name and its last batch loss; side
    // by side where they fit, else one under the other.
    const [lx, ly] = stacked ? [x0, 12 + 18 * k] : [x0 + k * ((x1 - x0) / 2), 14];
    ctx.beginPath();
    ctx.moveTo(lx, ly);
    ctx.lineTo(lx + 30, ly);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = run.color;
    ctx.fillText(legends[k], lx + 36, ly);
  });
  ctx.setLineDash([]);
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'center';
  ctx.fillText(t('compareAxis')(runs[0].model.batchSum), (x0 + x1) / 2, y1 + 14);
}

/** One run's output over the plane (its first output; k classes by their colours, as the
 *  boundary panel draws them), the data (`points`: the run's Model) on top, its accuracy under. */
function drawMap(ctx, run, points, box, side, x, y, size) {
  const m = run.model;
  ctx.fillStyle = run.color;
  ctx.font = FONT.bold;
  ctx.textAlign = 'left';
  ctx.fillText(run.short, x, y - 11);
  m.grid(side, box);
  const out = m.mat(Slot.Grid + m.kinds().length, What.Y);
  const [tmin, tmax] = targetRange(m.mat(Slot.Data, What.T));
  const mid = m.threshold() ?? (tmin + tmax) / 2;
  const half = Math.max((tmax - tmin) / 2, 1e-6);
  // k classes as the boundary panel colours them; values (a regression) on the output's scale.
  const k = classCount(m);
  const values = !k && m.threshold() == null;
  if (k) paintClasses(ctx, m, out, x, y, size, false);
  else paintMap(ctx, out, 0, x, y, size, mid, half);
  ctx.strokeStyle = run.color;
  ctx.setLineDash(run.dash);
  ctx.lineWidth = 2;
  ctx.strokeRect(x, y, size, size);
  ctx.setLineDash([]);
  // The data, as the boundary panel draws it (the same for both runs: the variant's data is the
  // run's, so the run's points layer serves both maps).
  drawPoints(ctx, points, box, { x, y, size, mid, k, value: values ? half : 0, showTest: false });
  const acc = m.state().accuracy;
  ctx.fillStyle = INK;
  ctx.font = FONT.text;
  ctx.fillText(acc == null ? '' : t('compareAccuracy')(Math.round(acc * 100)), x, y + size + 14);
}
