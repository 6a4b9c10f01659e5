// The network panel: neurons in columns (input, then each affine layer's units), edges coloured
// and dashed by sign with width by magnitude (weights or, toggled, dW), the active phase and
// layer highlighted, and each neuron's value for the selected sample.

import { ACTIVE, FONT, fmt, INK, MUTED, maxAbs, NEG, POS, prepare } from './colors.js';
import { t } from './i18n.js';
import { Slot, What } from './model.js';

/** Columns of neurons: which layers feed each column and how wide it is. */
function netColumns(kinds, model) {
  const cols = [{ width: model.trainer.cols(Slot.Data, What.X), affine: -1, last: -1, acts: [] }];
  kinds.forEach((k, i) => {
    if (k === 'affine')
      cols.push({ width: model.trainer.cols(i, What.W), affine: i, last: i, acts: [] });
    else {
      cols[cols.length - 1].last = i;
      cols[cols.length - 1].acts.push({ kind: k, layer: i });
    }
  });
  return cols;
}

/** Where the last drawing put the neurons ({cols, r, xOf(k), yOf(k, j), w, h}, in drawing
 *  units), for hit-testing a click (requests-poke.js). */
export const drawnNetwork = {};

/** Draws the panel. `opts`: {showGrads, sample, state, highlight: [{layer, row, col}]}. */
export function drawNetwork(canvas, model, opts) {
  const kinds = model.kinds();
  const cols = netColumns(kinds, model);
  const tallest = Math.max(...cols.map((c) => c.width));
  const { ctx, w, h } = prepare(canvas, Math.max(240, 70 + tallest * 48));
  const { phase, layer } = opts.state;
  const r = Math.min(22, (h - 70) / (2 * tallest) - 2);
  const xOf = (k) => 60 + (k * (w - 120)) / Math.max(1, cols.length - 1);
  const yOf = (k, j) => 44 + ((j + 0.5) * (h - 64)) / cols[k].width;
  Object.assign(drawnNetwork, { cols, r, xOf, yOf, w, h });
  const activeCol =
    layer == null
      ? -1
      : cols.findIndex((c) => c.affine === layer || c.acts.some((a) => a.layer === layer));

  // Edges of each affine layer, drawn under the neurons.
  for (let k = 1; k < cols.length; k++) {
    const m = model.mat(cols[k].affine, opts.showGrads ? What.Dw : What.W);
    if (!m) continue;
    const scale = maxAbs(m.data);
    const hot =
      phase === 'update' || (activeCol === k && layer === cols[k].affine && phase !== 'loss');
    ctx.globalAlpha = hot ? 0.95 : 0.6;
    // Edges are stroked in buckets (sign × 8 widths): a few strokes per layer, not one per edge.
    // Long dashes: each dash is a piece the canvas rasterises, and this is most of its cost.
    for (const positive of [true, false]) {
      ctx.strokeStyle = positive ? POS : NEG;
      ctx.setLineDash(positive ? [] : [12, 7]);
      for (let bucket = 0; bucket < 8; bucket++) {
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < m.rows; i++) {
          for (let o = 0; o < m.cols; o++) {
            const v = m.at(i, o);
            if (
              v >= 0 !== positive ||
              Math.min(7, Math.floor((8 * Math.abs(v)) / scale)) !== bucket
            )
              continue;
            ctx.moveTo(xOf(k - 1) + r, yOf(k - 1, i));
            ctx.lineTo(xOf(k) - r, yOf(k, o));
            any = true;
          }
        }
        if (any) {
          ctx.lineWidth = 0.6 + (5.5 * (bucket + 0.5)) / 8;
          ctx.stroke();
        }
      }
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  // Edges picked out (predict mode's weights): a dotted line in the active colour just above
  // each, so the edge's own colour and dash (its sign) stay visible.
  for (const e of opts.highlight ?? []) {
    const k = cols.findIndex((c) => c.affine === e.layer);
    if (k < 1 || e.row >= cols[k - 1].width || e.col >= cols[k].width) continue;
    ctx.strokeStyle = ACTIVE;
    ctx.lineWidth = 3;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(xOf(k - 1) + r, yOf(k - 1, e.row) - 5);
    ctx.lineTo(xOf(k) - r, yOf(k, e.col) - 5);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Neurons with their value for the chosen sample.
  cols.forEach((c, k) => {
    const values = k === 0 ? model.mat(Slot.Data, What.X) : model.mat(c.last, What.Y);
    const sample = opts.sample;
    const active = k === activeCol && (phase === 'forward' || phase === 'backward');
    for (let j = 0; j < c.width; j++) {
      const x = xOf(k),
        y = yOf(k, j);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = active ? 4 : 1.5;
      ctx.strokeStyle = active ? ACTIVE : INK;
      ctx.stroke();
      // Before the first forward pass the caches are empty (0 rows): no value to show.
      if (values && sample < values.rows) {
        ctx.fillStyle = INK;
        ctx.font = FONT.text;
        ctx.textAlign = 'center';
        ctx.fillText(fmt(values.at(sample, j), 2), x, y);
      }
    }
    // Column caption: what the units hold.
    ctx.fillStyle = k === activeCol ? ACTIVE : MUTED;
    ctx.font = k === activeCol ? FONT.bold : FONT.text;
    ctx.textAlign = 'center';
    const caption =
      k === 0
        ? 'x'
        : `layers[${c.affine}]` +
          (c.acts.length ? ` → ${c.acts.map((a) => a.kind).join(' → ')}` : '');
    ctx.fillText(caption, xOf(k), 16);
  });

  // The direction of the pass: → while 知る, ← while 考える.
  if (phase === 'forward' || phase === 'backward') {
    ctx.fillStyle = ACTIVE;
    ctx.font = FONT.big;
    ctx.textAlign = 'left';
    ctx.fillText(
      phase === 'forward' ? `→ ${t('phase').forward}` : `← ${t('phase').backward}`,
      8,
      h - 12,
    );
  }
}
