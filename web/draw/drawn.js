// What the last drawing of each panel placed, in drawing units: the boxes `window.backstep.layout()`
// reports (the page scales them by the zoom and adds the canvas's place in the viewport).

/** panel name → [{kind, name, layer, x, y, w, h, clipped, fontPx, glyphPx, cellPx}] (drawing units). */
const drawn = new Map();

/** Records what a panel's drawing placed (replacing what its last drawing placed). */
export function placed(panel, items) {
  drawn.set(panel, items);
}

/** Every panel's items, as {panel: items}: a copy, so it can cross to the page. */
export function drawnItems() {
  return Object.fromEntries(
    [...drawn].map(([panel, items]) => [panel, items.map((i) => ({ ...i }))]),
  );
}

/** Whether a box reaches past a canvas of `w` × `h` drawing units. */
export const outside = (x, y, w, h, W, H) => x < 0 || y < 0 || x + w > W + 0.5 || y + h > H + 0.5;
