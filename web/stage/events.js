// The page's events, which the glass box's tools listen to instead of watching the page's text
// or polling the automation API: a newly shown state (another step, sub-step or phase), a new
// run, a switch of language, and the API once it is there. page.js and status.js emit them.

/** Listeners by event name. */
const listeners = { state: [], run: [], language: [] };

/** Calls `fn(detail)` after every `name` event ('state', 'run' or 'language'). */
function on(name, fn) {
  listeners[name].push(fn);
}

/** Tells every listener of `name`; a listener that throws does not stop the others. */
export function emit(name, detail) {
  for (const fn of listeners[name]) {
    try {
      fn(detail);
    } catch (e) {
      console.error(e);
    }
  }
}

/** `fn(state)` after the page shows another step or phase (every sub-step, step, back, seek). */
export const onState = (fn) => on('state', fn);
/** `fn(run)` after a new run is loaded ({kinds, rows, settings} as the engine reported it). */
export const onRun = (fn) => on('run', fn);
/** `fn(lang)` after the page switches language. */
export const onLanguage = (fn) => on('language', fn);

let api = null;
const waiting = [];

/** The automation API is ready (page.js, once the first run is loaded). */
export function apiReady(a) {
  api = a;
  for (const resolve of waiting.splice(0)) resolve(a);
}

/** A promise of the automation API (`window.backstep`), once the page has made it. */
export function whenApi() {
  return api ? Promise.resolve(api) : new Promise((resolve) => waiting.push(resolve));
}
