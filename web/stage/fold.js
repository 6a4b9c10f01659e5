// The settings fold (as TF Playground's top bar folds): the form sits in a <details> that
// stays open or closed as the teacher last left it (this browser's storage), and its summary
// line states the settings in one line when it is closed, so the first screen is the network
// and the phase's matrices.

import { defaults } from '../../pkg/backstep_wasm.js';
import { t } from '../i18n/index.js';

/** The ticked features' formulas, or null where they are the data set's default ones. */
function features(form) {
  const boxes = [...form.querySelectorAll('[name="features"]')];
  const on = boxes.filter((b) => b.checked);
  let plain = [];
  try {
    plain = defaults(form.elements.dataset.value).features;
  } catch {
    // No data set chosen yet.
  }
  if (on.map((b) => b.value).join(',') === plain.join(',')) return null;
  return on.map((b) => b.parentElement.textContent.trim()).join(' ');
}

/** Where the fold's state is kept (tests/e2e/fixtures.mjs opens it by the same name). */
const KEY = 'backstep.settingsFold';

/** The stored state, or null where storage is refused (a file:// page, a private window). */
function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The settings in one line, from the form as it reads now, in the page's language. */
export function showSummary(form) {
  const el = document.getElementById('settings-summary');
  if (!el) return;
  const f = form.elements;
  const chosen = (name) => f[name].selectedOptions[0]?.textContent ?? f[name].value;
  el.textContent = [
    chosen('dataset'),
    `${t('foldHidden')} ${f.hidden.value || '—'}`,
    chosen('activation'),
    chosen('optimizer'),
    `lr ${f.lr.value}`,
    `${t('foldBatch')} ${f.batch.value}`,
    chosen('init'),
    `${t('seed')} ${f.seed.value}`,
    // The task's choices, where they leave the plain two-class MSE run.
    Number(f.classes.value) > 2 ? t('foldClasses')(f.classes.value) : null,
    f.loss.value === 'mse' ? null : t('foldLoss')[f.loss.value],
    // The input features, where they are not the data set's (x₁, x₂).
    features(form),
    f.regularization.value === 'none'
      ? null
      : `${chosen('regularization').split(' ')[0]} ${f.regularization_rate.value}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Opens the fold as last left (closed the first time): before the page's first layout. */
export function restoreFold() {
  document.getElementById('settings-fold').open = stored() === 'open';
}

/** Keeps the fold's state when it is toggled and its summary when the form is edited;
 *  `changed` runs after a toggle (the layout moved). */
export function initFold(form, changed) {
  const fold = document.getElementById('settings-fold');
  fold.addEventListener('toggle', () => {
    try {
      localStorage.setItem(KEY, fold.open ? 'open' : 'closed');
    } catch {
      // Not kept: the fold still works for this visit.
    }
    changed();
  });
  for (const type of ['input', 'change']) form.addEventListener(type, () => showSummary(form));
  showSummary(form);
}
