// The task's parts of the page outside the form's fields: the boundary's legend follows the run
// (one output's sign, or k classes' colours and glyphs), a penalty chosen with its rate left
// empty shows the rate the core took, and the boundary's view toggles ("show test data",
// "discretize output") reach the engine and the link.

import { t } from '../i18n/index.js';
import { onRun } from './events.js';
import { viewSettings } from './view.js';

const $ = (id) => document.getElementById(id);

/** deps: {form, engine() (the host), updateHash(now)}. */
export function initTask({ form, engine, updateHash }) {
  onRun((run) => {
    const legend = $('boundary-legend');
    legend.dataset.i18n = run.classes
      ? 'legendClasses'
      : run.regression
        ? 'legendRegression'
        : 'legendBoundary';
    legend.textContent = t(legend.dataset.i18n);
    const rate = form.elements.regularization_rate;
    if (run.settings && rate.value === '')
      rate.value = String(run.settings.regularization_rate ?? '');
  });
  for (const id of ['show-test', 'discretize']) {
    $(id).addEventListener('change', () => {
      engine().command('view', viewSettings());
      updateHash(true);
    });
  }
}
