// Where the article is inexact, said once, where it matters: on its XOR run (seed 42), at the
// start the initial weights (they follow 72 earlier draws of its generator) and at the first
// loss (its printout is of this run, not of the 2×3 sample its code builds first); on the 2×3
// sample itself, that the article's printed numbers are not of this run. (That its comment
// writes the loss derivative as t − y is said in the loss formula itself.)

import { t } from '../i18n/index.js';
import { onLanguage, onRun, onState } from '../stage/events.js';

const $ = (id) => document.getElementById(id);
let api = null;
/** The current run's settings (null for a run from a spec). */
let settings = null;

/** The note for this run and state, or ''. */
function noteFor(s) {
  if (settings?.dataset === 'regression') return t('articleSample');
  if (settings?.dataset !== 'xor' || settings.seed !== 42) return '';
  if (s.step === 0 && s.phase === 'loss') return t('articlePrintout');
  if (s.step === 0 && (s.phase === 'idle' || s.phase === 'forward')) return t('articleDraws');
  return '';
}

function show() {
  const text = noteFor(api.state());
  const p = $('article-note');
  if (p.textContent !== text) p.textContent = text;
  p.hidden = !text;
}

async function newRun() {
  settings = (await api.runInfo()).settings;
  show();
}

/** Connects the notes to the API. */
export function initNotes(a) {
  api = a;
  onRun(newRun);
  onState(show);
  onLanguage(show);
  newRun();
}
