// Long `step(n)` requests in the worker, run in chunks: between chunks the worker takes its
// messages, so Pause (a `play` command), a reset or a new run stops the request where it is. The
// chunks grow while each takes under CHUNK_MS, and every chunk is recorded as the steps it ran, so the run
// is the same bits however it was cut. Requests that arrive meanwhile wait their turn (replies
// stay in the order of the requests).

/** Steps above which a request runs in chunks. */
export const LONG_STEP = 1000;
/** Milliseconds a chunk (its steps and one redraw) may take before the next one is made
 *  smaller: Pause waits at most about this long. */
const CHUNK_MS = 100;
/** Fewest steps in a chunk (a redraw per chunk must not cost more than the steps). */
const MIN_CHUNK = 64;

/**
 * A request runner over `engine` for `handle(op, args)` (the worker's own dispatch) and
 * `reply(id, ok, valueOrError)`. Returns {request(id, op, args), stop()}.
 */
export function createChunker(engine, handle, reply) {
  let busy = false;
  let stopped = false;
  const waiting = [];

  const settle = (id, fn) => {
    try {
      reply(id, true, fn());
    } catch (e) {
      reply(id, false, e);
    }
  };

  /** Runs `n` steps in chunks; resolves to the state after the last chunk run. */
  async function longStep(n) {
    let done = 0;
    let k = MIN_CHUNK;
    let state = null;
    while (done < n && !stopped) {
      const t0 = performance.now();
      const m = Math.min(k, n - done);
      state = engine().requests.step(m);
      done += m;
      // A non-finite step stops the run where it is (the engine has told the page).
      if (state.error || state.step === undefined) break;
      k = performance.now() - t0 < CHUNK_MS ? k * 2 : Math.max(MIN_CHUNK, k >> 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return state;
  }

  async function next() {
    while (waiting.length > 0) {
      const { id, op, args } = waiting.shift();
      if (op === 'step' && Number(args) > LONG_STEP) {
        busy = true;
        stopped = false;
        try {
          reply(id, true, await longStep(args));
        } catch (e) {
          reply(id, false, e);
        } finally {
          busy = false;
        }
      } else settle(id, () => handle(op, args));
    }
  }

  return {
    /** Runs the request now, or after the long one under way. */
    request(id, op, args) {
      waiting.push({ id, op, args });
      if (!busy) next();
    },
    /** Stops the long request under way after its current chunk. */
    stop() {
      if (busy) stopped = true;
    },
  };
}
