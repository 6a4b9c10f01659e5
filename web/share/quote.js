// User text inside a one-line message, escaped as the core escapes it (crates/nn/src/error.rs,
// `hidden`): control characters, the Unicode line separators and the bidirectional overrides
// are written as escapes (`\n`, `\u{1b}`), so a message never breaks a line or reorders it.

/** The characters that never reach a message raw (the core's `hidden`). */
const HIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every hidden character written as an escape. */
export const escapeHidden = (text) =>
  String(text).replace(HIDDEN, (c) => SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`);

/** `text` escaped and cut to `max` characters (the last being `…` when anything was cut). */
export function cutLine(text, max) {
  const s = escapeHidden(text);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
