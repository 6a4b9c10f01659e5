// The data editor, under the boundary plane: a click on the plane adds a training point of the
// chosen class, a click on a point removes it; a small table edits a small set's targets (and
// turns a truth table into AND, OR, NAND or back to XOR); a CSV file of x1, x2, label rows
// becomes the training set. Each edit loads the spec of the run on the new data (the core makes
// it): the run starts again at step 0 from the same initial weights. The limits shown come from
// the wasm (backstep_lesson::limits).

import { MAX_CSV } from '../api.js';
import { CLASS_GLYPHS } from '../draw/classes.js';
import { pageLimits } from '../engine/limits.js';
import { said, t } from '../i18n/index.js';
import { onLanguage, onRun } from '../stage/events.js';
import { showMessage } from '../stage/status.js';
import { button, el, typedNumber } from './elements.js';

const $ = (id) => document.getElementById(id);
/** The largest training set whose targets the table lists. */
const TABLE_ROWS = 8;
const GATES = ['xor', 'and', 'or', 'nand'];

let api = null;

/** Runs a data edit; a refusal shows the core's reason in the page's language. */
function edit(call) {
  call().catch((e) => showMessage(() => t('badData')(said(e))));
}

/** The run's classes (k of a one-hot task, else 0: one output, classes 1 and 0). */
let classes = 0;

/** The class a click adds: 1 or 0, or one of the k classes. */
const chosenClass = () =>
  Number(document.querySelector('input[name="poke-class"]:checked')?.value ?? 1);

/** The chooser's classes as [value, label]: ● 1 and ✕ 0, or each of k with its glyph. */
const classChoices = () =>
  classes
    ? Array.from({ length: classes }, (_, c) => [c, `${CLASS_GLYPHS[c % 5]} ${t('classN')(c)}`])
    : [
        [1, t('class1')],
        [0, t('class0')],
      ];

async function clickBoundary(e) {
  if (e.target.tagName !== 'CANVAS') return;
  const r = e.target.getBoundingClientRect();
  const hit = await api.pick(
    'boundary',
    (e.clientX - r.left) / r.width,
    (e.clientY - r.top) / r.height,
  );
  if (hit?.kind === 'point') edit(() => api.removePoint(hit.i));
  else if (hit?.kind === 'plane') edit(() => api.addPoint(hit.x1, hit.x2, chosenClass()));
}

/** The class chooser, the limits and the CSV button (in the current language). */
function renderTools() {
  const box = $('data-tools');
  const choices = classChoices();
  const chosen = chosenClass();
  const checked = choices.some(([v]) => v === chosen) ? chosen : choices[0][0];
  const chooser = el('fieldset', '', { class: 'inline-set' });
  chooser.append(el('legend', t('dataClass')));
  for (const [value, text] of choices) {
    const label = el('label', '', { class: 'inline' });
    const radio = el('input', '', { type: 'radio', name: 'poke-class', value: String(value) });
    radio.checked = value === checked;
    label.append(radio, ` ${text}`);
    chooser.append(label);
  }
  const csv = el('label', '', { class: 'file' });
  const input = el('input', '', {
    type: 'file',
    id: 'poke-csv',
    accept: '.csv,text/csv,text/plain',
  });
  input.addEventListener('change', readCsv);
  csv.append(el('span', t('btnCsv')), input);
  const hint = el('p', t('dataHint')(pageLimits()), { class: 'hint', id: 'data-hint' });
  box.replaceChildren(chooser, csv, hint, el('div', '', { id: 'data-table' }));
}

async function readCsv(e) {
  const file = e.target.files[0];
  e.target.value = '';
  if (!file) return;
  // A character is at least a byte: a file over MAX_CSV bytes is over MAX_CSV characters.
  if (file.size > MAX_CSV) {
    showMessage(() =>
      t('csvTooBig')(file.name.slice(0, 60), Math.ceil(file.size / 1000), MAX_CSV / 1000),
    );
    return;
  }
  const text = await file.text();
  edit(() => api.loadCsv(text));
}

/** The targets table of a small set, with the gates for a truth table. */
async function renderTable() {
  if (!$('data-table')) return;
  const spec = await api.spec();
  // A run of other classes (one-hot rows of k ≥ 2) gets its own chooser.
  const k = spec.t[0]?.length >= 2 ? spec.t[0].length : 0;
  if (k !== classes) {
    classes = k;
    renderTools();
  }
  const spot = $('data-table');
  const plane = spec.x[0]?.length === 2 && spec.t[0]?.length === 1;
  if (!plane || spec.x.length > TABLE_ROWS) {
    spot.replaceChildren();
    return;
  }
  const table = el('table', '', { class: 'targets' });
  const cap = el('caption', t('targetsTitle'));
  const head = el('tr');
  head.append(el('th', 'x₁'), el('th', 'x₂'), el('th', 't'), el('th', ''));
  table.append(cap, head);
  spec.x.forEach((x, i) => {
    const tr = el('tr');
    const input = el('input', '', {
      size: '4',
      inputmode: 'decimal',
      'aria-label': t('targetOf')(i),
      'data-target': String(i),
    });
    input.value = String(spec.t[i][0]);
    input.addEventListener('change', async () => {
      const v = typedNumber(input.value);
      if (v == null) {
        showMessage(() => t('badData')(t('badNumber')(input.value.slice(0, 20))));
        return;
      }
      // A target that already holds v is no edit: leaving a field (or a table redrawn under a
      // focused field) fires change again, and restarting the run for it would lose its steps.
      if ((await api.spec()).t[i]?.[0] === v) return;
      edit(() => api.setTarget(i, v));
    });
    const td = el('td');
    td.append(input);
    const remove = button('✕', () => edit(() => api.removePoint(i)), {
      'aria-label': t('removeOf')(i),
      'data-remove': String(i),
    });
    const cell = el('td');
    cell.append(remove);
    tr.append(el('td', String(x[0])), el('td', String(x[1])), td, cell);
    table.append(tr);
  });
  const gates = el('p', `${t('gatesLabel')} `, { class: 'gates' });
  for (const g of GATES)
    gates.append(
      button(g.toUpperCase(), () => edit(() => api.setGate(g)), { 'data-gate': g }),
      ' ',
    );
  spot.replaceChildren(table, gates);
}

/** Connects the editor to the API. */
export function initDataEdit(a) {
  api = a;
  document.querySelector('[data-panel="boundary"]').addEventListener('click', clickBoundary);
  renderTools();
  renderTable();
  onRun(renderTable);
  onLanguage(() => {
    renderTools();
    renderTable();
  });
}
