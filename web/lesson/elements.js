// Small DOM builders the glass box's tools share (a button, an element with its text, never
// parsed as HTML) and a number as a person types it.

/** A button with its text and a click handler. */
export function button(text, onClick, attrs = {}) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.addEventListener('click', onClick);
  return b;
}

/** An element with its text (never parsed as HTML). */
export function el(tag, text = '', attrs = {}) {
  const e = document.createElement(tag);
  e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** A number typed by a person: ASCII or full-width digits, a minus sign or hyphen, a decimal
 *  point or comma; null if it is not a finite number. */
export function typedNumber(text) {
  const ascii = String(text)
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[−ー]/g, '-')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(ascii)) return null;
  const v = Number(ascii);
  return Number.isFinite(v) ? v : null;
}
