// The run in the URL's hash, so a teacher can send a link: the settings that differ from the
// data set's defaults, the step, and the view (presenter, language, hidden controls), e.g.
// `#dataset=circle&seed=7&step=120&present=1&lang=ja&hide=settings&lock=1` (a class link:
// what it hides, locked; `test=0` hides the test points, `discrete=1` discretizes the output), the learning rate or optimizer changed mid-run
// (`opt=STEP+TYPE+LR,…`, midrun.js) and the weights and biases edited mid-run
// (`edit=STEP_w_LAYER_ROW_COL_VALUE,STEP_b_LAYER_COL_VALUE,…`, each value the f32 the run holds,
// written exactly, so the link replays the run bit for bit). Reading a hash never
// throws and never puts its text into the page as HTML: a malformed or hostile one gives an
// Error with a short, quoted reason, and the caller falls back to the defaults.

import { escapeHidden } from './quote.js';

/** How a hash writes each kind of setting (the settings table's `kind`). */
const KINDS = {
  name: 'name',
  widths: 'list',
  number: 'number',
  whole: 'whole',
  names: 'names',
};
/** What the core says a hash may hold, read once at start-up through the wasm (`readsCore`):
 *  each setting and how it is written, in order (backstep_lesson's settings table, the one list
 *  of settings; the wasm checks names and ranges), and the most steps of a run. */
let SETTINGS = null;
let MAX_STEP = 0;

/** Reads the core's table of settings and its limit on steps from the wasm's `bindings`
 *  (`settings_table`, `page_limits`), before any hash is read or written. */
export function readsCore(bindings) {
  SETTINGS = Object.fromEntries(bindings.settings_table().map((s) => [s.key, KINDS[s.kind]]));
  MAX_STEP = bindings.page_limits().steps;
}

/** The settings' kinds by key, once `readsCore` has run. */
function settingKinds() {
  if (!SETTINGS) throw new Error('the settings table is not read yet (readsCore)');
  return SETTINGS;
}
/** Controls a lesson's link can hide (`hide=settings,play`), the one list of their names: the
 *  elements each hides (a CSS selector) and the toolbar actions (keys included) a locked link
 *  (`lock=1`) refuses with it. */
export const HIDES = {
  settings: { sel: '#settings-fold, #settings, [data-experiments]', actions: [] },
  play: { sel: '[data-action="play"]', actions: ['play'] },
  reset: { sel: '[data-action="reset"]', actions: ['reset'] },
  seed: { sel: '[data-action="seed"]', actions: ['seed'] },
  export: { sel: '[data-action="export"]', actions: ['export'] },
  import: { sel: '.file', actions: [] },
  timeline: { sel: '.timeline', actions: [] },
  speed: { sel: 'label:has(#speed)', actions: [] },
};
export const HIDEABLE = Object.keys(HIDES);
/** What a variant compared with the run may change (engine/variant.js), as the link's `vs`
 *  names them: `vs=lr:0.3`, `vs=activation:tanh`. */
export const CHANGES = ['activation', 'lr', 'optimizer', 'init', 'seed'];
export const MAX_HASH = 2000;

/** User text in a message: JSON-quoted, cut to 40 characters, with no hidden character raw. */
const quote = (s) => escapeHidden(JSON.stringify(String(s).slice(0, 40)));

