// The engine's requests for tests and benchmarks to look inside the side that has the run: a
// panel's pixels (the page cannot read a canvas it handed to the worker), the drawing timings,
// the play frames' durations, the memory in use and where the last drawing put things; and
// `poison`, the call that once killed the run (a live Proxy handed to the wasm), for the tests of
// its rebuild (lifeline.js).
import { drawnItems } from '../../draw/drawn.js';

/** The requests over the engine's `canvases`, its `model` (model.js), its `timings` per panel
 *  and its recent `playTimes`. */
export function probeRequests(canvases, model, timings, playTimes) {
  const memory = model.memory;
  return {
    timings: () => ({ ...timings }),
    /** What the last drawing of each panel placed, in drawing units (layout.js scales it). */
    layout: () => drawnItems(),
    frameTimes: () => [...playTimes],
    /** Bytes of the wasm's memory, and of this thread's JS heap where the browser tells. */
    memory: () => ({ wasm: memory.buffer.byteLength, heap: performance.memory?.usedJSHeapSize }),
    pixels: (name) =>
      canvases[name]
        .getContext('2d')
        .getImageData(0, 0, canvases[name].width, canvases[name].height),
    /** Hands the wasm a Proxy whose every read throws, past plain.js: the instance is left
     *  unusable, and the engine rebuilds the run (the request rejects, saying so). */
    poison: () => {
      const hostile = new Proxy(
        { type: 'sgd' },
        {
          getOwnPropertyDescriptor() {
            throw new Error('poisoned');
          },
          get() {
            throw new Error('poisoned');
          },
        },
      );
      model.trainer.setOptimizer(hostile);
    },
  };
}
