// The engine's requests for poking the network (no DOM: they run wherever the run lives): what
// lies under a click on the network or the boundary plane (from where the last drawing put
// things), one weight with its gradient, the run's settings and step, and the spec of the run
// on edited data (the edit itself is the core's; the page then loads that spec).

import { drawnBoundary } from '../../draw/boundary.js';
import { drawnNetwork } from '../../draw/network.js';
import { Slot, What } from '../model.js';

/** How near (drawing units) a click must be to an edge or a data point to pick it. */
const NEAR_EDGE = 8;
const NEAR_POINT = 9;

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function toSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const k = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - ax - k * dx, y - ay - k * dy);
}

/** A neuron ({kind: 'neuron', layer, unit}), an edge ({kind: 'edge', layer, row, col}) or
 *  null at (fx, fy), fractions of the network panel's width and height. */
function pickNetwork(fx, fy) {
  const { cols, r, xOf, yOf, w, h } = drawnNetwork;
  if (!cols) return null;
  const x = fx * w;
  const y = fy * h;
  for (let k = 1; k < cols.length; k++)
    for (let j = 0; j < cols[k].width; j++)
      if (Math.hypot(x - xOf(k), y - yOf(k, j)) <= r + 2)
        return { kind: 'neuron', layer: cols[k].affine, unit: j };
  let best = null;
  for (let k = 1; k < cols.length; k++) {
    for (let i = 0; i < cols[k - 1].width; i++) {
      for (let o = 0; o < cols[k].width; o++) {
        const d = toSegment(x, y, xOf(k - 1) + r, yOf(k - 1, i), xOf(k) - r, yOf(k, o));
        if (d <= NEAR_EDGE && (!best || d < best.d))
          best = { d, kind: 'edge', layer: cols[k].affine, row: i, col: o };
      }
    }
  }
  if (!best) return null;
  const { d: _d, ...edge } = best;
  return edge;
}

/** A training point ({kind: 'point', i}), a place on the plane ({kind: 'plane', x1, x2}) or
 *  null at (fx, fy), fractions of the boundary panel's width and height. */
function pickBoundary(model, fx, fy) {
  const { box, x0, y0, size, w, h } = drawnBoundary;
  if (!box) return null;
  const x = fx * w;
  const y = fy * h;
  if (x < x0 || y < y0 || x > x0 + size || y > y0 + size) return null;
  const px = (v) => x0 + (size * (v - box[0])) / (box[1] - box[0]);
  const py = (v) => y0 + size - (size * (v - box[2])) / (box[3] - box[2]);
  const xs = model.mat(Slot.Data, What.Plane);
  let best = null;
  for (let i = 0; xs && i < xs.rows; i++) {
    const d = Math.hypot(x - px(xs.at(i, 0)), y - py(xs.at(i, 1)));
    if (d <= NEAR_POINT && (!best || d < best.d)) best = { d, i };
  }
  if (best) return { kind: 'point', i: best.i };
  return {
    kind: 'plane',
    x1: box[0] + ((x - x0) / size) * (box[1] - box[0]),
    x2: box[2] + ((y0 + size - y) / size) * (box[3] - box[2]),
  };
}

/** The requests, over `model` (model.js); `view` is how the panels are drawn and `ui` the
 *  engine's drawing state (its `drawn = -1` has the next frame draw them again). */
export function pokeRequests(model, view, ui) {
  const tr = () => model.trainer;
  return {
    /** Picks out edges on the network panel ([{layer, row, col}], at most 16; [] for none). */
    highlight: (edges) => {
      view.highlight = Array.isArray(edges) ? edges.slice(0, 16) : [];
      ui.drawn = -1;
      return null;
    },
    /** {panel: 'network' | 'boundary', fx, fy} → what lies there, or null. */
    pick: ({ panel, fx, fy }) =>
      panel === 'network' ? pickNetwork(fx, fy) : pickBoundary(model, fx, fy),
    /** W[row][col] of an affine layer now, before the last update, and its last dW; the rule. */
    weight: ({ layer, row, col }) => {
      const w = model.mat(layer, What.W);
      if (!w || row >= w.rows || col >= w.cols)
        throw new Error(`weight: layers[${layer}] has no W[${row}][${col}]`);
      const before = model.mat(layer, What.WBefore);
      const dw = model.mat(layer, What.Dw);
      const has = (m) => m && row < m.rows && col < m.cols;
      return {
        w: w.at(row, col),
        wBefore: has(before) ? before.at(row, col) : null,
        dw: has(dw) ? dw.at(row, col) : null,
        rule: model.rule,
        step: tr().steps(),
        phase: tr().phase(),
      };
    },
    /** The run's settings (null for a run from a spec) and its layer widths. */
    runInfo: () => ({
      settings: model.settings() ?? null,
      kinds: model.kinds(),
      widths: model.kinds().map((k, i) => (k === 'affine' ? tr().cols(i, What.W) : 0)),
      samples: tr().rows(Slot.Data, What.X),
      inputs: tr().cols(Slot.Data, What.X),
    }),
    /** {what: 'add', x1, x2, label} | {what: 'remove', i} | {what: 'target', i, value} |
     *  {what: 'gate', name} | {what: 'csv', text} → the spec of the run on the edited data. */
    dataSpec: (e) => {
      switch (e?.what) {
        case 'add':
          return tr().withPoint(e.x1, e.x2, e.label);
        case 'remove':
          return tr().withoutPoint(e.i);
        case 'target':
          return tr().withTarget(e.i, e.value);
        case 'gate':
          return tr().withGate(String(e.name));
        case 'csv':
          return tr().withCsv(String(e.text));
        default:
          throw new Error(
            `data edit: unknown kind ${JSON.stringify(String(e?.what)).slice(0, 30)}`,
          );
      }
    },
  };
}
