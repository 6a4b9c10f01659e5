// The canvases' text alternatives, built where the panels are drawn (no DOM, so also in the
// worker): what each panel shows, in words and the same numbers, for screen readers. The engine
// builds them only when not playing; the page (alt.js) puts them beside the canvases.

import { Curve, Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';
import { captionLines, classLines, targetRange } from './boundary-frame.js';
import { classCount } from './classes.js';
import { fmt } from './colors.js';
import { shownMatrices, UPDATE } from './matrices.js';
import { matrixLayer } from './panels.js';

/** A number as the panels print it, with an ASCII minus (screen readers say it). */
const num = (v, digits = 4) => fmt(v, digits).replace('−', '-');

/** The network's columns and, for the chosen sample, every unit's value. */
function network(model, view, state) {
  const kinds = model.kinds();
  const x = model.mat(Slot.Data, What.X);
  const parts = [`x (${x ? x.cols : 0})`];
  const values = [];
  const sample = view.sample;
  if (x && sample < x.rows) {
    values.push(
      `x: ${Array.from({ length: x.cols }, (_, j) => num(x.at(sample, j), 2)).join(', ')}`,
    );
  }
  kinds.forEach((k, i) => {
    const y = model.mat(i, What.Y);
    parts.push(k === 'affine' ? `layers[${i}] ${k} (${model.trainer.cols(i, What.W)})` : k);
    const last = i === kinds.length - 1 || kinds[i + 1] === 'affine';
    if (last && y && sample < y.rows) {
      const row = Array.from({ length: y.cols }, (_, j) => num(y.at(sample, j), 2));
      values.push(`layers[${i}]: ${row.join(', ')}`);
    }
  });
  return t('altNetwork')({
    layout: parts.join(' → '),
    sample,
    values: values.join('; '),
    grads: view.showGrads,
    phase: t('phase')[state.phase] ?? state.phase,
  });
}

/** Most rows of one matrix the text alternative lists (a batch of 500 would be a long table). */
const ALT_ROWS = 32;

/** The matrices the panel shows, each as a table of its printed numbers (the same rows and
 *  columns the panel shows). */
function matrices(model, view, state) {
  const layer = matrixLayer(view, state);
  const items = shownMatrices(model, layer, view.presenter ? state.phase : null, state.step);
  const which =
    layer === Slot.Loss
      ? t('layerLoss')
      : layer === UPDATE
        ? t('phase').update
        : `layers[${layer}]`;
  return {
    summary: t('altMatrices')(which, items.length),
    // Every number, as the panel shows every matrix whole (as numbers or a heatmap).
    tables: items.map(({ label, what, m }) => ({
      caption: `${label} (${m.rows}×${m.cols})${m.ready ? '' : `: ${t('notYet')}`}`,
      rows: m.ready
        ? Array.from({ length: Math.min(m.rows, ALT_ROWS) }, (_, r) =>
            Array.from({ length: m.cols }, (_, c) =>
              what === What.Mask ? String(m.at(r, c)) : num(m.at(r, c)),
            ),
          )
        : [],
    })),
  };
}

/** The ReLU layers' blocked units per sample, and the dead ones. */
function gates(model) {
  const lines = [];
  model.kinds().forEach((k, i) => {
    if (k !== 'relu') return;
    const m = model.mat(i, What.Mask);
    const dead = Array.from(model.trainer.dead_units(i));
    const rows = [];
    for (let r = 0; m && r < Math.min(m.rows, 16); r++) {
      const blocked = [];
      for (let c = 0; c < m.cols; c++) if (m.at(r, c)) blocked.push(c);
      rows.push({ sample: r, blocked });
    }
    lines.push(t('altGates')(i, rows, dead));
  });
  return lines.length ? lines.join(' ') : t('noRelu');
}

/** The loss curves now: steps measured, the latest values and the range of each. */
function loss(model, state) {
  const now = (c) => {
    const v = model.trainer.measured(c);
    return Number.isNaN(v) ? null : num(v);
  };
  return t('altLoss')({
    step: state.step,
    train: now(Curve.TrainLoss),
    test: now(Curve.TestLoss),
    batch: state.loss == null ? null : num(state.loss),
    lossStep: state.lossStep,
    sum: model.batchSum,
  });
}

/** The boundary's threshold and accuracy lines, and how many points of each set it shows. */
function boundary(model, state) {
  if (model.trainer.cols(Slot.Data, What.Plane) !== 2) return t('none2d');
  const rows = (w) => model.trainer.rows(Slot.Data, w);
  const [lo, hi] = targetRange(model.mat(Slot.Data, What.T));
  const k = classCount(model);
  const soft = model.lossName === 'softmax_cross_entropy';
  const lines = k
    ? classLines(soft, state, rows(What.X), rows(What.XTest))
    : captionLines(model.threshold(), lo, hi, state, rows(What.X), rows(What.XTest));
  return `${t('altBoundary')(rows(What.X), rows(What.XTest))} ${lines.join('. ')}`;
}

/** Every panel's text alternative: {network, matrices: {summary, tables}, gates, loss,
 *  boundary, neurons}. */
export function describePanels(model, view, state) {
  const kinds = model.kinds();
  const maps = kinds
    .map((_k, i) => (i === kinds.length - 1 || kinds[i + 1] === 'affine' ? i : -1))
    .filter((i) => i >= 0)
    .map((i) => `layers[${i}] (${model.trainer.cols(i, What.Y)})`);
  return {
    network: network(model, view, state),
    matrices: matrices(model, view, state),
    gates: gates(model),
    loss: loss(model, state),
    boundary: boundary(model, state),
    neurons:
      model.trainer.cols(Slot.Data, What.Plane) === 2
        ? t('altNeurons')(maps.join(', '))
        : t('none2d'),
  };
}
