// The page's limits on a run (stated in the UI text `limits`), and the check of a loaded run
// against them. The core accepts bigger runs (the CLI's limits); the page would draw them slowly
// and illegibly, and Play could stall.

import { t } from './i18n.js';
import { DATA, WHAT } from './codes.js';

/** Page limits, shown in the UI text `limits`. */
export const LIMITS = { hiddenLayers: 4, width: 16, points: 500 };

/** What puts a loaded run (a spec from a file or `load`) over the page's limits, as one line,
 *  or null. */
export function overLimits(trainer) {
  const samples = Math.max(trainer.rows(DATA, WHAT.X), trainer.rows(DATA, WHAT.X_TEST));
  if (samples > LIMITS.points) return t('overLimits')(`${samples} samples`);
  let affine = 0;
  for (let i = 0; i < trainer.layer_count(); i++) {
    if (trainer.layer_kind(i) !== 'affine') continue;
    affine++;
    if (Math.max(trainer.rows(i, WHAT.W), trainer.cols(i, WHAT.W)) > LIMITS.width) return t('overLimits')(`layers[${i}]: ${trainer.rows(i, WHAT.W)}×${trainer.cols(i, WHAT.W)}`);
  }
  if (affine - 1 > LIMITS.hiddenLayers) return t('overLimits')(`${affine - 1} hidden layers`);
  return null;
}
