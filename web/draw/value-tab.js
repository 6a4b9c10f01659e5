// Where a neuron's value goes when its circle cannot hold it: on a tab beside the circle, on the
// side the network's layout gives it; on the other side where that one would run into the next
// column's circles (a long value, 1.30e+18 after a divergence); under the circle, or over it,
// where both would.

/** The tab's left edge and middle line, in drawing units, for neuron j of column k, a tab `tw`
 *  wide that prefers the left side (`left`) or the right. `net`: {xOf(k), yOf(k, j), widths,
 *  r, w, h}, the network's layout. */
export function valueTab(net, k, j, tw, left) {
  const { xOf, yOf, widths, r, w, h } = net;
  const x = xOf(k);
  const y = yOf(k, j);
  const leftX = x - r - 6 - tw;
  const rightX = x + r + 5;
  const preferred = left ? leftX : rightX;
  // A tab clears the circles of the columns on either side of it (and, on the other side, the
  // canvas's edges).
  const clears = (lx) =>
    (k === 0 || lx - 2 >= xOf(k - 1) + r) &&
    (k === widths.length - 1 || lx + tw + 2 <= xOf(k + 1) - r);
  if (clears(preferred)) return [preferred, y];
  const other = left ? rightX : leftX;
  if (other >= 2 && other + tw <= w - 2 && clears(other)) return [other, y];
  // A line under the circle, or over it, where the column's next (or previous) neuron leaves one.
  const cx = Math.max(2, Math.min(w - tw - 2, x - tw / 2));
  const below = y + r + 13;
  const above = y - r - 13;
  if (below + 11 <= (j + 1 < widths[k] ? yOf(k, j + 1) - r : h)) return [cx, below];
  if (above - 11 >= (j > 0 ? yOf(k, j - 1) + r : 0)) return [cx, above];
  return [preferred, y];
}
