// The lesson panel's text on the page: the phase's formula with its numbers (built by the
// engine, explain.js) and the run's notices in plain words, each with buttons for the
// experiments that address it (one click changes that setting and starts the run again); the
// gradient check and the PyTorch code of the next step, on request.

import { said, t } from '../i18n/index.js';
import { download } from '../share/files.js';

const $ = (id) => document.getElementById(id);
/** The notices shown, as the engine reported them, and their experiments. */
const shownLesson = { notices: '[]', formula: '' };
/** `experimentsFor(code)` resolves to [{kind, value}]; `tryIt(kind, value)` applies one. */
const deps = { experimentsFor: () => Promise.resolve([]), tryIt: () => {} };

/** Connects the panel: `request(op, args)` reaches the engine; `form` is the settings form and
 *  `reload()` starts the run again from it. */
export function initLesson(request, form, reload) {
  $('gradcheck').addEventListener('click', () =>
    request('gradcheck').then(showGradcheck, showError),
  );
  $('show-code').addEventListener('click', () => request('code').then(showCode, showError));
  deps.experimentsFor = (code) => request('experiments', code).catch(() => []);
  deps.tryIt = (kind, value) => {
    const field = form.elements[kind];
    if (!field) return;
    field.value = String(value);
    reload();
  };
}

/** Shows a frame's lesson text. Nothing changes while playing (the engine sends null). */
export function showLesson(report) {
  if (report.explain != null && report.explain !== shownLesson.formula) {
    shownLesson.formula = report.explain;
    $('formula').textContent = report.explain;
  }
  if (report.notices == null) return;
  const key = JSON.stringify(report.notices);
  if (key === shownLesson.notices) return;
  shownLesson.notices = key;
  renderNotices(report.notices);
}

/** Writes the lesson text again in the current language (a language switch). */
export function rerenderLesson() {
  renderNotices(JSON.parse(shownLesson.notices));
}

function renderNotices(notices) {
  const words = { 'dead-unit': 'noticeDead', plateau: 'noticePlateau', diverged: 'noticeDiverged' };
  const list = $('notices');
  const count = $('drawer-btn');
  count.textContent = t('btnNotices')(notices.length);
  count.dataset.count = String(notices.length);
  list.replaceChildren(
    ...notices.map((n) => {
      const li = document.createElement('li');
      li.dataset.notice = n.code;
      li.textContent = t(words[n.code] ?? 'noticeDiverged')(n);
      deps.experimentsFor(n.code).then((tries) => {
        if (!tries.length) return;
        // One element for the label and its buttons: a class link that hides the settings
        // hides them together.
        const box = Object.assign(document.createElement('span'), { textContent: ' ' });
        box.dataset.experiments = '';
        box.append(t('tryLabel'));
        li.append(box);
        for (const { kind, value } of tries) {
          const b = document.createElement('button');
          b.type = 'button';
          b.dataset.experiment = kind;
          b.textContent = `${t('experiment')[kind] ?? kind} = ${value}`;
          b.addEventListener('click', () => deps.tryIt(kind, value));
          box.append(b);
        }
      });
      return li;
    }),
  );
}

/** Most rows of the gradient check the panel lists (the largest errors first). */
const GRADCHECK_ROWS = 12;

function showError(e) {
  $('glass-out').textContent = said(e);
}

/** Disagreements first, then kinks, then by relative error. */
const RANK = { disagree: 0, kink: 1, agree: 2 };

/** The gradient check: a summary line (its verdict) and its worst entries, each with its
 *  verdict; a disagreement marked. */
function showGradcheck(g) {
  const out = $('glass-out');
  const summary = document.createElement('p');
  summary.dataset.gradcheck = String(g.maxRelErr);
  summary.dataset.ok = String(g.ok);
  const disagree = g.entries.filter((e) => e.status === 'disagree').length;
  summary.textContent = t('gradcheckSummary')(g, disagree);
  const table = document.createElement('table');
  const row = (cells, tag) => {
    const tr = document.createElement('tr');
    for (const c of cells)
      tr.append(Object.assign(document.createElement(tag), { textContent: c }));
    return tr;
  };
  table.append(row(t('gradcheckHead'), 'th'));
  const worst = [...g.entries]
    .sort((a, b) => RANK[a.status] - RANK[b.status] || b.relErr - a.relErr)
    .slice(0, GRADCHECK_ROWS);
  for (const e of worst) {
    const tr = row(
      [
        `layers[${e.layer}]`,
        e.param,
        `[${e.row}][${e.col}]`,
        e.analytic.toPrecision(6),
        e.numeric.toPrecision(6),
        e.relErr.toExponential(1),
        t('gradcheckStatus')[e.status],
      ],
      'td',
    );
    if (e.status === 'disagree') tr.className = 'bad';
    table.append(tr);
  }
  out.replaceChildren(summary, table);
}

/** The PyTorch code of the next step, with a button that saves it as a file. */
function showCode(code) {
  const pre = document.createElement('pre');
  pre.textContent = code;
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = t('btnDownload');
  save.addEventListener('click', () => download('backstep_next_step.py', code, 'text/x-python'));
  $('glass-out').replaceChildren(save, pre);
}
