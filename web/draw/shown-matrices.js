// What the matrices panel lists for a layer and a phase: each layer kind's matrices (the
// loss's with p = softmax(y) under softmax cross-entropy), the ones a phase is about (presenter
// view shows only those), and the update's before, gradient and after for every affine layer.

import { Slot, What } from '../engine/model.js';
import { t } from '../i18n/index.js';

/** The matrices panel's "layer" for the update: every affine layer's weights before, gradient
 *  and after. */
export const UPDATE = 'update';
/** The matrices of a layer kind, as {label, name, layer, what}: `name` is what layout() calls
 *  it (x, W, b, y, mask, p, t, dy, dout, dx, dW, db, W_before, b_before). */
function matList(kind, layer, loss) {
  const m = (label, name, what, keep) => ({ label, name, layer, what, keep });
  // Under softmax cross-entropy y holds the logits, and p = softmax(y) is the loss's own.
  if (layer === Slot.Loss && loss === 'softmax_cross_entropy')
    return [
      m('y', 'y', What.Y),
      m('p = softmax(y)', 'p', What.P),
      m('t', 't', What.T),
      m('dL/dy = p − t', 'dy', What.Dy),
    ];
  if (layer === Slot.Loss)
    return [m('y', 'y', What.Y), m('t', 't', What.T), m('dL/dy = y − t', 'dy', What.Dy)];
  if (kind === 'affine') {
    return [
      m('x', 'x', What.X),
      m('W', 'W', What.W),
      m('b', 'b', What.B),
      m('z = x·W + b', 'y', What.Y),
      m('dout', 'dout', What.Dout),
      m('dx = dout·Wᵀ', 'dx', What.Dx),
      m('dW = xᵀ·dout', 'dW', What.Dw),
      m('db = Σ dout', 'db', What.Db),
      // The weights before the update (the class read them a step earlier) lose their numbers
      // first where the room is short (matrix-fit.js, `keep`).
      m(`W (${t('before')})`, 'W_before', What.WBefore, 0),
    ];
  }
  const rows = [m('x', 'x', What.X)];
  if (kind === 'relu') rows.push(m('mask (x ≤ 0)', 'mask', What.Mask));
  rows.push(m('y', 'y', What.Y), m('dout', 'dout', What.Dout), m('dx', 'dx', What.Dx));
  return rows;
}

/** The names a phase is about (presenter view shows only these, so they fit one screen):
 *  forward its inputs and outputs, backward its gradients. */
const FOCUS = {
  forward: ['x', 'W', 'b', 'mask', 'y'],
  backward: ['dout', 'dx', 'dW', 'db', 'mask'],
  loss: ['y', 'p', 't', 'dy'],
};

/** The update's matrices for every affine layer: before, gradient, after (nothing before or
 *  computed at step 0). */
function updateList(model, step) {
  const list = [];
  model.kinds().forEach((kind, l) => {
    if (kind !== 'affine') return;
    // Short titles (the shape is in the layer's own view): the update's 4×1 columns then
    // share a band. Where the room is short, the weights before lose their numbers first,
    // then the gradients, and the update's own result last (matrix-fit.js, `keep`).
    const keep = { W_before: 0, b_before: 0, dW: 1, db: 1, W: 2, b: 2 };
    const at = (label, name, what) =>
      list.push({ label, name, layer: l, what, short: true, keep: keep[name] });
    const [before, after] = step > 0 ? [` ${t('stageBefore')}`, ` ${t('stageAfter')}`] : ['', ''];
    if (step > 0) {
      at(`W[${l}]${before}`, 'W_before', What.WBefore);
      at(`dW[${l}]`, 'dW', What.Dw);
    }
    at(`W[${l}]${after}`, 'W', What.W);
    if (step > 0) {
      at(`b[${l}]${before}`, 'b_before', What.BBefore);
      at(`db[${l}]`, 'db', What.Db);
    }
    at(`b[${l}]${after}`, 'b', What.B);
  });
  return list;
}

/** The matrices the panel shows for `layer` (an index, Slot.Loss or UPDATE) and `phase` (null:
 *  all of the layer's), as [{label, name, layer, what, m}] (the text alternative lists the same
 *  ones). `step` is the completed steps (the update's list). */
export function shownMatrices(model, layer, phase = null, step = 1) {
  let list;
  if (layer === UPDATE) list = updateList(model, step);
  else {
    const kind = layer === Slot.Loss ? 'loss' : model.kinds()[layer];
    const focus = FOCUS[layer === Slot.Loss ? 'loss' : phase];
    list = matList(kind, layer, model.lossName).filter((it) => !focus || focus.includes(it.name));
  }
  return list
    .map((it) => ({ ...it, m: model.mat(it.layer, it.what) }))
    .filter((it) => it.m && it.m.rows > 0 && it.m.cols > 0);
}
