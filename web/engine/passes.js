// The engine's side of watching a pass (draw/flow.js draws it): a sub-step through an affine
// layer starts one, unless the page asked for no motion (prefers-reduced-motion) or the run is
// replaying; each frame redraws the network panel with the pulses where they are; it ends after
// FLOW_MS, or at once when the run changes (the next key press: a step, a sub-step, back...).

import { timed } from '../draw/cost.js';
import { drawFlow, FLOW_MS, flowFor } from '../draw/flow.js';
import { drawNetworkPanel } from '../draw/panels.js';

/** d: {model, canvases, view, timings}. */
export function createPasses(d) {
  /** The pass under way: {flow, t0, state}, or null. */
  let now = null;
  /** What the last sub-step sent along the edges (even if it has ended), or null. */
  let last = null;
  return {
    /** After a sub-step drew `state`: starts its pass, if it moved values along edges. */
    start(state) {
      now = null;
      last = null;
      if (d.view.motion === false || d.view.playing) return;
      const flow = flowFor(d.model, state, d.view.sample ?? 0);
      if (!flow) return;
      now = { flow, t0: performance.now(), state };
      last = { forward: flow.forward, from: flow.from, to: flow.to, pulses: flow.pulses.length };
    },
    /** Ends the pass at once (the run changed; whatever changed it draws the panels again). */
    end() {
      now = null;
    },
    /** Draws this frame's position of the pass over a fresh network panel; the last frame
     *  draws the panel alone. */
    frame() {
      if (!now) return;
      const t = (performance.now() - now.t0) / FLOW_MS;
      const { state, flow } = now;
      timed(
        d.timings,
        'network',
        () => drawNetworkPanel(d.canvases, d.model, d.view, state),
        d.canvases.network,
      );
      if (t >= 1) now = null;
      else drawFlow(d.canvases.network, flow, t);
    },
    /** What tests read: {active, last}: whether a pass is under way, and what the last
     *  sub-step sent ({forward, from, to, pulses}, or null for nothing). */
    probe: () => ({ active: now != null, last }),
  };
}
