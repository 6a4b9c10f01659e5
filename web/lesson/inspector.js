// The neuron inspector and the weight editor. A click on the network panel (or the menu of
// neurons, for the keyboard) shows one neuron's equation with its numbers for the chosen sample,
// forward and, once the backward pass has reached it, backward, and over the whole batch
// (`inspect()`); a click on an edge (or on one of the neuron's weights) shows w, dW and −lr·dW
// and takes a new w (`setWeight()`). Loaded by main.js beside page.js; starts the data editor,
// predict mode, the panels' help notes and the article notes too.

import { fmt } from '../draw/colors.js';
import { said, t } from '../i18n/index.js';
import { onLanguage, onRun, onState, whenApi } from '../stage/events.js';
import { initHelp } from '../stage/panel-help.js';
import { initDataEdit } from './dataedit.js';
import { button, el, typedNumber } from './elements.js';
import { initNotes } from './notes.js';
import { initPredict } from './predict.js';

const $ = (id) => document.getElementById(id);
const n4 = (v) => fmt(v, 4);
/** A number after an operator: a negative one in brackets. */
const term = (v) => (n4(v).startsWith('−') ? `(${n4(v)})` : n4(v));
const sub = (k) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);

/** What the inspector shows: {kind: 'neuron', layer, unit} | {kind: 'edge', layer, row, col}. */
let current = null;
let api = null;

const sample = () => Number($('sample').value || 0);

/** The activation's formula and its derivative's, as the inspector writes them. */
const ACTS = {
  relu: { f: (z) => `max(0, ${z})`, d: 'dL/da · [z > 0]' },
  sigmoid: { f: (z) => `1 / (1 + e^(−${z}))`, d: 'dL/da · a(1 − a)' },
  tanh: { f: (z) => `tanh(${z})`, d: 'dL/da · (1 − a²)' },
};

/** The neuron's lines as [heading, text] rows (the heading on a group's first row only):
 *  forward, backward (or why not yet), the batch's sums, the update. */
function neuronLines(n) {
  const ws = n.terms.map((_, i) => `w${sub(i)}·x${sub(i)}`).join(' + ');
  const nums = n.terms.map((p) => `${term(p.w)}·${term(p.x)}`).join(' + ');
  let z = `z = ${ws} + b = ${nums} + ${term(n.b)} = ${n4(n.z)}`;
  const act = ACTS[n.act];
  if (n.a != null && act) z += `; a = ${act.f('z')} = ${act.f(term(n.z))} = ${n4(n.a)}`;
  const lines = [[t('inspForward'), z]];
  if (n.dz == null) return [...lines, [t('inspBackward'), t('inspNoBackward')]];
  lines.push([
    t('inspBackward'),
    `dL/da = ${n4(n.da)}; dz = ${act ? act.d : 'dL/da'} = ${n4(n.dz)}`,
  ]);
  const dws = n.terms.map(
    (p, i) => `dw${sub(i)} = x${sub(i)}·dz = ${term(p.x)}·${term(n.dz)} = ${n4(n.dw[i])}`,
  );
  lines.push(['', `${dws.join('; ')}; db = dz = ${n4(n.db)}`]);
  if (n.batchDw) {
    const col = n.batchDw.map(n4).join(', ');
    lines.push([
      t('inspBatch'),
      `dW[:, ${n.unit}] = Σ x·dz = [${col}]; db = Σ dz = ${n4(n.batchDb)}`,
    ]);
  }
  if (n.updated)
    lines.push([
      t('inspUpdated'),
      `w = [${n.updated.w.map(n4).join(', ')}]; b = ${n4(n.updated.b)}`,
    ]);
  return lines;
}

/** Shows the neuron `c` for the chosen sample. */
async function showNeuron(c) {
  let n;
  try {
    n = await api.inspect(c.layer, c.unit, sample());
  } catch (e) {
    if (current !== c) return;
    // Before this step's forward pass has reached the layer there is nothing to show yet.
    const early = /forward pass has not reached/.test(e.message);
    render([el('p', early ? t('inspNoForward') : said(e))], {
      neuron: `${c.layer}:${c.unit}`,
    });
    return;
  }
  if (current !== c) return;
  const table = el('table', '', { class: 'poke-lines' });
  for (const [head, text] of neuronLines(n)) {
    const tr = el('tr');
    tr.append(el('th', head), el('td', text));
    table.append(tr);
  }
  // Each incoming weight opens the weight editor: the keyboard's way to an edge.
  const weights = el('p', t('inspWeights'), { class: 'poke-weights' });
  n.terms.forEach((p, i) => {
    weights.append(
      ' ',
      button(
        `W[${i}][${c.unit}] = ${n4(p.w)}`,
        () => choose({ kind: 'edge', layer: c.layer, row: i, col: c.unit }),
        {
          'data-weight': `${c.layer}:${i}:${c.unit}`,
        },
      ),
    );
  });
  const title = t('inspTitle')(n);
  render([el('h3', title), table, weights], { neuron: `${c.layer}:${c.unit}` });
}

