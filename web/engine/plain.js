// Arguments read into plain values before the wasm sees them: no live object (a Proxy, a getter,
// a revoked Proxy) ever crosses the boundary, so nothing the caller hands over can run code
// while Rust reads it. And `shownArg`: any value as short, escaped text for a message, even one
// whose `toString` throws.

import { cutLine } from '../share/quote.js';

/** Deepest nesting a plain copy keeps (as json.js refuses JSON past 127 levels). */
const MAX_DEPTH = 128;

/** A copy of `v` made only of numbers, strings, booleans, null, undefined, bigints, arrays and
 *  objects with own enumerable properties; throws an Error (its own, never the value's) if `v`
 *  cannot be read that way. */
export function plain(v) {
  try {
    return copy(v, 0);
  } catch (e) {
    if (e instanceof PlainError) throw new Error(e.message);
    throw Object.assign(new Error('the argument could not be read as plain data'), {
      key: 'notPlain',
    });
  }
}

class PlainError extends Error {}

/** An error as it crosses to the other thread (structured-cloned): its English message, and how
 *  the page says it in its own language: `say` ({en, ja}, a core message from the wasm's
 *  catalogue) or `key` (one of the page's own words). */
export const errorData = (e) => ({ error: e?.message ?? String(e), say: e?.say, key: e?.key });

/** The Error `errorData` describes, on this side. */
export const fromErrorData = ({ error, say, key }) => Object.assign(new Error(error), { say, key });

function copy(v, depth) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
    if (typeof v === 'symbol') throw new PlainError('expected plain data, got a symbol');
    return v;
  }
  if (typeof v === 'function') throw new PlainError('expected plain data, got a function');
  if (depth >= MAX_DEPTH)
    throw new PlainError(`the argument is nested deeper than ${MAX_DEPTH - 1} levels`);
  if (ArrayBuffer.isView(v)) return Array.from(v);
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1);
    return out;
  }
  const out = {};
  for (const key of Object.keys(v)) {
    const value = copy(v[key], depth + 1);
    // Defined as data (a key `__proto__` stays an own property, as JSON.parse keeps it).
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** `v` as at most `max` characters of escaped text for a message; never throws. */
export function shownArg(v, max = 20) {
  let s;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  } catch {
    s = `(${typeof v})`;
  }
  return cutLine(s, max);
}
