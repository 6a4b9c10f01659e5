// The lesson text, live: what the phase under way computes, written out with the active
// layer's real numbers for the chosen sample (one row of z = x·W + b, one entry of dW, one
// weight's update), in the page's language. The engine builds it from the same views the
// panels draw; the page shows it in `[data-formula]`.

import { classOf } from '../draw/classes.js';
import { fmt } from '../draw/colors.js';
import { Slot, What } from '../engine/model.js';
import { stepWords, t } from '../i18n/index.js';

/** A number as the panels print it; a negative one in brackets when it follows an operator. */
const n = (v) => fmt(v, 4);
const term = (v) => (n(v).startsWith('−') ? `(${n(v)})` : n(v));
const MAX_TERMS = 4;

/** Σ written out: `a·b + c·d + …` (the first terms, then how many more). */
function sum(pairs) {
  const shown = pairs.slice(0, MAX_TERMS).map(([a, b]) => `${term(a)}·${term(b)}`);
  if (pairs.length > MAX_TERMS) shown.push(t('moreTerms')(pairs.length - MAX_TERMS));
  return shown.join(' + ');
}

/** The unit to write out: the first one the sample activates, else unit 0. */
function unitOf(y, row) {
  for (let c = 0; c < y.cols; c++) if (y.at(row, c) !== 0) return c;
  return 0;
}

function forwardAffine(model, layer, s) {
  const x = model.mat(layer, What.X);
  const w = model.mat(layer, What.W);
  const b = model.mat(layer, What.B);
  const z = model.mat(layer, What.Y);
  if (!x || !w || !z || s >= x.rows) return '';
  const j = unitOf(z, s);
  const pairs = Array.from({ length: x.cols }, (_, r) => [x.at(s, r), w.at(r, j)]);
  return `z = x·W + b — ${t('sampleN')(s)}: z${sub(j)} = ${sum(pairs)} + ${term(b.at(0, j))} = ${n(z.at(s, j))}`;
}

function forwardAct(model, layer, s, kind) {
  const x = model.mat(layer, What.X);
  const y = model.mat(layer, What.Y);
  if (!x || !y || s >= x.rows) return '';
  const j = unitOf(x, s);
  const f = { relu: 'max(0, z)', sigmoid: '1 / (1 + e^(−z))', tanh: 'tanh(z)' }[kind];
  const rule = kind === 'relu' ? t('reluRule') : '';
  return `y = ${f} — ${t('sampleN')(s)}: y${sub(j)} = ${f.replace('z', term(x.at(s, j)))} = ${n(y.at(s, j))}${rule}`;
}

function loss(model, state, s) {
  const y = model.mat(Slot.Loss, What.Y);
  const tt = model.mat(Slot.Loss, What.T);
  if (!y || !tt || state.loss == null) return '';
  const [data, pen] = model.trainer.loss_terms();
  // With a penalty on the weights, its term (taken before the update) and the sum.
  const penalty = model.penalty
    ? ` ${PENALTY[model.penalty.type]} (r = ${model.penalty.rate}) = ${n(pen)}; L = ${n(state.loss)}`
    : '';
  if (model.lossName === 'softmax_cross_entropy') {
    const p = model.mat(Slot.Loss, What.P);
    if (!p || s >= p.rows) return '';
    const c = classOf(tt, s);
    return `p = softmax(y), L = −Σ t·log p — ${t('sampleN')(s)} (t: ${t('classN')(c)}): −log p${sub(c)} = −log ${n(p.at(s, c))} = ${n(-Math.log(p.at(s, c)))}; Σ = ${n(data)}${penalty}; dL/dy = p − t`;
  }
  const rows = Math.min(y.rows, MAX_TERMS);
  const parts = Array.from({ length: rows }, (_, r) => `(${n(y.at(r, 0))} − ${n(tt.at(r, 0))})²`);
  if (y.rows * y.cols > rows) parts.push(t('moreTerms')(y.rows * y.cols - rows));
  return `L = ½·Σ(y − t)² = ½·(${parts.join(' + ')}) = ${n(data)}${penalty}; dL/dy = y − t ${t('notTminusY')}`;
}

/** The penalty's term of the loss, and its part of dW, by type. */
const PENALTY = { l1: '+ r·Σ|W|', l2: '+ ½·r·ΣW²' };

/** The run's loss as a formula: its data term and, with a penalty, the penalty's term. */
export function lossFormula(model) {
  const data = model.lossName === 'softmax_cross_entropy' ? 'L = −Σ t·log p' : 'L = ½·Σ(y − t)²';
  return model.penalty ? `${data} ${PENALTY[model.penalty.type]}` : data;
}
const PENALTY_GRAD = { l1: 'r·sign(W)', l2: 'r·W' };

