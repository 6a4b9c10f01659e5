// The network panel's input nodes named by their features (x₁², sin x₂, …) when the run takes
// features other than x₁, x₂ (the core names them: `input_names`); the plain inputs stay unnamed.

import { FONT, INK } from './colors.js';

/** Input `j`'s feature, or null for the plain inputs (or another column). */
export const inputName = (model, k, j) => (k === 0 ? (model.inputNames[j] ?? null) : null);

/** The value's label with its feature's name before it (`sin x₁ = 0.84`). */
export const named = (name, text) => (name ? `${name} = ${text}` : text);

/** Writes input `j`'s feature left of its node at (x, y), radius r (when its value is not
 *  written there itself); `record` keeps the label's box for layout(). */
export function drawInputName(ctx, name, j, x, y, r, record) {
  ctx.font = FONT.text;
  ctx.fillStyle = INK;
  ctx.textAlign = 'right';
  ctx.fillText(name, x - r - 6, y);
  const tw = ctx.measureText(name).width;
  record('label', `input ${j}`, null, x - r - 6 - tw, y - 9, tw, 18, 14);
}