/** Shows the weight `c`: its value, its last gradient and the step SGD takes; takes a new one. */
async function showEdge(c) {
  let w;
  try {
    w = await api.weight(c.layer, c.row, c.col);
  } catch (e) {
    render([el('p', said(e))]);
    return;
  }
  if (current !== c) return;
  const name = `layers[${c.layer}].W[${c.row}][${c.col}]`;
  const parts = [`w = ${n4(w.w)}`];
  if (w.dw == null) parts.push(t('weightNoGrad'));
  else {
    parts.push(`dW = ${n4(w.dw)}`);
    if (w.rule?.type === 'sgd')
      parts.push(`−lr·dW = −${w.rule.lr}·${term(w.dw)} = ${n4(-w.rule.lr * w.dw)}`);
    else parts.push(t('weightRule')(w.rule?.type ?? ''));
  }
  const info = el('p', parts.join('; '), { 'data-weight-info': '' });
  const input = el('input', '', {
    id: 'poke-w',
    inputmode: 'decimal',
    size: '8',
    'aria-describedby': 'poke-w-msg',
  });
  // Shown to 4 places: setting it back unchanged would round the weight, so that is refused.
  const shown = n4(w.w).replace('−', '-');
  input.value = shown;
  const label = el('label', `${t('weightNew')} `, { class: 'inline' });
  label.append(input);
  const msg = el('span', '', { id: 'poke-w-msg', class: 'poke-msg', role: 'alert' });
  const set = async () => {
    const v = typedNumber(input.value);
    if (input.value.trim() === shown) {
      msg.textContent = t('weightSame');
      return;
    }
    if (v == null) {
      msg.textContent = t('badWeight')(input.value.slice(0, 20));
      return;
    }
    try {
      await api.setWeight(c.layer, c.row, c.col, v);
      msg.textContent = t('weightSet')(name);
    } catch (e) {
      msg.textContent = said(e);
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') set();
  });
  const form = el('p');
  form.append(label, ' ', button(t('btnSetWeight'), set, { 'data-set-weight': '' }), ' ', msg);
  render(
    [
      el('h3', `${t('weightTitle')}: ${name}`),
      info,
      form,
      el('p', t('weightHint'), { class: 'hint' }),
    ],
    {
      edge: `${c.layer}:${c.row}:${c.col}`,
    },
  );
}

/** Puts the inspector's content in place; `data` marks what it shows (for tests). */
function render(children, data = {}) {
  const out = $('poke-out');
  const close = button('✕', () => {
    $('poke-neuron').value = '';
    choose(null);
  });
  close.className = 'poke-close';
  close.setAttribute('aria-label', t('close'));
  out.replaceChildren(...(children.length ? [close, ...children] : []));
  out.dataset.neuron = data.neuron ?? '';
  out.dataset.edge = data.edge ?? '';
  out.hidden = children.length === 0;
}

/** Shows `c` (or clears the inspector for null). */
function choose(c) {
  current = c;
  if (!c) render([]);
  else refresh(false);
}

/** Shows the current choice again with the run's new numbers; an edge's typed value stays. */
function refresh(keepTyping = true) {
  if (!current) return;
  if (current.kind === 'neuron') showNeuron(current);
  else if (!(keepTyping && document.activeElement === $('poke-w'))) showEdge(current);
}

/** Fills the menu of neurons (every unit of every affine layer) for the current run. */
async function fillNeurons() {
  const info = await api.runInfo();
  const select = $('poke-neuron');
  const none = el('option', '—', { value: '' });
  const options = [none];
  info.kinds.forEach((k, layer) => {
    if (k !== 'affine') return;
    for (let unit = 0; unit < info.widths[layer]; unit++)
      options.push(el('option', t('unitOption')(layer, unit), { value: `${layer}:${unit}` }));
  });
  select.replaceChildren(...options);
  choose(null);
}

/** A click on the network panel: a neuron or an edge under it, if any. */
async function clickNetwork(e) {
  if (e.target.tagName !== 'CANVAS') return;
  const r = e.target.getBoundingClientRect();
  const hit = await api.pick(
    'network',
    (e.clientX - r.left) / r.width,
    (e.clientY - r.top) / r.height,
  );
  if (!hit) return;
  if (hit.kind === 'neuron') {
    $('poke-neuron').value = `${hit.layer}:${hit.unit}`;
    choose({ kind: 'neuron', layer: hit.layer, unit: hit.unit });
  } else choose(hit);
}

async function start() {
  api = await whenApi();
  document.querySelector('[data-panel="network"]').addEventListener('click', clickNetwork);
  $('poke-neuron').addEventListener('change', (e) => {
    const [layer, unit] = e.target.value.split(':').map(Number);
    choose(e.target.value ? { kind: 'neuron', layer, unit } : null);
  });
  $('sample').addEventListener('change', () => refresh());
  onState(() => refresh());
  onRun(fillNeurons);
  onLanguage(() => {
    for (const o of $('poke-neuron').options)
      if (o.value) o.textContent = t('unitOption')(...o.value.split(':').map(Number));
    refresh(false);
  });
  await fillNeurons();
  initDataEdit(api);
  initPredict(api);
  initHelp();
  initNotes(api);
}

start();
