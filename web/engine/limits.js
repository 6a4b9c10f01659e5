// The page's limits on a run, as the wasm states them (backstep_lesson::limits: the one place they
// live), and the message for a run over them. The core accepts bigger runs (the CLI's limits);
// the page would draw them slowly and illegibly, and Play could stall.

import { page_limits } from '../../pkg/backstep_wasm.js';
import { t } from '../i18n/index.js';

/** {hiddenLayers, width, samples}, read once the wasm is running. */
let limits = null;
export function pageLimits() {
  limits ??= page_limits();
  return limits;
}

/** What puts a trainer's run over the page's limits, as one line in the page's language, or
 *  null. */
export function overLimits(trainer) {
  const over = trainer.overLimits();
  return over ? t('overLimits')(pageLimits(), over) : null;
}
