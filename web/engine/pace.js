// Play's pace: each frame runs up to the chosen number of steps, but stops once its share of
// the frame's time is spent, so a large net keeps the page at 30 frames/s or more at every
// speed setting; and the steps per second actually achieved, for the page to show.

/** Milliseconds of stepping per frame (the drawing takes the rest of a 33 ms frame). */
export const STEP_BUDGET_MS = 14;

/** Milliseconds into a frame's work after which the loss curve's waiting measures (taken when
 *  there is time, `Trainer.settle_measures`) wait for a later frame. */
export const SETTLE_MS = 10;

/** A pacer: `run(speed, stepN)` calls `stepN(k)` in chunks until `speed` steps are done or the
 *  budget is spent, and returns how many ran; `rate()` is the steps per second over the last
 *  second of play. */
export function createPacer(now = () => performance.now()) {
  let perStep = 0.05;
  const recent = [];
  return {
    run(speed, stepN) {
      const start = now();
      let done = 0;
      while (done < speed) {
        const left = STEP_BUDGET_MS - (now() - start);
        if (left <= 0 && done > 0) break;
        // A chunk that should fit in what is left, at least one step.
        const chunk = Math.max(1, Math.min(speed - done, Math.floor(left / perStep)));
        const t0 = now();
        stepN(chunk);
        done += chunk;
        perStep = 0.7 * perStep + (0.3 * Math.max(now() - t0, 0.001)) / chunk;
      }
      const t = now();
      recent.push([t, done]);
      while (recent.length && t - recent[0][0] > 1000) recent.shift();
      return done;
    },
    rate() {
      if (recent.length < 2) return null;
      const span = (recent.at(-1)[0] - recent[0][0]) / 1000;
      const steps = recent.slice(1).reduce((s, [, k]) => s + k, 0);
      return span > 0 ? Math.round(steps / span) : null;
    },
    reset() {
      recent.length = 0;
    },
  };
}
