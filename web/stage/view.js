// What the engine needs to know of the page's layout and controls: each panel's width, the
// pixel ratio and presenter view's fitting (the engine draws without layout: in the worker
// there is none), kept up as the layout changes, and how the controls say the panels are drawn.

import { fitting, presenting } from './presenter.js';

const $ = (id) => document.getElementById(id);

/** The panels, in the order the page lays them out. */
export const PANELS = ['network', 'matrices', 'gates', 'loss', 'boundary', 'neurons'];
/** Every canvas the engine draws on: the panels, and the comparison's (drawn while comparing;
 *  not one of the panels an export takes). */
export const CANVASES = [...PANELS, 'compare'];

/** Each panel's CSS width and the pixel ratio: the engine draws without layout (in the worker
 *  there is none). */
export function geometry() {
  return {
    dpr: window.devicePixelRatio || 1,
    widths: Object.fromEntries(CANVASES.map((n) => [n, $(`c-${n}`).clientWidth])),
    ...fitting(),
  };
}

/** The geometry last sent to the engine (as JSON): an unchanged one is not sent again. */
let sent = '';

/** The geometry an engine starts with, remembered as sent. */
export function startGeometry() {
  const g = geometry();
  sent = JSON.stringify(g);
  return g;
}

/** The page's engine's: also the panels below the window, which its first frame leaves until
 *  the page says it is on screen (engine/drawing.js). */
export function firstGeometry() {
  const g = startGeometry();
  const below = (n) => $(`c-${n}`).getBoundingClientRect().top >= window.innerHeight;
  return { ...g, later: PANELS.filter(below) };
}

/** Sends `engine` the geometry (the engine then redraws): always when `force` (a resize, a
 *  change of view), and after each frame the page showed only if it changed (the frame's text
 *  may have moved the canvases). */
export function sendGeometry(engine, force = false) {
  const g = geometry();
  const key = JSON.stringify(g);
  if (!engine || (key === sent && !force)) return;
  sent = key;
  engine.command('geometry', g);
}

/** How the panels are drawn, as the controls say. */
export function viewSettings() {
  return {
    speed: Number($('speed').value),
    showGrads: $('show-grads').checked,
    sample: Number($('sample').value || 0),
    logScale: $('log-scale').checked,
    matrixLayer: $('matrix-layer').value || 'auto',
    presenter: presenting(),
    // A pass travels along the edges after a sub-step unless the reader asked for no motion.
    motion: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    showTest: $('show-test').checked,
    discretize: $('discretize').checked,
  };
}

/** A function that sends `engine()` the geometry once the layout has settled: `force`d after a
 *  resize or a change of view; otherwise only if it changed (the settings fold opened or
 *  closed, which it is as the page starts, as last left: the first frame is not drawn twice). */
export const refitter =
  (engine, force = true) =>
  () =>
    requestAnimationFrame(() => sendGeometry(engine(), force));

/** Keeps `engine()` told of the layout: a resize refits; so does a change in the heights that
 *  presenter view fits the panels below (the header, toolbar, lesson text and panel headings:
 *  a message, a language, a longer formula). The height observer's first notice, as it starts,
 *  only checks the geometry: the first frame was drawn at it, and drawing that frame again
 *  would delay the page's first paint. A reader who turns motion off (or on) mid-lesson: the
 *  passes along the edges follow. */
export function watchLayout(engine, refit) {
  window.addEventListener('resize', refit);
  let observing = false;
  const fits = new ResizeObserver(() => {
    if (observing) return refit();
    observing = true;
    requestAnimationFrame(() => sendGeometry(engine()));
  });
  const above = 'header, .toolbar, [data-panel="explain"], .panel h2';
  for (const el of document.querySelectorAll(above)) fits.observe(el);
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', () =>
    engine().command('view', viewSettings()),
  );
}
