// Exporting what the panels show: one panel or all of them as a PNG (made from the pixels the
// engine drew, on the page's canvases or the worker's OffscreenCanvases alike), and the loss
// history as CSV (written by the core). Through the automation API, so buttons and scripts get
// the same files; a failure is said in the page's language.

import { shownArg } from '../engine/plain.js';
import { t } from '../i18n/index.js';
import { whenApi } from '../stage/events.js';
import { showMessage } from '../stage/status.js';
import { PANELS } from '../stage/view.js';
import { download } from './files.js';

const $ = (id) => document.getElementById(id);

/** Panel `name`'s title as the page shows it (its heading's first text), in this language. */
function title(name) {
  const h = document.querySelector(`[data-panel="${name}"] h2`);
  const first = h?.querySelector('[data-i18n]') ?? h;
  return first?.textContent.trim() || name;
}

/**
 * A PNG of panel `name` ('all': every panel, one under the other, each with its title), from
 * `pixels(name)` (the engine's ImageData). Resolves to {name, width, height, dataUrl}; rejects
 * with a message in the page's language if no panel has anything drawn.
 */
export async function panelPng(pixels, name = 'all') {
  if (name !== 'all' && !PANELS.includes(name))
    throw new Error(t('exportNoPanel')(shownArg(name), PANELS));
  const names = name === 'all' ? PANELS : [name];
  const parts = [];
  for (const n of names) {
    const image = await pixels(n);
    if (image && image.width > 0 && image.height > 0)
      parts.push({ n, bitmap: await createImageBitmap(image) });
  }
  if (!parts.length) throw new Error(t('exportEmpty'));
  const dpr = window.devicePixelRatio || 1;
  const head = Math.round(34 * dpr);
  const width = Math.max(...parts.map((p) => p.bitmap.width));
  const height = parts.reduce((h, p) => h + head + p.bitmap.height, 0);
  const canvas = Object.assign(document.createElement('canvas'), { width, height });
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let y = 0;
  for (const p of parts) {
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `700 ${Math.round(20 * dpr)}px system-ui, "Noto Sans CJK JP", sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillText(title(p.n), Math.round(8 * dpr), y + head / 2);
    ctx.drawImage(p.bitmap, 0, y + head);
    y += head + p.bitmap.height;
  }
  return { name, width, height, dataUrl: canvas.toDataURL('image/png') };
}

/** Offers a data URL as a download named `file`. */
function downloadUrl(file, url) {
  Object.assign(document.createElement('a'), { href: url, download: file }).click();
}

/** Binds the export buttons to the automation API (there once the page has booted: a click
 *  before it does nothing): PNG of the chosen panel or all, and CSV of the loss history. */
export function bindExport() {
  const fail = (e) => showMessage(() => t('exportFailed')(e.message ?? String(e)));
  let ready = null;
  whenApi().then((a) => {
    ready = a;
  });
  const api = () => ready;
  const step = () => api().state().step;
  document.querySelector('[data-action="export-png"]')?.addEventListener('click', () => {
    if (!api()) return;
    const which = $('export-panel')?.value ?? 'all';
    api()
      .exportPng(which)
      .then((png) => downloadUrl(`backstep-${which}-step-${step()}.png`, png.dataUrl))
      .catch(fail);
  });
  document.querySelector('[data-action="export-csv"]')?.addEventListener('click', () => {
    if (!api()) return;
    api()
      .exportCsv()
      .then((csv) => download(`backstep-loss-step-${step()}.csv`, csv, 'text/csv'))
      .catch(fail);
  });
}
