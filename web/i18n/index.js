// The page's words in Japanese and English. Phase names follow the article: 知る, ロス, 考える, 更新.

import { EN } from './en.js';
import { TASKS_EN } from './en-tasks.js';
import { JA } from './ja.js';
import { TASKS_JA } from './ja-tasks.js';

/** One language's table: its words and its task's words (the menus' labels merged). */
const table = (words, task) => ({
  ...words,
  ...task,
  options: { ...words.options, ...task.options },
});
const STRINGS = { ja: table(JA, TASKS_JA), en: table(EN, TASKS_EN) };

let lang = (navigator.language || 'ja').startsWith('ja') ? 'ja' : 'en';

/** The current language code. */
export function language() {
  return lang;
}

/** Switches language (the worker's copy too: its panels draw words). */
export function setLanguage(code) {
  lang = code in STRINGS ? code : 'en';
}

/** Rewrites every marked element of the page in the current language. */
export function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const options = t('options');
  for (const el of document.querySelectorAll('[data-i18n-option]'))
    el.textContent = options[el.dataset.i18nOption] ?? el.value;
  for (const el of document.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

/** The string (or string function) for `key` in the current language. */
export function t(key) {
  return STRINGS[lang][key] ?? key;
}

/** An error's message in the current language: a core message as the wasm's catalogue writes it
 *  in each language (`say`, backstep_nn::message), one of the page's own lines (`key`), or its
 *  text as it is. */
export function said(e) {
  if (e?.key) return t(e.key);
  return e?.say?.[lang] ?? e?.message ?? String(e);
}

/** "next: …" for the core's `next()` ("forward 1", "loss", …), with the phase in the current
 *  language (the article's words in Japanese). */
export function nextWords(next) {
  const [phase, layer] = next.split(' ');
  return `${t('next')}: ${t('phaseShort')[phase] ?? phase}${layer ? ` ${layer}` : ''}`;
}

/** Which side of the update the numbers on screen are, from the core's state: 'start' (step 0,
 *  nothing run), 'before' (a step under way) or 'after' (a step completed, its update made). */
export function whenOf(state) {
  if ((state.at ?? state.step) === 0) return 'start';
  return state.at > state.step ? 'before' : 'after';
}

/** "step 1 · before update": the step the numbers belong to (`state.at`), as the header, the
 *  lesson text and the inspector name it. */
export function stepWords(state) {
  return `${t('step')} ${state.at ?? state.step} ${t('stepWhen')[whenOf(state)]}`;
}
