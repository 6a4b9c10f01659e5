// The learning rate and the optimizer changed in the middle of a run, as in TF Playground: the
// form's change goes to the run as a setOptimizer event (recorded in the timeline, so stepping
// back, saving and resuming replay it) instead of starting over (the link holds these changes:
// share/hash.js, share/link.js). Any other setting starts over.

import { ruleOf } from '../share/hash.js';
import { applyDatasetDefaults, followClasses, readSettings } from '../stage/settings-form.js';

/** Settings that a run can change without starting over. */
const OPTIMIZER_FIELDS = new Set(['lr', 'optimizer']);
/** Settings that must match the run's for a change to go on from the current step. */
const SAME = ['dataset', 'activation', 'init', 'seed', 'batch_size'];

/**
 * deps: {engine() (the host), shown, form, loadFromSettings, share (share/link.js's: its `link`
 * holds the run's changes, `refresh()` reads them)}. Returns {change(name)}.
 */
export function createMidRun({ engine, shown, form, loadFromSettings, share }) {
  /** The form's field `name` changed. */
  async function change(name) {
    if (name === 'dataset') applyDatasetDefaults(form);
    if (name === 'classes') followClasses(form);
    const run = shown.settings;
    const step = shown.state?.step ?? 0;
    let wanted = null;
    try {
      wanted = readSettings(form);
    } catch {
      // loadFromSettings shows what is wrong.
    }
    const goesOn =
      wanted &&
      run &&
      step > 0 &&
      OPTIMIZER_FIELDS.has(name) &&
      SAME.every((k) => wanted[k] === run[k]) &&
      wanted.hidden.join(',') === run.hidden.join(',');
    if (!goesOn) {
      share.link.changes = [];
      return loadFromSettings();
    }
    try {
      await engine().request('edit', {
        what: 'optimizer',
        rule: ruleOf(wanted.optimizer, wanted.lr, run),
      });
    } catch {
      // The core refused the rule (a rate that is not > 0, say): loading the form's settings
      // shows its message and keeps the run.
      return loadFromSettings();
    }
    await share.refresh();
  }

  return { change };
}
