// `window.backstep.layout()`: what the last drawing placed, in CSS px relative to the viewport.
// The engine reports its panels' items in drawing units (wherever it draws: the worker has no
// layout); here they are scaled by the zoom and moved by their canvas's place. Every visible
// piece of the page's own text joins them as kind "text", with its font size.

import { fitting } from './presenter.js';

/** Text the page shows but a reader never sees: screen-reader-only copies, closed dialogs. */
const UNSEEN = '.sr-only, dialog:not([open]), script, style, option, template';

/** The page's visible text as items: one per element that holds text itself. */
function pageText(vw, vh) {
  const items = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest(UNSEEN)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const style = getComputedStyle(el);
    // Hidden, or clipped to nothing for sight only (a label a screen reader still reads).
    if (style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%')) continue;
    // Cut where the element (or the box that holds it) hides what overflows it.
    const holder = el.closest('li, p, span, label, button, h2') ?? el;
    const cut =
      getComputedStyle(holder).overflow !== 'visible' &&
      holder.scrollWidth > holder.clientWidth + 1;
    items.push({
      panel:
        el.closest('[data-panel]')?.dataset.panel ??
        el.closest('header, section, footer, dialog')?.localName ??
        'page',
      kind: 'text',
      name: el.id || el.dataset.i18n || el.localName,
      layer: null,
      x: r.left,
      y: r.top,
      w: r.width,
      h: r.height,
      clipped: cut || r.right > vw + 0.5 || r.bottom > vh + 0.5 || r.left < -0.5 || r.top < -0.5,
      fontPx: Number.parseFloat(style.fontSize),
    });
  }
  return items;
}

/** The layout report: {viewport: {w, h}, items: [{panel, kind, name, layer, x, y, w, h,
 *  clipped, fontPx, glyphPx, cellPx}]}, from the engine's items (`request('layout')`). */
export async function layoutReport(request) {
  const drawn = await request('layout');
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const { zoom } = fitting();
  const items = [];
  for (const [panel, list] of Object.entries(drawn)) {
    const canvas = document.getElementById(`c-${panel}`);
    const box = canvas?.getBoundingClientRect();
    // A panel out of view (another stage, or folded away) places nothing on the screen.
    if (!box || box.width === 0 || canvas.closest('[hidden]')) continue;
    for (const it of list) {
      const x = box.left + it.x * zoom,
        y = box.top + it.y * zoom,
        w = it.w * zoom,
        h = it.h * zoom;
      const out = x < -0.5 || y < -0.5 || x + w > vw + 0.5 || y + h > vh + 0.5;
      items.push({
        panel,
        kind: it.kind,
        name: it.name,
        layer: it.layer ?? null,
        x,
        y,
        w,
        h,
        clipped: Boolean(it.clipped) || out,
        fontPx: it.fontPx == null ? null : it.fontPx * zoom,
        glyphPx: it.glyphPx == null ? null : it.glyphPx * zoom,
        cellPx: it.cellPx == null ? null : it.cellPx * zoom,
      });
    }
  }
  return { viewport: { w: vw, h: vh }, items: [...items, ...pageText(vw, vh)] };
}
