// JSON text in and out of the page: the browser parses and writes it (the wasm has no JSON
// code). Written numbers that are f32 values take their shortest f32 form, as the CLI writes them.

import { t } from '../i18n/index.js';
import { cutLine } from './quote.js';

/** Most levels of nesting the CLI's JSON parser (serde_json) reads: it refuses the 128th. The
 *  page refuses the same texts at the same stage, with no field named (the differential test's
 *  corpus has a text at this limit and one past it). */
export const MAX_JSON_DEPTH = 127;

/** Parses JSON text as the CLI does; a syntax error, a number past the f64 range (which
 *  JSON.parse would make ±Infinity) or nesting deeper than the CLI reads becomes one clear line. */
export function parseJson(text) {
  let doc;
  try {
    // A leading byte-order mark is not part of the document (the CLI skips it too).
    doc = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    throw new Error(t('badJson')(cutLine(e.message, 200)));
  }
  const stack = [[doc, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(t('badJson')(t('jsonRange')));
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw new Error(t('badJson')(t('jsonDepth')(MAX_JSON_DEPTH)));
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof item === 'number') {
        if (!Number.isFinite(item)) throw new Error(t('badJson')(t('jsonRange')));
      } else if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
    }
  }
  return doc;
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
