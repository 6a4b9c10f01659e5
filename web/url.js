// The run in the URL's hash, so a teacher can send a link: the settings that differ from the
// data set's defaults, the step, and the view (presenter, language, hidden controls), e.g.
// `#dataset=circle&seed=7&step=120&present=1&lang=ja&hide=settings`. Reading a hash never
// throws and never puts its text into the page as HTML: a malformed or hostile one gives an
// Error with a short, quoted reason, and the caller falls back to the defaults.

import { escapeHidden } from './quote.js';

/** Settings a hash may hold, and how each is read (the wasm checks names and ranges). */
const SETTINGS = {
  dataset: 'name',
  hidden: 'list',
  activation: 'name',
  output: 'name',
  optimizer: 'name',
  lr: 'number',
  momentum: 'number',
  beta1: 'number',
  beta2: 'number',
  eps: 'number',
  init: 'name',
  seed: 'whole',
  skip: 'whole',
  batch_size: 'whole',
  points: 'whole',
  noise: 'number',
  test_fraction: 'number',
};
/** Controls a lesson can hide (`hide=settings,play`). */
export const HIDEABLE = ['settings', 'play', 'seed', 'export', 'import', 'timeline', 'speed'];
const MAX_HASH = 2000;
const MAX_STEP = 1_000_000;

/** User text in a message: JSON-quoted, cut to 40 characters, with no hidden character raw. */
const quote = (s) => escapeHidden(JSON.stringify(String(s).slice(0, 40)));

function value(key, text, kind) {
  if (!/^[A-Za-z0-9._,+-]{0,200}$/.test(text)) throw new Error(`${key}: ${quote(text)}`);
  if (kind === 'name') return text;
  if (kind === 'list') return text === '' ? [] : text.split(',').map((n) => value(key, n, 'whole'));
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new Error(`${key}: ${quote(text)}`);
  if (kind === 'whole' && !(Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${key}: ${quote(text)}`);
  }
  return n;
}

/** Reads a hash (with or without `#`) into {settings, step, present, lang, hide}, or throws an
 *  Error saying which part is wrong. An empty hash gives null. */
export function readHash(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (text === '') return null;
  if (text.length > MAX_HASH) throw new Error(`${text.length} characters (at most ${MAX_HASH})`);
  const out = { settings: {}, step: 0, present: false, lang: null, hide: [] };
  const seen = new Set();
  for (const part of text.split('&')) {
    const [rawKey, rawValue = '', extra] = part.split('=');
    let key;
    let val;
    try {
      key = decodeURIComponent(rawKey);
      val = decodeURIComponent(rawValue);
    } catch {
      throw new Error(quote(part));
    }
    if (extra !== undefined || seen.has(key)) throw new Error(quote(part));
    seen.add(key);
    if (Object.hasOwn(SETTINGS, key)) out.settings[key] = value(key, val, SETTINGS[key]);
    else if (key === 'step') out.step = value(key, val, 'whole');
    else if (key === 'present') out.present = val === '1';
    else if (key === 'lang' && (val === 'ja' || val === 'en')) out.lang = val;
    else if (key === 'hide') {
      out.hide = val === '' ? [] : val.split(',');
      const bad = out.hide.find((h) => !HIDEABLE.includes(h));
      if (bad !== undefined) throw new Error(`hide: ${quote(bad)}`);
    } else throw new Error(quote(key));
  }
  if (out.step > MAX_STEP) throw new Error(`step: at most ${MAX_STEP}`);
  return out;
}

/** The hash for a run: `settings` (complete, as the wasm gives them; null for a run from a
 *  file, which no settings describe), the data set's `defaults`, and the view. */
export function writeHash({ settings, defaults, step, present, lang, hide }) {
  const parts = [];
  if (settings) {
    parts.push(`dataset=${settings.dataset}`);
    for (const key of Object.keys(SETTINGS)) {
      const v = settings[key];
      if (key === 'dataset' || v == null || JSON.stringify(v) === JSON.stringify(defaults?.[key]))
        continue;
      parts.push(`${key}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`);
    }
    if (step > 0) parts.push(`step=${step}`);
  }
  if (present) parts.push('present=1');
  if (lang) parts.push(`lang=${lang}`);
  if (hide?.length) parts.push(`hide=${hide.join(',')}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
