// The page's words in English (the phases keep the article's Japanese names beside them).

import { COMPARE_EN } from './en-compare.js';
import { KEYS_EN } from './en-keys.js';

export const EN = {
  tagline: 'backpropagation, one step at a time',
  step: 'step',
  loss: 'loss',
  testLoss: 'test loss',
  pExplain: 'What is being computed',
  explainStart: "Press Sub-step: each phase's formula appears here with the real numbers.",
  moreTerms: (k) => `… ${k} more terms`,
  sampleN: (k) => `sample ${k}`,
  reluRule: ' (z ≤ 0 gives 0, and no gradient passes back)',
  notTminusY:
    "(the article's comment writes t − y; the derivative of L with respect to y is y − t)",
  updateRule: (type) => `W updated by the ${type} rule`,
  noticeDead: (n) =>
    `Unit ${n.unit} of layers[${n.layer}] is dead since step ${n.since}: its input z ≤ 0 for every sample of the batch, so its output is 0, no gradient passes, and dW for its incoming weights stays 0.`,
  noticePlateau: (n) => `The loss has stopped moving since step ${n.since} (a plateau).`,
  noticeDiverged: (n) => `The values diverged at step ${n.since}.`,
  tryLabel: 'Try:',
  btnGradcheck: 'Check the gradients numerically',
  btnCode: 'Show the PyTorch code',
  btnDownload: 'Download .py',
  gradcheckSummary: (g, disagree) =>
    `Finite differences (central, f64, h = ${g.h}) against backpropagation, ${g.entries.length} entries, agreeing when |a − n| ≤ ${g.atol} + ${g.rtol}·|n|: ${disagree ? `${disagree} disagree` : g.kinks ? `they agree, except ${g.kinks} at a ReLU kink (a move of ±h changes which units are blocked: the loss has no derivative there to measure)` : 'they agree'}.${g.nearKink ? ' Some ReLU input lies within h of 0: the loss has a kink there.' : ''}`,
  gradcheckHead: ['layer', '', 'entry', 'backprop', 'numeric', 'rel. error', 'verdict'],
  gradcheckStatus: { agree: 'agree', disagree: 'disagree', kink: 'at a kink' },
  layerAuto: 'auto (the active layer)',
  layerLoss: 'loss',
  rate: (r) => `${r} steps/s`,
  experiment: {
    seed: 'seed',
    init: 'init',
    hidden: 'hidden layers',
    lr: 'learning rate',
    activation: 'activation',
    optimizer: 'optimizer',
  },
  btnBack: 'Back',
  btnPresent: 'Presenter view',
  btnHelp: 'Keys',
  timeline: 'step',
  close: 'Close',
  ...KEYS_EN,
  badLink: (m) => `Cannot read this link (${m}); starting from the defaults.`,
  rebuilt:
    'An internal error stopped the run; it was rebuilt from its record, without the last change.',
  notPlain: 'the argument could not be read as plain data',
  toolsMissing:
    'This tool needs the rest of the page, which could not be loaded. Check the connection and reload the page.',
  editsNotInLink:
    'This run has more weight edits than a link holds: the link opens it without them.',
  linkOpening: (k, n) => `Opening the link: step ${k} of ${n} (Pause stops here)`,
  linkStopped: (k, n) => `Stopped opening the link at step ${k} of ${n}.`,
  notInLink: 'A run loaded from a file is not put in the link: no settings describe it.',
  // --- the class link (classlink.js) ---
  btnClassLink: 'Link for the class',
  classTitle: 'A link for the class',
  classHide: 'Hide:',
  classLock: 'Lock: what is hidden cannot be used (its keys neither)',
  classHint: 'The link opens this run at this step, in this view.',
  classUrl: 'Link:',
  classCopy: 'Copy',
  classCopied: 'Copied.',
  classCopyByHand: 'Selected: copy it with Ctrl+C.',
  hideNames: {
    settings: 'settings',
    play: 'Play',
    reset: 'Reset',
    seed: 'New seed',
    export: 'Export trace',
    import: 'Load file',
    timeline: 'step slider',
    speed: 'speed',
  },
  listJoin: ', ',
  lockedNote: (names) => `This link locks: ${names}.`,
  lockedAction: (name) => `"${name}" is locked by this link.`,
  btnStage: 'Loss & maps',
  btnNotices: (n) => `Notices (${n})`,
  btnStep: 'Step',
  btnSubstep: 'Sub-step',
  btnLessonPlay: 'Lesson play',
  btnLessonStop: 'Stop lesson play',
  lessonPace: 'every',
  btnPlay: 'Play',
  btnPause: 'Pause',
  speed: 'speed (steps/frame)',
  btnReset: 'Reset',
  btnSeed: 'New seed',
  btnSave: 'Save run',
  btnExport: 'Export trace',
  btnImport: 'Load file',
  settingsFold: 'Settings',
  foldHidden: 'hidden',
  foldBatch: 'batch',
  dataset: 'data',
  options: {
    'dataset.xor': 'XOR',
    'dataset.regression': 'regression (article)',
    'dataset.circle': 'circle',
    'dataset.quadrants': 'quadrants',
    'dataset.gaussians': 'two gaussians',
    'dataset.spiral': 'spiral',
    'optimizer.sgd': 'SGD',
    'optimizer.momentum': 'momentum',
    'optimizer.adam': 'Adam',
    'init.normal': 'normal',
    'init.he': 'He',
    'init.glorot': 'Glorot',
  },
  hidden: 'hidden layers (widths)',
  activation: 'activation',
  optimizer: 'optimizer',
  lr: 'learning rate',
  batch: 'batch (0 = all)',
  init: 'init',
  seed: 'seed',
  limits: (l) =>
    `Limits: up to ${l.hiddenLayers} hidden layers of up to ${l.width} units, up to ${l.samples} points (page limits; the CLI allows 256 units and 10000 points). Changing a setting starts over; the learning rate and the optimizer change from the current step on.`,
  pNetwork: 'Network',
  showGrads: 'show gradients dW',
  sample: 'sample',
  legendEdges:
    'Edge colour and style = sign (solid purple +, dashed orange −), width = magnitude; dotted grey = dW not computed yet in this step. Numbers at the circles are values for the chosen sample.',
  pMatrices: "Matrices (the article's printouts, live)",
  layer: 'layer',
  pGates: 'ReLU gates (× = blocked, x ≤ 0)',
  pLoss: 'Loss',
  logScale: 'log scale',
  pBoundary: 'Decision boundary (output)',
  ...COMPARE_EN,
  pNeurons: "Each neuron's output",
  legendBoundary:
    'Purple = high output (+), orange = low (−). ● = target 1, ✕ = target 0, hollow or grey = test points.',
  keys: 'Keys (outside text fields): → / PageDown / Space = Step, Shift+→ / S = Sub-step, ← / PageUp = Back, P = Play/Pause, A = lesson play, R = Reset, F = presenter view, L = language, ? = all keys. Tab reaches every control.',
  phase: {
    idle: 'idle',
    forward: '知る forward',
    loss: 'ロス loss',
    backward: '考える backward',
    update: '更新 update',
  },
  phaseShort: { forward: 'forward', loss: 'loss', backward: 'backward', update: 'update' },
  next: 'next',
  dead: 'dead units',
  none2d: 'The boundary needs 2 input features',
  noRelu: 'No ReLU layer',
  noSteps: 'No step completed yet',
  blocked: 'blocked',
  open: 'open',
  before: 'before update',
  stageBefore: 'before',
  stageAfter: 'after',
  samples: 'samples',
  units: 'units',
  moreRows: (n) => `… ${n} more rows`,
  badSetting: (m) => `Cannot use these settings: ${m}`,
  badImport: (m) => `Cannot load: ${m}`,
  diverged: (f) =>
    typeof f === 'string'
      ? `Stopped: ${f}`
      : `Stopped: step ${f.step}, ${f.phase} phase${f.layer == null ? '' : `, layers[${f.layer}] (${f.kind})`}: ${f.what} is not finite (NaN or ±Inf). The state from before this step is kept; try a smaller learning rate.`,
  badJson: (m) => `not valid JSON: ${m}`,
  tooManyValues: (name, max) =>
    `${name}: more than ${max} values; no run the page can load holds that many`,
  tooBig: (name, mb, max) => `${name}: ${mb} MB; files up to ${max} MB`,
  overLimits: (l, o) =>
    `Over the page's limits (up to ${l.hiddenLayers} hidden layers of up to ${l.width} units, up to ${l.samples} samples): ${o.field} has ${o.value} ${{ samples: 'samples', width: 'units', hidden: 'hidden layers', layers: 'layers' }[o.what]}, at most ${o.max}. The CLI runs it: backstep trace`,
  noWasm: (m) =>
    `This browser cannot run the page (it needs WebAssembly SIMD: Chrome 91, Firefox 89, Safari 16.4 or later): ${m}`,
  // --- panels ---
  lossTrain: 'training',
  lossTest: 'test',
  axisStep: 'step',
  lossFormula:
    'Both curves: the mean loss per sample over the whole set after each step, L = (1/n)·Σᵢ ½‖yᵢ − tᵢ‖². The header shows the batch loss of one step, 0.5·Σ(y − t)², as the article prints it.',
  lossReadout: ({ step, batch, train, test, sum }) =>
    `step ${step}: ${batch == null ? '(start) · mean per sample' : `${batch} (batch loss ${sum}, before update) · mean per sample after update`}: training ${train}${test == null ? '' : `, test ${test}`}`,
  lossOfStep: (after, sum) => (after ? `batch loss ${sum}, before update` : `batch loss ${sum}`),
  lossAfter: '→ after update',
  stepWhen: { start: '(start)', before: '· before update', after: '· after update' },
  playingNow: 'playing',
  testLossMean: 'test loss (mean)',
  notTwoClass: 'Not a 2-class task: no threshold, no accuracy.',
  thresholdLine: (mid, lo, hi) =>
    `Line: threshold y = ${mid}, midway between the targets ${lo} and ${hi}`,
  accuracyLine: (train, test) =>
    `Accuracy: training ${train}${test == null ? '' : ` · test ${test}`}`,
  notYet: 'not yet computed',
  legendMatrices:
    'Cell colour: purple = positive (the number has no sign), orange = negative (−), white = 0.0000; the deeper, the larger |value| next to the largest in that matrix (under 0.01 stays pale). Mask: × 1 = blocked, ○ 0 = passed.',
  altNetwork: ({ layout, sample, values, grads, phase }) =>
    `Network ${layout}. Now: ${phase}. Edge widths show ${grads ? 'dW' : 'W'}. Values for sample ${sample}: ${values || 'none yet'}.`,
  altMatrices: (layer, n) => `${n} matrices of ${layer}, as tables of the printed numbers:`,
  altGates: (layer, rows, dead) =>
    `layers[${layer}] relu: ${rows.map((r) => `sample ${r.sample} blocks ${r.blocked.length ? `units ${r.blocked.join(', ')}` : 'no unit'}`).join('; ') || 'no forward pass yet'}. Dead units: ${dead.length ? dead.join(', ') : 'none'}.`,
  altLoss: ({ step, train, test, batch, lossStep, sum }) =>
    `Loss after step ${step}, mean per sample over the whole set: training ${train ?? '—'}${test == null ? '' : `, test ${test}`}. Batch loss (${sum}, before update) of step ${lossStep}: ${batch ?? '—'}.`,
  altBoundary: (n, m) =>
    `The network's output over the input plane, with ${n} training points${m ? ` and ${m} test points` : ''}.`,
  altNeurons: (list) => `Each unit's output over the input plane, for ${list}.`,
  exportWhich: 'PNG of',
  exportAll: 'all panels',
  btnExportPng: 'Save PNG',
  btnExportCsv: 'Loss history CSV',
  exportEmpty: 'no panel has anything drawn yet',
  exportFailed: (m) => `Cannot export: ${m}`,
  exportNoPanel: (n, list) => `no panel named "${n}" (use all, ${list.join(', ')})`,
  // --- poke ---
  inspectPick: 'Inspect a neuron:',
  unitOption: (layer, unit) => `layers[${layer}] unit ${unit}`,
  inspTitle: (n) =>
    `Neuron: unit ${n.unit} of layers[${n.layer}] — sample ${n.sample} (row ${n.row} of the data), step ${n.step} ${n.updated ? '· after update' : '· before update'}`,
  inspForward: '知る forward',
  inspBackward: '考える backward',
  inspNoBackward:
    'The backward pass has not reached this neuron in this step yet: press Sub-step to get there.',
  inspNoForward:
    'This step has not reached this neuron yet: press Sub-step (or Step) and its equation appears here with its numbers.',
  inspBatch: 'Whole batch',
  inspUpdated: '更新 after the update',
  inspWeights: 'Its incoming weights (choose one to edit it):',
  weightTitle: 'Weight',
  weightNoGrad: 'dW: not computed yet (run a backward pass)',
  weightRule: (type) => `the ${type} rule sets the step from its running averages of dW`,
  weightNew: 'New w:',
  btnSetWeight: 'Set',
  weightHint:
    'The run goes on from here with the new value; the steps after this one are recomputed.',
  badWeight: (s) => `"${s}" is not a number; type e.g. 0.5 or -1.25`,
  weightSame: 'Unchanged: type another value first.',
  weightSet: (name) => `${name} set. The next step starts from it.`,
  dataClass: 'A click on the plane adds:',
  class1: '● class 1',
  class0: '✕ class 0',
  btnCsv: 'Load CSV (x1, x2, label)',
  dataHint: (l) =>
    `Click the plane to add a training point, click a point to remove it (1 to ${l.samples} points). The run then starts again at step 0 with the same initial weights.`,
  targetsTitle: 'Targets (t) of the training set',
  targetOf: (i) => `target of point ${i}`,
  removeOf: (i) => `remove point ${i}`,
  gatesLabel: 'Make the targets a logic gate:',
  badData: (m) => `Cannot change the data: ${m}`,
  csvTooBig: (name, kb, max) => `${name}: ${kb} kB; a CSV file may have up to ${max} kB`,
  badNumber: (s) => `"${s}" is not a number`,
  dataEdited:
    'The data was edited: the run starts again at step 0 with the same initial weights. The link cannot hold edited data; Save keeps the whole run.',
  btnPredict: 'Predict, then reveal',
  predictMove: { up: '↑ grows', down: '↓ shrinks', same: '= stays' },
  predictAsk: (k) =>
    `Before the update of step ${k}: how will each of these weights move? Mark each, then step.`,
  predictRevealed: (k) => `Step ${k}'s update has run:`,
  predictRight: 'right',
  predictWrong: 'not quite',
  predictUnmarked: 'not marked',
  predictWhy: (g) =>
    g.dw === 0 && g.rule?.type === 'sgd'
      ? 'dW = 0 (no gradient reached this weight), so w − lr·dW leaves it where it is.'
      : g.rule?.type === 'sgd'
        ? `dW = ${g.dwText} ${g.dw > 0 ? '> 0' : '< 0'}, and w − lr·dW moves w against dW, so it ${g.dw > 0 ? 'shrinks' : 'grows'}.`
        : `dW = ${g.dwText}; the ${g.rule?.type} rule steps against its running average of dW, not dW alone.`,
  predictAgain: 'Predict the next step',
  noteButton: 'What am I looking at?',
  notes: {
    explain:
      'The formula of the phase that just ran, with the real numbers of one sample. Choose a neuron to see its own equation.',
    network:
      'Circles are units, each showing its value for the chosen sample; lines are weights (solid +, dashed −, thicker = larger). Click a unit to inspect it, a line to edit its weight.',
    matrices:
      'Every matrix of one layer as a grid of numbers: its input x, weights W, bias b, output, and after the backward pass the gradients.',
    gates:
      'For each ReLU unit and sample: open (passes its value and gradient) or blocked (z ≤ 0: output 0, no gradient).',
    loss: 'The loss after each step. A flat stretch is a plateau; use the arrow keys to read a value.',
    boundary:
      'What the network outputs over the input plane, with the training points. Click to add a point, click a point to remove it.',
    compare:
      'The run and a variant that differs in one setting, stepping together: both batch losses on one plot (the variant dashed), each one’s output over the plane.',
    neurons: 'The same picture for each hidden unit alone: where on the plane it is active.',
  },
  articleDraws:
    'These starting weights are the ones the article prints. Before drawing them, its program (seed 42) had already drawn 72 normal numbers in earlier cells (its random sample among them), so the page discards 72 draws too; without that, seed 42 would give other weights.',
  articlePrintout:
    "The article's printed loss (2.0640 at the first step, 0.7897 at the end) belongs to this XOR run, not to the 2×3 random sample its code builds first.",
  articleSample:
    "This is the 2×3 random sample from the article's code. The numbers the article prints (loss 2.0640 → 0.7897) do not come from it but from its XOR run.",
  // --- robust ---
  jsonRange: 'a number past the range of a 64-bit float',
  jsonDepth: (n) => `nested more than ${n} levels deep`,
  matrixLegend: "sign; depth = |value| ÷ the matrix's largest; 0.0000 white",
};
