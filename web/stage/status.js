// The page's text around the panels: the header (phase, next sub-step, step, loss, test
// loss), the loss read-out and the message line, from what the engine reports; and the panels'
// heights, which the engine chooses.

import { fmt } from '../draw/colors.js';
import { nextWords, t } from '../i18n/index.js';
import { showAlt } from './alt.js';
import { emit } from './events.js';

const $ = (id) => document.getElementById(id);

/** What the engine last reported, and what the page's controls say. */
export const shown = {
  state: { step: 0, phase: 'idle', layer: null, loss: null, next: '', error: null },
  kinds: [],
  testLoss: null,
  readout: '',
  playing: false,
};

/** Shows one line in the message box (a string, or a function giving one in the current
 *  language), or hides it ('' or null). */
export function showMessage(text) {
  message = text;
  const shown = typeof text === 'function' ? text() : text;
  const box = $('message');
  // Capped: a huge message (a 16 MB file's worth of text) would freeze the tab as it lays out.
  box.textContent = shown ? String(shown).slice(0, MAX_MESSAGE) : '';
  box.hidden = !shown;
}

/** The message shown last, as given (a function is asked again in the new language). */
let message = '';
/** The most characters a message shows. */
const MAX_MESSAGE = 400;

/** The message shown last, as given. */
export const messageNow = () => message;

/** Shows the current message again, in the current language. */
export function rerenderMessage() {
  showMessage(message);
}

/** Sets an element's text only when it changes (each write dirties the layout). */
function setText(id, text) {
  const el = $(id);
  if (el.textContent !== text) el.textContent = text;
}

/** While playing, the header's text changes at most this often (ms). Each change costs the
 *  main thread a style, layout, paint and commit of the page (about 4 ms on a slow machine);
 *  at 60 frames/s the numbers could not be read anyway. Paused, every report is shown. */
const PLAYING_TEXT_MS = 250;
let textShownAt = -Infinity;

/** Takes a drawn frame's report: the state, the panels' heights, and (at most every
 *  PLAYING_TEXT_MS while playing) the text; returns whether the text was written. */
export function showFrame(report) {
  shown.state = report.state;
  shown.testLoss = report.testLoss;
  shown.readout = report.readout ?? '';
  for (const [name, h] of Object.entries(report.heights ?? {}))
    $(`c-${name}`).style.height = `${h}px`;
  const now = performance.now();
  if (report.alt) showAlt(report.alt);
  if (!shown.playing || report.first || now - textShownAt >= PLAYING_TEXT_MS) {
    textShownAt = now;
    renderStatus();
    return true;
  }
  return false;
}

/** The header (phase or playing, next sub-step, the step the numbers belong to, its batch loss
 *  before and after its update, test loss) and the loss read-out. Every number names step `state.at`, as the inspector and the lesson text do. */
export function renderStatus() {
  const state = shown.state;
  const at = state.at ?? state.step;
  if ($('phase').dataset.phase !== state.phase) $('phase').dataset.phase = state.phase;
  setText(
    'phase',
    shown.playing
      ? t('playingNow')
      : t('phase')[state.phase] +
          (state.layer == null ? '' : ` · layers[${state.layer}] ${shown.kinds[state.layer]}`),
  );
  setText('next-step', shown.playing ? '' : nextWords(state.next));
  setText('step-count', String(at));
  // The batch loss (½·Σ) of step `at` (the header's step, beside it) before its update, once
  // its loss phase has run; and, the step completed, the same batch's after the update (the
  // article's 更新前 → 更新後). Mid-cycle the lesson text says "before the update".
  const mine = state.loss != null && state.lossStep === at && at > 0;
  const after = mine && state.lossAfter != null;
  // Softmax cross-entropy's batch loss is a plain sum (Σ), the article's MSE a half one (½Σ).
  const sum = shown.settings?.loss === 'softmax_cross_entropy' ? 'Σ' : '½Σ';
  setText('loss-label', t('lossOfStep')(after, sum));
  setText('loss-value', mine ? fmt(state.loss) : '—');
  if ($('loss-after-wrap').hidden === after) $('loss-after-wrap').hidden = !after;
  if (after) setText('loss-after', fmt(state.lossAfter));
  if ($('test-loss-wrap').hidden !== (shown.testLoss == null))
    $('test-loss-wrap').hidden = shown.testLoss == null;
  if (shown.testLoss != null) setText('test-loss', fmt(shown.testLoss));
  setText('loss-readout', shown.readout);
  // The tools hear of another step or phase (not of a repeat of the same one).
  const key = `${at} ${state.step} ${state.phase} ${state.layer} ${shown.playing}`;
  if (key !== lastKey) {
    lastKey = key;
    emit('state', state);
  }
}

/** The state the tools last heard of, as one string. */
let lastKey = '';