function value(key, text, kind) {
  if (!/^[A-Za-z0-9._,+-]{0,200}$/.test(text)) throw new Error(`${key}: ${quote(text)}`);
  if (kind === 'name') return text;
  if (kind === 'names') return text === '' ? [] : text.split(',');
  if (kind === 'list') return text === '' ? [] : text.split(',').map((n) => value(key, n, 'whole'));
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw new Error(`${key}: ${quote(text)}`);
  if (kind === 'whole' && !(Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${key}: ${quote(text)}`);
  }
  return n;
}

/** The optimizer rule (as a spec's `optimizer`) for `type` and `lr`, with the run's other
 *  hyper-parameters (`settings`, complete as the wasm gives them). */
export function ruleOf(type, lr, settings) {
  if (type === 'momentum') return { type, lr, momentum: settings.momentum };
  if (type === 'adam')
    return { type, lr, beta1: settings.beta1, beta2: settings.beta2, eps: settings.eps };
  return { type, lr };
}

/** A change as read from a link ({step, type, lr}), as writeChanges takes it. */
const changeRule = (c) => ({ step: c.step, rule: { type: c.type, lr: c.lr } });

/** The link's `opt` value for changes [{step, rule}] (empty string for none). */
export const writeChanges = (changes) =>
  changes.map((c) => `${c.step}+${c.rule.type}+${c.rule.lr}`).join(',');

/** [{step, type, lr}] from a link's `opt` value, or an Error naming the bad part. */
export function readChanges(text) {
  if (text === '') return [];
  return text.split(',').map((part) => {
    const m = /^(\d{1,7})\+([a-z]{1,12})\+([0-9.e+-]{1,30})$/.exec(part);
    const lr = m && Number(m[3]);
    if (!m || !(lr > 0) || !Number.isFinite(lr)) throw new Error(`opt: ${quote(part)}`);
    return { step: Number(m[1]), type: m[2], lr };
  });
}

/** The link's `edit` value for edits [{step, change: {type: 'weight'|'bias', layer, row, col,
 *  value}}] (as a saved run's events hold them). */
export const writeEdits = (edits) =>
  edits
    .map(({ step, change: c }) =>
      c.type === 'weight'
        ? `${step}_w_${c.layer}_${c.row}_${c.col}_${c.value}`
        : `${step}_b_${c.layer}_${c.col}_${c.value}`,
    )
    .join(',');

/** [{step, change}] from a link's `edit` value, or an Error naming the bad part. */
export function readEdits(text) {
  if (text === '') return [];
  return text.split(',').map((part) => {
    const m =
      /^(\d{1,7})_([wb])_(\d{1,3})_(?:(\d{1,3})_)?(\d{1,3})_(-?[0-9.]{1,30}(?:e[+-]?\d{1,3})?)$/.exec(
        part,
      );
    const value = m && Number(m[6]);
    if (!m || (m[2] === 'w') !== (m[4] !== undefined) || !Number.isFinite(value))
      throw new Error(`edit: ${quote(part)}`);
    const [layer, col] = [Number(m[3]), Number(m[5])];
    const change =
      m[2] === 'w'
        ? { type: 'weight', layer, row: Number(m[4]), col, value }
        : { type: 'bias', layer, col, value };
    return { step: Number(m[1]), change };
  });
}

/** The link's `vs` value for a variant ({what, value}). */
export const writeVariant = (vs) => `${vs.what}:${vs.value}`;

/** {what, value} from a link's `vs` value (a number for lr and seed), or an Error. */
export function readVariant(text) {
  const m = /^([a-z]{1,12}):([A-Za-z0-9._+-]{1,30})$/.exec(text);
  if (!m || !CHANGES.includes(m[1])) throw new Error(`vs: ${quote(text)}`);
  const numeric = settingKinds()[m[1]] !== 'name';
  const value = numeric ? Number(m[2]) : m[2];
  if (numeric && !Number.isFinite(value)) throw new Error(`vs: ${quote(text)}`);
  return { what: m[1], value };
}

/** Reads a hash (with or without `#`) into {settings, step, present, lang, hide, lock, changes,
 *  edits, vs, showTest, discrete}, or throws an Error saying which part is wrong. An empty hash
 *  gives null. */
export function readHash(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  if (text === '') return null;
  if (text.length > MAX_HASH) throw new Error(`${text.length} characters (at most ${MAX_HASH})`);
  const out = {
    settings: {},
    step: 0,
    present: false,
    lang: null,
    hide: [],
    lock: false,
    changes: [],
    edits: [],
    vs: null,
    showTest: true,
    discrete: false,
  };
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
    if (Object.hasOwn(settingKinds(), key)) out.settings[key] = value(key, val, SETTINGS[key]);
    else if (key === 'step') out.step = value(key, val, 'whole');
    else if (key === 'present') out.present = val === '1';
    else if (key === 'lock') out.lock = val === '1';
    else if (key === 'test') out.showTest = val !== '0';
    else if (key === 'discrete') out.discrete = val === '1';
    else if (key === 'opt') out.changes = readChanges(val);
    else if (key === 'edit') out.edits = readEdits(val);
    else if (key === 'vs') out.vs = readVariant(val);
    else if (key === 'lang' && (val === 'ja' || val === 'en')) out.lang = val;
    else if (key === 'hide') {
      out.hide = val === '' ? [] : val.split(',');
      const bad = out.hide.find((h) => !HIDEABLE.includes(h));
      if (bad !== undefined) throw new Error(`hide: ${quote(bad)}`);
    } else throw new Error(quote(key));
  }
  if (out.step > MAX_STEP) throw new Error(`step: at most ${MAX_STEP}`);
  // Changes come in the order they were made, at or before the link's step.
  if (out.changes.some((c, i) => c.step > out.step || c.step < (out.changes[i - 1]?.step ?? 0)))
    throw new Error(`opt: ${quote(writeChanges(out.changes.map(changeRule)))}`);
  if (out.edits.some((c, i) => c.step > out.step || c.step < (out.edits[i - 1]?.step ?? 0)))
    throw new Error(`edit: ${quote(writeEdits(out.edits))}`);
  return out;
}

/** The hash for a run: `settings` (complete, as the wasm gives them; null for a run from a
 *  file, which no settings describe), the data set's `defaults`, and the view. */
export function writeHash({
  settings,
  defaults,
  step,
  present,
  lang,
  hide,
  lock,
  changes = [],
  edits = [],
  vs = null,
  showTest = true,
  discrete = false,
}) {
  const parts = [];
  if (settings) {
    parts.push(`dataset=${settings.dataset}`);
    for (const key of Object.keys(settingKinds())) {
      const v = settings[key];
      if (key === 'dataset' || v == null || JSON.stringify(v) === JSON.stringify(defaults?.[key]))
        continue;
      parts.push(`${key}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`);
    }
    if (step > 0) parts.push(`step=${step}`);
    const made = changes.filter((c) => c.step <= step);
    if (made.length) parts.push(`opt=${writeChanges(made)}`);
    const edited = edits.filter((c) => c.step <= step);
    if (edited.length) parts.push(`edit=${writeEdits(edited)}`);
    if (vs) parts.push(`vs=${encodeURIComponent(writeVariant(vs))}`);
  }
  if (!showTest) parts.push('test=0');
  if (discrete) parts.push('discrete=1');
  if (present) parts.push('present=1');
  if (lang) parts.push(`lang=${lang}`);
  if (hide?.length) parts.push(`hide=${hide.join(',')}`);
  if (hide?.length && lock) parts.push('lock=1');
  return parts.length ? `#${parts.join('&')}` : '';
}
