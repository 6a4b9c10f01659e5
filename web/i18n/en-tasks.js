// The words of the task in English: the data knobs, classes, the loss and the penalty on the
// weights, the boundary's view toggles and its class legend (merged into i18n.js's table).

export const TASKS_EN = {
  points: 'points',
  noise: 'noise',
  testFraction: 'test fraction',
  classes: 'classes',
  lossKind: 'loss',
  regularization: 'regularization',
  regularizationRate: 'regularization rate',
  showTest: 'show test data',
  featuresLegend: 'inputs',
  discretize: 'discretize output',
  valueLine: 'Colour: output y (bar); points: target t (■ test)',
  legendRegression:
    'Regression — the plane is coloured by the output y (purple high, orange low; the bar gives the scale); each point by its target t on the same scale, ● training, ■ test.',
  options: {
    'dataset.plane': 'plane (regression)',
    'dataset.hills': 'gaussian hills (regression)',
    'loss.mse': 'MSE ½·Σ(y − t)²',
    'loss.softmax_cross_entropy': 'softmax cross-entropy',
    'regularization.none': 'none',
    'regularization.l1': 'L1 (r·Σ|W|)',
    'regularization.l2': 'L2 (½·r·ΣW²)',
  },
  foldClasses: (k) => `${k} classes`,
  foldLoss: { mse: 'MSE', softmax_cross_entropy: 'softmax CE' },
  classN: (j) => `class ${j}`,
  legendClasses:
    'Each class has its colour and glyph (✕ ● ▲ ■ ◆; the legend is right of the map); hollow or grey = test points. The plane takes the colour of the class the network picks.',
  classFieldLine: (soft) =>
    soft ? 'Class: the largest p = softmax(y); paler = less sure' : 'Class: the largest output y',
};
