// The comparison panel's words in English (web/stage/compare-form.js, web/draw/compare.js);
// ja-compare.js has the same keys.

export const COMPARE_EN = {
  pCompare: 'Two runs side by side',
  compareWhat: 'the variant changes',
  compareValue: 'to',
  btnCompare: 'Compare',
  btnCompareStop: 'Stop comparing',
  compareRun: 'this run',
  compareVariant: 'variant',
  compareAxis: (sum) => `step (batch loss ${sum} of each step)`,
  compareAccuracy: (p) => `accuracy ${p}%`,
  compareNames: {
    activation: 'activation',
    lr: 'learning rate',
    optimizer: 'optimizer',
    init: 'initialisation',
    seed: 'seed',
  },
  compareOn: (what, value, weights) =>
    `Compared with the same run but ${what} = ${value} (same data, ${weights ? 'same initial weights' : 'other initial weights of the same shapes'}); both step together.`,
  compareDiverged: (m) => `The variant diverged: ${m}`,
  compareEnded:
    'An edit of the weights, data or optimizer ended the comparison: the two runs no longer differ in one setting only.',
  compareHint: 'Pick a setting and a value, then Compare: both runs step together from here.',
};
