// The settings form and the loss curve's cursor: fills the form from the wasm's defaults and
// names, reads it into settings as typed (the core checks them and says what is wrong), and maps
// the pointer and arrow keys on the loss curve to its read-out.

import { choices, completed, defaults, feature_labels } from '../../pkg/backstep_wasm.js';
import { t } from '../i18n/index.js';
import { fitting } from './presenter.js';

/** Fills the form with the chosen data set's defaults (the wasm's: backstep_lesson::Preset). */
export function applyDatasetDefaults(form) {
  showSettings(form, defaults(form.elements.dataset.value));
}

/** The form's menus, each named as the settings' field it fills. */
const MENUS = ['dataset', 'activation', 'optimizer', 'init', 'loss', 'regularization'];
/** The task's numbers (data knobs, classes, the penalty's rate), each named as its settings
 *  field: passed to the core as typed, so a bad one gets the core's message naming it. */
const TASK = ['points', 'noise', 'test_fraction', 'classes', 'regularization_rate'];

/** The loss the core takes for the form's data set and classes (softmax cross-entropy for more
 *  than 2), put in the form when the classes change; a bad number is left for the core's
 *  message when the run is built. */
export function followClasses(form) {
  const f = form.elements;
  try {
    f.loss.value = completed({ dataset: f.dataset.value, classes: Number(f.classes.value) }).loss;
  } catch {
    // Said when the form's run is built.
  }
}

/** Shows settings (an object as `defaults` returns it) in the form. */
export function showSettings(form, s) {
  const text = {
    hidden: s.hidden.join(','),
    batch: String(s.batch_size),
    lr: String(s.lr),
    seed: String(s.seed),
    ...Object.fromEntries(TASK.map((k) => [k, s[k] == null ? '' : String(s[k])])),
  };
  for (const name of MENUS) form.elements[name].value = s[name];
  for (const box of form.querySelectorAll('[name="features"]'))
    box.checked = (s.features ?? []).includes(box.value);
  for (const [name, value] of Object.entries(text)) form.elements[name].value = value;
}

/** Fills the form's menus with the names the wasm accepts (labels in `i18n/index.js` where a word
 *  reads better than the name). */
export function fillChoices(form) {
  // The input features: a box each, labelled with its formula (the core's).
  const labels = feature_labels();
  document.getElementById('features').append(
    ...choices('features').map((value, i) => {
      const label = document.createElement('label');
      label.className = 'inline';
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value });
      box.name = 'features';
      label.append(box, ` ${labels[i]}`);
      return label;
    }),
  );
  for (const name of MENUS) {
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
  const task = {};
  for (const key of TASK) {
    const text = String(f.get(key) ?? '').trim();
    // Empty takes the default; a number goes as one, anything else as typed (the core refuses
    // it with its own line).
    if (text !== '') task[key] = Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return {
    dataset: f.get('dataset'),
    hidden,
    activation: f.get('activation'),
    optimizer: f.get('optimizer'),
    lr: Number(f.get('lr')),
    batch_size: Number(f.get('batch')),
    init: f.get('init'),
    seed: Number(f.get('seed')),
    loss: f.get('loss'),
    // The boxes ticked, in menu order (none: the core says to choose one).
    features: f.getAll('features'),
    regularization: f.get('regularization'),
    ...task,
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
