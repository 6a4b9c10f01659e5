// The settings form and the loss curve's cursor: fills the form from the wasm's defaults and
// names, reads it into settings as typed (the core checks them and says what is wrong), and maps
// the pointer and arrow keys on the loss curve to its read-out.

import { choices, defaults } from '../../pkg/backstep_wasm.js';
import { t } from '../i18n/index.js';
import { fitting } from './presenter.js';

/** Fills the form with the chosen data set's defaults (the wasm's: backstep_lesson::Preset). */
export function applyDatasetDefaults(form) {
  showSettings(form, defaults(form.elements.dataset.value));
}

/** Shows settings (an object as `defaults` returns it) in the form. */
export function showSettings(form, s) {
  const text = {
    hidden: s.hidden.join(','),
    batch: String(s.batch_size),
    lr: String(s.lr),
    seed: String(s.seed),
  };
  for (const name of ['dataset', 'activation', 'optimizer', 'init'])
    form.elements[name].value = s[name];
  for (const [name, value] of Object.entries(text)) form.elements[name].value = value;
}

/** Fills the form's menus with the names the wasm accepts (labels in `i18n/index.js` where a word
 *  reads better than the name). */
export function fillChoices(form) {
  for (const name of ['dataset', 'activation', 'optimizer', 'init']) {
    const select = form.elements[name];
    select.replaceChildren(
      ...choices(name).map((value) => {
        const o = new Option(value, value);
        o.dataset.i18nOption = `${name}.${value}`;
        return o;
      }),
    );
  }
}

/**
 * Reads the form into settings for `Trainer.fromSettings`, as typed: the page checks nothing the
 * core checks (a rate > 0, whole widths and seeds, the page's limits), so a bad value is refused
 * by the core with its message in the page's language (`said`), naming the setting. Text that is
 * not a number reaches the core as NaN, which it refuses as it refuses any non-number.
 */
export function readSettings(form) {
  const f = new FormData(form);
  const hiddenText = String(f.get('hidden') ?? '').trim();
  const hidden =
    hiddenText === ''
      ? []
      : hiddenText
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number);
  return {
    dataset: f.get('dataset'),
    hidden,
    activation: f.get('activation'),
    optimizer: f.get('optimizer'),
    lr: Number(f.get('lr')),
    batch_size: Number(f.get('batch')),
    init: f.get('init'),
    seed: Number(f.get('seed')),
  };
}

/** The loss curve's read-out follows the pointer over `canvas`, or the arrow keys when it has
 *  focus; `move` gets {x, width} (CSS px), {by: ±1} or {leave: true}. */
export function bindLossCursor(canvas, move) {
  canvas.addEventListener('pointermove', (e) => {
    const rect = canvas.getBoundingClientRect();
    move({ x: e.clientX - rect.left, width: rect.width });
  });
  canvas.addEventListener('pointerleave', () => move({ leave: true }));
  // A click does not focus the curve: its arrows are the keyboard's (Tab), and after a click
  // → and ← stay Step and Back.
  canvas.addEventListener('mousedown', (e) => e.preventDefault());
  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    move({ by: e.key === 'ArrowLeft' ? -1 : 1 });
  });
}

/** A heatmap's cell under the pointer over the matrices `canvas` is read out: `at` gets the
 *  pointer's place in drawing units ({x, y}; CSS px over the zoom), or null when it leaves. A
 *  click keeps the cell chosen after the pointer leaves; another click lets it go. */
export function bindMatrixCursor(canvas, at) {
  let chosen = false;
  let pending = null;
  const place = (e) => {
    const rect = canvas.getBoundingClientRect();
    const { zoom } = fitting();
    return { x: (e.clientX - rect.left) / zoom, y: (e.clientY - rect.top) / zoom };
  };
  canvas.addEventListener('pointermove', (e) => {
    if (chosen) return;
    // At most one redraw per animation frame.
    if (!pending)
      requestAnimationFrame(() => {
        const p = pending;
        pending = null;
        at(p);
      });
    pending = place(e);
  });
  canvas.addEventListener('click', (e) => {
    chosen = !chosen;
    at(place(e));
  });
  canvas.addEventListener('pointerleave', () => {
    if (!chosen) at(null);
  });
}

/** Fills the matrices panel's layer menu and the sample menu for a new run ({kinds, rows,
 *  sample}). */
export function fillSelectors(run) {
  const $ = (id) => document.getElementById(id);
  const layerSel = $('matrix-layer');
  layerSel.replaceChildren(
    named('auto', 'layerAuto'),
    ...run.kinds.map((k, i) => new Option(`layers[${i}] ${k}`, String(i))),
    named('loss', 'layerLoss'),
  );
  layerSel.value = 'auto';
  $('sample').replaceChildren(
    ...Array.from({ length: Math.min(run.rows, 64) }, (_, i) => new Option(String(i), String(i))),
  );
  $('sample').value = String(run.sample);
}

/** A menu option whose label is a word of the page's language (kept up to date by
 *  `applyLanguage`). */
function named(value, key) {
  const o = new Option(t(key), value);
  o.dataset.i18n = key;
  return o;
}
