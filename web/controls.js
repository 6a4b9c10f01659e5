// The settings form, keyboard shortcuts and the loss curve's cursor: turns the form into preset
// options within the page's limits (stated in the UI), maps keys to the toolbar's actions, and
// the pointer and arrow keys on the loss curve to its read-out.

import { t } from './i18n.js';
import { LIMITS } from './limits.js';

/**
 * Settings that train well for each data set, filled in when the data set changes: the article's
 * run for XOR and its regression sample; for the 2-D sets a tanh net that reaches 99–100% on
 * circle, quadrants and gaussians in 3000 steps (spiral stays hard, which is a lesson too).
 */
const ARTICLE = { hidden: '4', activation: 'relu', optimizer: 'sgd', lr: '0.1', batch: '0', init: 'normal', seed: '42' };
const PLANE = { hidden: '8,8', activation: 'tanh', optimizer: 'sgd', lr: '0.01', batch: '10', init: 'glorot' };
export function applyDatasetDefaults(form) {
  const plane = !['xor', 'regression'].includes(form.elements.dataset.value);
  for (const [name, value] of Object.entries(plane ? PLANE : ARTICLE)) form.elements[name].value = value;
}

/**
 * Reads the form into options for `preset_spec`, or throws an Error whose message says which
 * setting is wrong and why.
 */
export function readSettings(form) {
  const f = new FormData(form);
  const hiddenText = String(f.get('hidden') ?? '').trim();
  const hidden = hiddenText === '' ? [] : hiddenText.split(/[,\s]+/).filter(Boolean).map(Number);
  if (hidden.length > LIMITS.hiddenLayers) throw new Error(`${t('hidden')}: ≤ ${LIMITS.hiddenLayers}`);
  if (hidden.some((n) => !Number.isInteger(n) || n < 1 || n > LIMITS.width)) {
    throw new Error(`${t('hidden')}: 1 – ${LIMITS.width}`);
  }
  const lr = Number(f.get('lr'));
  if (!(lr > 0) || !Number.isFinite(lr)) throw new Error(`${t('lr')}: > 0`);
  const batch = Number(f.get('batch'));
  if (!Number.isInteger(batch) || batch < 0) throw new Error(`${t('batch')}: 0, 1, 2, …`);
  const seed = Number(f.get('seed'));
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`${t('seed')}: 0 – 4294967295`);
  return {
    dataset: f.get('dataset'),
    hidden,
    activation: f.get('activation'),
    optimizer: f.get('optimizer'),
    lr,
    batch_size: batch,
    init: f.get('init'),
    seed,
    points: LIMITS.points / 2,
  };
}

/** Keys for the toolbar when focus is not in a form field: Space, S, P, R, L. */
export function bindKeys(act) {
  document.addEventListener('keydown', (e) => {
    const tag = (e.target && e.target.tagName) || '';
    if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const action = { ' ': 'step', s: 'substep', p: 'play', r: 'reset', l: 'lang' }[key];
    if (action) {
      e.preventDefault();
      act(action);
    }
  });
}

/** The loss curve's read-out follows the pointer over `canvas`, or the arrow keys when it has
 *  focus; `move` gets {x, width} (CSS px), {by: ±1} or {leave: true}. */
export function bindLossCursor(canvas, move) {
  canvas.addEventListener('pointermove', (e) => {
    const rect = canvas.getBoundingClientRect();
    move({ x: e.clientX - rect.left, width: rect.width });
  });
  canvas.addEventListener('pointerleave', () => move({ leave: true }));
  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    move({ by: e.key === 'ArrowLeft' ? -1 : 1 });
  });
}
