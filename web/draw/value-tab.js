// Where a neuron's value goes when its circle cannot hold it: on a white tab beside the circle,
// left of the inputs and right of the others (left where asked: every other label of a crowded
// column), or on the canvas's other side where that one has no room; on the other side where
// that one would run into the next column's circles (a long value, 1.30e+18 after a
// divergence); under, or over, a column's only circle where both would.

import { INK } from './colors.js';

/** The tab's text, 2 units of white around it, and its height. */
const PAD = 2;
const TAB_H = 20;

/** The tab for neuron j of column k with text `textW` wide: {x, y, w, h} (the white box) and
 *  {textX, textY, textW} (the text's left edge and middle line), in drawing units. `net`: the
 *  network's layout as drawn (network.js's `drawnNetwork`). */
function valueTab(net, k, j, textW, leftFirst) {
  const { xOf, yOf, cols, r, w, band } = net;
  const x = xOf(k);
  const y = yOf(k, j);
  const leftX = x - r - 6 - textW;
  const rightX = x + r + 5;
  const onCanvas = (lx) => lx >= PAD && lx + textW + PAD <= w;
  const left = k === 0 || leftFirst || !onCanvas(rightX);
  const preferred = left ? leftX : rightX;
  const other = left ? rightX : leftX;
  // Clear of the circles of the columns on either side.
  const clears = (lx) =>
    (k === 0 || lx - PAD >= xOf(k - 1) + r) &&
    (k === cols.length - 1 || lx + textW + PAD <= xOf(k + 1) - r);
  const tab = (tx, ty) => ({
    x: tx - PAD,
    y: ty - TAB_H / 2,
    w: textW + 2 * PAD,
    h: TAB_H,
    textX: tx,
    textY: ty,
    textW,
  });
  if (clears(preferred)) return tab(preferred, y);
  if (onCanvas(other) && clears(other)) return tab(other, y);
  // A column's only circle (the output, say) has the band's height to itself.
  if (cols[k].width === 1) {
    const cx = Math.max(PAD, Math.min(w - textW - PAD, x - textW / 2));
    const [top, bottom] = band;
    const below = y + r + 3 + TAB_H / 2;
    const above = y - r - 3 - TAB_H / 2;
    if (below + TAB_H / 2 <= bottom) return tab(cx, below);
    if (above - TAB_H / 2 >= top) return tab(cx, above);
  }
  return tab(preferred, y);
}

/** Draws `text` (the current font) on its tab for neuron j of column k (see valueTab); returns
 *  the text's box for layout(): {x, y, w} (its line is 18 units high from y). */
export function drawValueTab(ctx, net, k, j, text, leftFirst) {
  const tab = valueTab(net, k, j, ctx.measureText(text).width, leftFirst);
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(tab.x, tab.y, tab.w, tab.h);
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.fillText(text, tab.textX, tab.textY);
  return { x: tab.textX, y: tab.textY - 9, w: tab.textW };
}