/** dW's penalty part for W[r][c] (` + r·W = …`), or '' without a penalty. */
function penaltyPart(model, layer, r, c) {
  const p = model.penalty;
  const w = model.mat(layer, What.W);
  if (!p || !w) return '';
  const v = w.at(r, c);
  const g = p.type === 'l1' ? `${p.rate}·sign(${n(v)})` : `${p.rate}·${term(v)}`;
  return ` + ${g}`;
}

function backwardAffine(model, layer) {
  const x = model.mat(layer, What.X);
  const dout = model.mat(layer, What.Dout);
  const dw = model.mat(layer, What.Dw);
  const db = model.mat(layer, What.Db);
  if (!x || !dout || !dw) return '';
  // The largest entry of dW, where the gradient pulls hardest.
  let r0 = 0;
  let c0 = 0;
  for (let r = 0; r < dw.rows; r++)
    for (let c = 0; c < dw.cols; c++)
      if (Math.abs(dw.at(r, c)) > Math.abs(dw.at(r0, c0))) [r0, c0] = [r, c];
  const pairs = Array.from({ length: x.rows }, (_, k) => [x.at(k, r0), dout.at(k, c0)]);
  const pen = model.penalty ? ` + ${PENALTY_GRAD[model.penalty.type]}` : '';
  return `dW = xᵀ·dout${pen}, db = Σ dout, dx = dout·Wᵀ — dW[${r0}][${c0}] = ${sum(pairs)}${penaltyPart(model, layer, r0, c0)} = ${n(dw.at(r0, c0))}; db[${c0}] = ${n(db.at(0, c0))}`;
}

function backwardAct(model, layer, s, kind) {
  const dout = model.mat(layer, What.Dout);
  const dx = model.mat(layer, What.Dx);
  const x = model.mat(layer, What.X);
  if (!dout || !dx || !x || s >= dx.rows) return '';
  const j = unitOf(x, s);
  const rule = {
    relu: 'dx = dout ⊙ [z > 0]',
    sigmoid: 'dx = dout ⊙ y(1 − y)',
    tanh: 'dx = dout ⊙ (1 − y²)',
  }[kind];
  return `${rule} — ${t('sampleN')(s)}: dx${sub(j)} = ${n(dx.at(s, j))} (dout${sub(j)} = ${n(dout.at(s, j))}, z${sub(j)} = ${n(x.at(s, j))})`;
}

function update(model, rule) {
  const i = model.kinds().indexOf('affine');
  const w0 = model.mat(i, What.WBefore);
  const w1 = model.mat(i, What.W);
  const dw = model.mat(i, What.Dw);
  if (i < 0 || !w0 || !w1 || !dw) return '';
  let r0 = 0;
  let c0 = 0;
  for (let r = 0; r < dw.rows; r++)
    for (let c = 0; c < dw.cols; c++)
      if (Math.abs(dw.at(r, c)) > Math.abs(dw.at(r0, c0))) [r0, c0] = [r, c];
  const at = `layers[${i}].W[${r0}][${c0}]`;
  if (rule?.type === 'sgd') {
    return `W ← W − lr·dW — ${at}: ${n(w0.at(r0, c0))} − ${rule.lr}·${term(dw.at(r0, c0))} = ${n(w1.at(r0, c0))}`;
  }
  return `${t('updateRule')(rule?.type ?? '')} — ${at}: ${n(w0.at(r0, c0))} → ${n(w1.at(r0, c0))} (dW = ${n(dw.at(r0, c0))})`;
}

/** Unicode subscript digits, as the formulas write an index. */
function sub(k) {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
}

/** The formula for the micro-step that ran last (or, between steps, the last update), with the
 *  step and the side of its update first (as the header names them), then the article's word
 *  for the phase. */
export function explain(model, state, sample, rule) {
  const kinds = model.kinds();
  const layer = state.layer;
  const kind = layer == null ? null : kinds[layer];
  const rows = model.trainer.rows(Slot.Loss, What.X);
  const s = Math.min(sample, Math.max(0, rows - 1));
  let text = '';
  if (state.phase === 'forward')
    text = kind === 'affine' ? forwardAffine(model, layer, s) : forwardAct(model, layer, s, kind);
  else if (state.phase === 'loss') text = loss(model, state, s);
  else if (state.phase === 'backward')
    text = kind === 'affine' ? backwardAffine(model, layer) : backwardAct(model, layer, s, kind);
  else if (state.phase === 'update' || (state.phase === 'idle' && state.step > 0))
    text = update(model, rule);
  if (!text) return t('explainStart');
  const phase = state.phase === 'idle' ? 'update' : state.phase;
  return `${stepWords(state)} — ${t('phaseShort')[phase]}: ${text}`;
}
