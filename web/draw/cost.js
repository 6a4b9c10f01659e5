// What drawing a panel costs a frame, for Play's pace (engine/pace.js) and for the panels drawn
// every few frames while playing (panels.js): the script's time, and the rasterising that a 2-D
// canvas does after the script has returned. That second part is measured on some played frames
// by reading one pixel back, which makes the canvas rasterise at once, and only where the
// canvases rasterise on this thread (engine/pace.js, RASTER_HERE_MS); the frames between use the
// last measure.

import { context2d } from './colors.js';

/** Played frames from one measure of a canvas's rasterising to the next (its first drawing
 *  while playing measures). A read-back waits for the canvas, so it is not done every frame. */
export const RASTER_EVERY = 120;

/** Per engine's timings: {raster: {name: ms}, at: {name: played frame measured}, playing,
 *  readBack, frames, drawn, unflushed}. */
const accounts = new WeakMap();

function accountOf(timings) {
  let a = accounts.get(timings);
  if (!a) {
    a = { raster: {}, at: {}, playing: false, readBack: false, frames: 0, drawn: 0, unflushed: 0 };
    accounts.set(timings, a);
  }
  return a;
}

/** Opens a frame's account (played frames count towards the next measures); `readBack`:
 *  whether its panels' rasterising may be measured. */
export function frameStart(timings, playing, readBack) {
  const a = accountOf(timings);
  a.drawn = 0;
  a.unflushed = 0;
  a.playing = playing;
  a.readBack = readBack;
  if (playing) a.frames += 1;
}

/** This frame's drawing so far: `drawn`, the script's milliseconds (with any read-back), and
 *  `unflushed`, the rasterising still owed after the script (the last measures' sum). */
export function frameDrawn(timings) {
  const { drawn, unflushed } = accountOf(timings);
  return { drawn, unflushed };
}

/** Runs `fn`, which draws panel `name` (on `canvas`, when it is one canvas's), and records what
 *  it costs under `name`: its script's time plus its canvas's rasterising. */
export function timed(timings, name, fn, canvas = null) {
  const a = accountOf(timings);
  const last = a.at[name];
  const measure =
    canvas && a.playing && a.readBack && (last === undefined || a.frames - last >= RASTER_EVERY);
  const t0 = performance.now();
  fn();
  if (measure) {
    a.at[name] = a.frames;
    const t1 = performance.now();
    flush(canvas);
    a.raster[name] = performance.now() - t1;
  } else if (canvas) {
    a.unflushed += a.raster[name] ?? 0;
  }
  const ms = performance.now() - t0;
  a.drawn += ms;
  timings[name] = ms + (canvas && !measure ? (a.raster[name] ?? 0) : 0);
}

/** Makes `canvas` rasterise what it has been given (reading back one pixel needs it). */
function flush(canvas) {
  try {
    context2d(canvas).getImageData(0, 0, 1, 1);
  } catch {
    // A canvas with no pixels, or one whose pixels cannot be read: nothing to wait for.
  }
}
