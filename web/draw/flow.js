// Watching a pass: after a sub-step through an affine layer, the chosen sample's values travel
// along that layer's edges into the next column (知る, left to right), or its gradients travel
// back along them (考える, right to left), drawn over the network panel for FLOW_MS. Each pulse
// carries one term of the sum the destination adds up (x·W forward, dout·W backward): its
// colour and its glyph (+ or −) say the term's sign, its opacity its size; a term of 0 is a
// hollow grey ring. The engine starts it and ends it early at the next request; the page turns
// it off under prefers-reduced-motion.

import { What } from '../engine/model.js';
import { context2d, MUTED, NEG, POS } from './colors.js';
import { drawnNetwork } from './network.js';

/** How long a pass takes to travel along a layer's edges (ms). */
export const FLOW_MS = 550;

/** The most pulses drawn (the largest net's 16 × 16 edges). */
const MOST = 256;

/** What travels after a sub-step to `state`, from the network as last drawn: {forward, from,
 *  to, pulses: [{i, o, v}]} (columns `from` → `to`, unit i of the layer's input, o of its
 *  output, v the term), or null when the sub-step moved nothing along edges. */
export function flowFor(model, state, sample) {
  const { phase, layer } = state;
  if (layer == null || (phase !== 'forward' && phase !== 'backward')) return null;
  if (model.kinds()[layer] !== 'affine' || !drawnNetwork.cols) return null;
  const k = drawnNetwork.cols.findIndex((c) => c.affine === layer);
  const forward = phase === 'forward';
  const w = model.mat(layer, What.W);
  const carried = model.mat(layer, forward ? What.X : What.Dout);
  if (k < 1 || !w || !carried || sample >= carried.rows) return null;
  const pulses = [];
  for (let i = 0; i < w.rows && pulses.length < MOST; i++) {
    for (let o = 0; o < w.cols && pulses.length < MOST; o++) {
      const v = (forward ? carried.at(sample, i) : carried.at(sample, o)) * w.at(i, o);
      if (Number.isFinite(v)) pulses.push({ i, o, v });
    }
  }
  return { forward, from: forward ? k - 1 : k, to: forward ? k : k - 1, pulses };
}

/** Eases the travel (slow start, slow arrival), t in [0, 1]. */
const ease = (t) => t * t * (3 - 2 * t);

/** Draws the pulses of `flow` at time t ∈ [0, 1) over the network panel just drawn. */
export function drawFlow(canvas, flow, t) {
  const { xOf, yOf, r } = drawnNetwork;
  const ctx = context2d(canvas);
  const s = ease(Math.min(1, Math.max(0, t)));
  const most = Math.max(...flow.pulses.map((p) => Math.abs(p.v)), 1e-12);
  const radius = Math.max(6, Math.min(10, r * 0.45));
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `700 ${Math.round(radius * 1.5)}px system-ui, sans-serif`;
  for (const { i, o, v } of flow.pulses) {
    const [a, b] = flow.forward ? [i, o] : [o, i];
    const x0 = xOf(flow.from) + (flow.forward ? r : -r);
    const x1 = xOf(flow.to) + (flow.forward ? -r : r);
    const x = x0 + (x1 - x0) * s;
    const y = yOf(flow.from, a) + (yOf(flow.to, b) - yOf(flow.from, a)) * s;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    if (v === 0) {
      // A term that adds nothing (an input of 0, a gradient of 0): a hollow grey ring.
      ctx.globalAlpha = 0.8;
      ctx.strokeStyle = MUTED;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      continue;
    }
    ctx.globalAlpha = 0.35 + (0.65 * Math.abs(v)) / most;
    ctx.fillStyle = v < 0 ? NEG : POS;
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.fillText(v < 0 ? '−' : '+', x, y + 1);
  }
  ctx.restore();
}
