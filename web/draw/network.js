// The network panel: neurons in columns (input, then each affine layer's units), edges coloured
// and dashed by sign with width by magnitude (weights or, toggled, dW), the active phase and
// layer highlighted, and each neuron's value for the selected sample.

import { Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import { ACTIVE, FONT, fmt, INK, MUTED, maxAbs, NEG, POS, prepare, roomHeight } from './colors.js';
import { outside, placed } from './drawn.js';
import { drawInputName, inputName, named } from './inputs.js';
import { drawValueTab } from './value-tab.js';

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

/**
 * Whether layer `affine`'s dW belongs to the step under way (or the last completed one): not
 * before the backward pass reaches it, nor before the first step.
 */
function gradReady(affine, state) {
  const { phase, layer, step } = state;
  if (phase === 'forward' || phase === 'loss') return false;
  if (phase === 'backward') return affine >= layer;
  return step > 0;
}

/** Where each neuron is drawn, for a canvas `w` × `h` drawing units: {r, gap, direction,
 *  columns: [{affine, width, x, ys}]} (the geometry the panel draws with, so other modules can
 *  hit-test it). `direction` says whether there is room for the pass's arrow at the bottom.
 *  On the stage (`big`) the circles grow to hold their four-decimal values and never go under
 *  28 CSS px across while the units have room. */
export function networkLayout(model, w, h, big = false) {
  const cols = netColumns(model.kinds(), model);
  const tallest = Math.max(...cols.map((c) => c.width));
  const direction = h >= 180;
  // Columns closer than a caption is wide ("layers[0] → tanh") take their captions on two rows.
  const spacing = (w - 140) / Math.max(1, cols.length - 1);
  const stagger = cols.length > 2 && spacing < 150;
  const top = stagger ? 46 : 32,
    bottom = direction ? 30 : 6;
  const gap = (h - top - bottom) / tallest;
  let r = big
    ? Math.min(Math.max(11, gap / 2 - 3), Math.max(6, gap / 2 - 1), 34)
    : Math.max(6, Math.min(22, gap / 2 - 2));
  // Values inside the circles (r ≥ 19) need no margins for labels beside them: the columns
  // spread to the edges, and the circles stay narrower than a third of their spacing.
  let [left, right] = [64, 76];
  if (big && r >= 19) {
    [left, right] = [r + 12, r + 12];
    const apart = (w - left - right) / Math.max(1, cols.length - 1);
    r = Math.max(19, Math.min(r, apart / 3));
  }
  const xOf = (k) => left + (k * (w - left - right)) / Math.max(1, cols.length - 1);
  return {
    r,
    gap,
    direction,
    // The band the neurons sit in, between the column captions and the direction strip.
    band: [top, h - bottom],
    columns: cols.map((c, k) => ({
      ...c,
      x: xOf(k),
      captionY: stagger && k % 2 ? 32 : 14,
      ys: Array.from(
        { length: c.width },
        (_, j) => top + ((j + 0.5) * (h - top - bottom)) / c.width,
      ),
    })),
  };
}

/** Where the last drawing put the neurons ({cols, r, xOf(k), yOf(k, j), w, h, band}, in
 *  drawing units), for hit-testing a click (engine/requests/poke.js) and placing a value's tab
 *  (value-tab.js). */
export const drawnNetwork = {};

/** Draws the panel. `opts`: {showGrads, sample, state, highlight: [{layer, row, col}]}. */
export function drawNetwork(canvas, model, opts) {
  const kinds = model.kinds();
  const cols = netColumns(kinds, model);
  const tallest = Math.max(...cols.map((c) => c.width));
  const want = Math.max(240, 70 + tallest * 48);
  const { ctx, w, h } = prepare(canvas, opts.presenter ? roomHeight(canvas, want) : want);
  const { phase, layer } = opts.state;
  const { r, gap, direction, band, columns } = networkLayout(model, w, h, opts.presenter);
  /** What this drawing places, for layout(): neurons and their labels. */
  const records = [];
  const record = (kind, name, l, x, y, bw, bh, fontPx = null) =>
    records.push({
      kind,
      name,
      layer: l,
      x,
      y,
      w: bw,
      h: bh,
      fontPx,
      clipped: outside(x, y, bw, bh, w, h),
    });
  const xOf = (k) => columns[k].x;
  const yOf = (k, j) => columns[k].ys[j];
  Object.assign(drawnNetwork, { cols, r, xOf, yOf, w, h, band });
  const activeCol =
    layer == null
      ? -1
      : cols.findIndex((c) => c.affine === layer || c.acts.some((a) => a.layer === layer));

  // Edges of each affine layer, drawn under the neurons.
  for (let k = 1; k < cols.length; k++) {
    const m = model.mat(cols[k].affine, opts.showGrads ? What.Dw : What.W);
    if (!m) continue;
    if (opts.showGrads && !gradReady(cols[k].affine, opts.state)) {
      notYet(
        ctx,
        record,
        m,
        (i) => [xOf(k - 1) + r, yOf(k - 1, i)],
        (o) => [xOf(k) - r, yOf(k, o)],
      );
      continue;
    }
    const scale = maxAbs(m.data);
    const hot =
      phase === 'update' || (activeCol === k && layer === cols[k].affine && phase !== 'loss');
    ctx.globalAlpha = hot ? 0.95 : 0.6;
    // One stroke per edge, its width one of 8 buckets of |w|: the canvas rasterises a short
    // two-point path quickly, where one path of a layer's crossing edges cost it 4× as much
    // (W5's 816 edges: 12 ms a frame in software).
    for (const positive of [true, false]) {
      ctx.strokeStyle = positive ? POS : NEG;
      ctx.setLineDash(positive ? [] : [12, 7]);
      for (let i = 0; i < m.rows; i++) {
        for (let o = 0; o < m.cols; o++) {
          const v = m.at(i, o);
          if (v === 0 || v > 0 !== positive) continue;
          const bucket = Math.min(7, Math.floor((8 * Math.abs(v)) / scale));
          ctx.lineWidth = 0.6 + (5.5 * (bucket + 0.5)) / 8;
          ctx.beginPath();
          ctx.moveTo(xOf(k - 1) + r, yOf(k - 1, i));
          ctx.lineTo(xOf(k) - r, yOf(k, o));
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

  // Neurons with their value for the chosen sample: inside the circle when it is large enough,
  // otherwise beside it on a white tab, never over the circle's outline.
  const inside = r >= 19;
  // Beside the circles, a column's labels need a line of height each (every other one on the
  // left when the circles are closer), and room between the columns' circles for one (two when
  // they alternate); a column where they would overlap shows none (the matrices panel and the
  // text alternative have the numbers).
  ctx.font = FONT.text;
  const tw = ctx.measureText('−0.00').width + 4;
  const spacing = cols.length > 1 ? columns[1].x - columns[0].x : w;
  const between = spacing - 2 * r - 12;
  const alternate = gap < 20;
  const labelled =
    inside || (between >= tw && (gap >= 20 || (2 * gap >= 20 && between >= 2 * tw + 6)));
  cols.forEach((c, k) => {
    const values =
      !labelled && k > 0 && c.width > 1
        ? null
        : k === 0
          ? model.mat(Slot.Data, What.X)
          : model.mat(c.last, What.Y);
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
      record('neuron', `${k}:${j}`, k === 0 ? null : c.affine, x - r, y - r, 2 * r, 2 * r);
      const name = inputName(model, k, j);
      const shown = values && sample < values.rows;
      if (name && (inside || !shown)) drawInputName(ctx, name, j, x, y, r, record);
      // Before the first forward pass the caches are empty (0 rows): no value to show.
      if (shown) {
        ctx.font = FONT.text;
        // Four decimals, as the article prints, where the circle holds them; else two; a
        // value the circle cannot hold (1.30e+18 after a divergence) goes beside it.
        const four = fmt(values.at(sample, j));
        const two = fmt(values.at(sample, j), 2);
        const holds = (text) => inside && ctx.measureText(text).width <= 2 * r - 5;
        const within = holds(four) ? four : holds(two) ? two : null;
        const text = within ?? named(inside ? null : name, two);
        if (within) {
          ctx.fillStyle = INK;
          ctx.textAlign = 'center';
          ctx.fillText(text, x, y);
          const tw = ctx.measureText(text).width;
          record('label', `value ${k}:${j}`, null, x - tw / 2, y - 9, tw, 18, 14);
        } else {
          // On a tab beside the circle (value-tab.js); every other one of a crowded column left.
          const at = drawValueTab(ctx, drawnNetwork, k, j, text, alternate && j % 2 === 1);
          record('label', `value ${k}:${j}`, null, at.x, at.y, at.w, 18, 14);
        }
      }
    }
    // Column caption: what the units hold.
    ctx.fillStyle = k === activeCol ? ACTIVE : MUTED;
    ctx.font = k === activeCol ? FONT.bold : FONT.text;
    ctx.textAlign = 'center';
    // Captions on alternate rows may be two columns' spacing wide; past that the layer alone.
    const full =
      k === 0
        ? 'x'
        : `layers[${c.affine}]` +
          (c.acts.length ? ` → ${c.acts.map((a) => a.kind).join(' → ')}` : '');
    const room = 2 * spacing - 10;
    const caption = ctx.measureText(full).width <= room || k === 0 ? full : `layers[${c.affine}]`;
    ctx.fillText(caption, xOf(k), columns[k].captionY);
    const cw = ctx.measureText(caption).width;
    record('label', `caption ${k}`, null, xOf(k) - cw / 2, columns[k].captionY - 9, cw, 18, 14);
  });

  // The direction of the pass: → while 知る, ← while 考える.
  if (direction && (phase === 'forward' || phase === 'backward')) {
    ctx.fillStyle = ACTIVE;
    ctx.font = FONT.big;
    ctx.textAlign = 'left';
    const words = phase === 'forward' ? `→ ${t('phase').forward}` : `← ${t('phase').backward}`;
    ctx.fillText(words, 8, h - 12);
    record('label', 'direction', null, 8, h - 24, ctx.measureText(words).width, 24, 18);
  }
  placed('network', records);
}

/** A layer whose dW is not computed yet: thin grey dotted edges and the words "not yet". */
function notYet(ctx, record, m, from, to) {
  ctx.save();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = '#b0b0b0';
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 5]);
  for (let i = 0; i < m.rows; i++) {
    for (let o = 0; o < m.cols; o++) {
      ctx.beginPath();
      ctx.moveTo(...from(i));
      ctx.lineTo(...to(o));
      ctx.stroke();
    }
  }
  const [ax, ay] = from(0),
    [bx, by] = to(Math.max(0, m.cols - 1));
  const [cx, cy] = [(ax + bx) / 2, (ay + by) / 2];
  ctx.font = FONT.text;
  const text = `dW: ${t('notYet')}`;
  const tw = ctx.measureText(text).width;
  ctx.fillStyle = '#fff';
  ctx.fillRect(cx - tw / 2 - 4, cy - 11, tw + 8, 22);
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'center';
  ctx.fillText(text, cx, cy);
  record('label', 'not yet', null, cx - tw / 2, cy - 9, tw, 18, 14);
  ctx.restore();
}
