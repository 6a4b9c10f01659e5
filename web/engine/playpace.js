// A played frame's pace: which panels it draws and what they are expected to cost
// (draw/panels.js, draw/cost.js), its steps in what they leave of the frame (pace.js), and
// afterwards what the frame took, with the canvases' rasterising after its script, for the
// next frames' budgets.

import { frameDrawn, frameStart } from '../draw/cost.js';
import { PANELS, planDrawing } from '../draw/panels.js';
import { createPacer } from './pace.js';

/** How many played frames' times are kept (`frameTimes()`). */
const KEPT = 600;

/** The pace of the engine's played frames: `view` (speed, playing), its panels' `timings`,
 *  its `canvases`, and `comparing()`, whether a comparison panel is drawn too. */
export function createPlayPace(view, timings, canvases, comparing) {
  const pacer = createPacer();
  /** How long each played frame's script took here (steps and redraw), in ms; the last 600. */
  const times = [];
  // A played frame posts itself a message: it runs once the browser has rasterised what the
  // frame drew, so its delay is that time (pace.js, afterFrame).
  const tail = new MessageChannel();
  tail.port1.onmessage = (e) => pacer.afterFrame(performance.now() - e.data[0], e.data[1]);
  return {
    times,
    /** Opens a frame's account of its drawing (played or not); the panels' rasterising is
     *  measured only where it happens on this thread. */
    begin(playing) {
      frameStart(timings, playing, pacer.rasterHere());
    },
    /** Plans the played frame's panels and runs its steps through `stepN(k)`. */
    steps(stepN) {
      const names = comparing() && canvases.compare ? [...PANELS, 'compare'] : PANELS;
      const loss = timings.loss ?? 0;
      const drawing = planDrawing(view, timings, names, pacer.spare(view.speed) - loss) + loss;
      return pacer.run(view.speed, stepN, drawing);
    },
    /** Closes the played frame that began at `t0`. */
    end(t0) {
      const end = performance.now();
      const { drawn, unflushed } = frameDrawn(timings);
      times.push(pacer.frameDone(end - t0, drawn));
      if (times.length > KEPT) times.shift();
      tail.port2.postMessage([end, unflushed]);
    },
    /** Steps per second over the last second of play. */
    rate: () => pacer.rate(),
    /** Play starts again: no times, nothing learnt about the frames. */
    reset() {
      times.length = 0;
      pacer.reset();
    },
    close() {
      tail.port1.close();
    },
  };
}
