// What the page's own modules do, observed from outside so the glass box's tools need no hook
// in page.js: the automation API once it is there, a new frame's state in the header (step or
// phase), a new run (the sample menu is filled again) and a switch of language.

const $ = (id) => document.getElementById(id);

/** A promise of `window.backstep`, once the page has made it. */
export function whenApi() {
  return new Promise((resolve) => {
    const look = () => (window.backstep ? resolve(window.backstep) : setTimeout(look, 30));
    look();
  });
}

/** Calls `fn` (at most once per animation frame) whenever `targets` change as `options` (a
 *  MutationObserver's) say. */
function observe(targets, fn, options) {
  let queued = false;
  const run = () => {
    queued = false;
    fn();
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(run);
  });
  for (const el of targets) observer.observe(el, options);
}

/** Their text or their children. */
const TEXT = { childList: true, characterData: true, subtree: true };

/** `fn()` after the header shows another step or phase (every sub-step, step, back, seek). */
export function onState(fn) {
  observe([$('step-count'), $('phase')], fn, {
    ...TEXT,
    attributes: true,
    attributeFilter: ['data-phase'],
  });
}

/** `fn()` after a new run is loaded (the page fills the sample menu again for it). */
export function onRun(fn) {
  observe([$('sample')], fn, { childList: true });
}

/** `fn()` after the page switches language. */
export function onLanguage(fn) {
  observe([document.documentElement], fn, { attributes: true, attributeFilter: ['lang'] });
}

/** A button with its text and a click handler. */
export function button(text, onClick, attrs = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.addEventListener('click', onClick);
  return b;
}

/** An element with its text (never parsed as HTML). */
export function el(tag, text = '', attrs = {}) {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** A number typed by a person: ASCII or full-width digits, a minus sign or hyphen, a decimal
 *  point or comma; null if it is not a finite number. */
export function typedNumber(text) {
  const ascii = String(text)
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[−ー]/g, '-')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(ascii)) return null;
  const v = Number(ascii);
  return Number.isFinite(v) ? v : null;
}
