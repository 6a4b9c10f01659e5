// JSON text in and out of the page: the browser parses and writes it (the wasm has no JSON
// code). Written numbers that are f32 values take their shortest f32 form, as the CLI writes them.

import { t } from './i18n.js';

/** Parses JSON text; a syntax error becomes one clear line. */
export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(t('badJson')(e.message));
  }
}

/** The spec's f64 fields; every other number in a spec or trace is an f32. */
const F64_KEYS = new Set(['lr', 'momentum', 'beta1', 'beta2', 'eps']);

/** The shortest decimal that reads back as the same f32 (x itself if x is not an f32). */
export function shortestF32(x) {
  if (!Number.isFinite(x) || Math.fround(x) !== x || Number.isInteger(x)) return x;
  for (let digits = 1; digits <= 9; digits++) {
    const y = Number(x.toPrecision(digits));
    if (Math.fround(y) === x) return y;
  }
  return x;
}

/** A spec or trace document as JSON text. */
export function traceJson(doc) {
  return JSON.stringify(doc, (key, value) =>
    typeof value === 'number' && !F64_KEYS.has(key) ? shortestF32(value) : value,
  );
}
