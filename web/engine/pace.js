// Play's pace: each frame runs up to the chosen number of steps, but stops once its share of
// the frame's time is spent (what a display frame leaves after the frame's other work: the
// drawing, the measures, and the canvases' rasterising after the frame's script), so a large net
// keeps the page near the display's rate at every speed setting; and the steps per second
// actually achieved, for the page to show.

/** Milliseconds of a frame's work the pacer aims at, the rasterising after its script
 *  included: under a 60 Hz display's 16.7 ms, with room for the compositor, so the next
 *  display frame is not missed. */
export const FRAME_MS = 14.5;

/** Most milliseconds of stepping per frame, and fewest: a frame whose other work leaves less
 *  than this aims at every other display frame instead. */
export const STEP_BUDGET_MS = 14;
export const MIN_STEP_MS = 4;

/** Milliseconds after a played frame's script (smoothed) from which the canvases are taken to
 *  rasterise on this thread (software rendering), so that reading one pixel back to measure a
 *  panel's rasterising costs little (draw/cost.js). Where they rasterise elsewhere (a GPU), the
 *  time after the script stays small, and the page never reads back: a read-back there waits
 *  for the GPU, and repeated ones make the browser move the canvas off it. */
export const RASTER_HERE_MS = 1.5;

/** Milliseconds into a frame's work after which the loss curve's waiting measures (taken when
 *  there is time, `Trainer.settle_measures`) wait for a later frame. */
export const SETTLE_MS = 10;

/** Milliseconds of stepping for a frame whose other work takes `other` ms: what is left of the
 *  fewest display frames that leave at least {@link MIN_STEP_MS}, at most
 *  {@link STEP_BUDGET_MS}. */
export function stepBudget(other) {
  const frames = Math.max(1, Math.ceil((other + MIN_STEP_MS) / FRAME_MS));
  return Math.min(STEP_BUDGET_MS, frames * FRAME_MS - other);
}

/** A pacer. `run(speed, stepN, drawing)` calls `stepN(k)` in chunks until `speed` steps are
 *  done or the budget is spent, and returns how many ran; `drawing` is what the frame's panels
 *  are expected to cost (draw/cost.js), which varies from frame to frame as slow panels are
 *  drawn every few frames. `frameDone(ms, drawn)` tells it the frame's whole work and the part
 *  that was the panels' drawing, and returns `ms`. `afterFrame(ms, owed)` tells it the time from
 *  the end of the frame's script to the next task: the browser rasterising what the frame drew
 *  (a 2-D canvas rasterises after the script), of which `owed` ms were the panels' known
 *  rasterising (already in `drawing`). `spare(speed)` is what a frame leaves its drawing after
 *  `speed` steps; `rasterHere()` whether the canvases seem to rasterise on this thread (see
 *  RASTER_HERE_MS). `rate()` is the steps per second over the last second. */
export function createPacer(now = () => performance.now()) {
  let perStep = 0.05;
  // Smoothed: the frame's work besides stepping and the panels (measures, the report, the
  // loss read-out) and the time after its script besides the panels' rasterising (the
  // compositor's commit); and this frame's stepping.
  let other = 0;
  let after = 0;
  let stepping = 0;
  // The whole time after the frame's script, smoothed.
  let tail = 0;
  const recent = [];
  return {
    run(speed, stepN, drawing = 0) {
      const start = now();
      const budget = stepBudget(other + after + drawing);
      let done = 0;
      while (done < speed) {
        const left = budget - (now() - start);
        if (left <= 0 && done > 0) break;
        // A chunk that should fit in what is left, at least one step.
        const chunk = Math.max(1, Math.min(speed - done, Math.floor(left / perStep)));
        const t0 = now();
        stepN(chunk);
        done += chunk;
        perStep = 0.7 * perStep + (0.3 * Math.max(now() - t0, 0.001)) / chunk;
      }
      const t = now();
      stepping = t - start;
      recent.push([t, done]);
      while (recent.length && t - recent[0][0] > 1000) recent.shift();
      return done;
    },
    frameDone(ms, drawn = 0) {
      other = 0.7 * other + 0.3 * Math.max(0, ms - stepping - drawn);
      stepping = 0;
      return ms;
    },
    /** Milliseconds left of a frame for its drawing once `speed` steps (at the time a step
     *  has been taking) and the frame's other work are done; below zero when they do not fit. */
    spare(speed) {
      return FRAME_MS - other - after - speed * perStep;
    },
    afterFrame(ms, owed = 0) {
      after = 0.7 * after + 0.3 * Math.max(0, ms - owed);
      tail = 0.7 * tail + 0.3 * Math.max(0, ms);
    },
    rasterHere: () => tail >= RASTER_HERE_MS,
    rate() {
      if (recent.length < 2) return null;
      const span = (recent.at(-1)[0] - recent[0][0]) / 1000;
      const steps = recent.slice(1).reduce((s, [, k]) => s + k, 0);
      return span > 0 ? Math.round(steps / span) : null;
    },
    reset() {
      recent.length = 0;
      other = 0;
      stepping = 0;
      after = 0;
    },
  };
}
