// Test fixtures: Debian's Chromium (never a downloaded browser) with a fresh profile per test,
// the flags this machine kind needs, and a record of console errors and requests.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, expect } from '@playwright/test';

export const SHOTS = 'tests/screenshots';

/** The page's data sets in menu order: the tests that run over each. truth.spec checks it
 *  against the form, which takes the names from the wasm (`choices('dataset')`). */
export const DATASETS = [
  'xor',
  'regression',
  'circle',
  'quadrants',
  'gaussians',
  'spiral',
  'plane',
  'hills',
];
/** The panels with a canvas, in page order: web/stage/view.js's PANELS (truth.spec checks it
 *  against the page's canvases). */
export const PANELS = ['network', 'matrices', 'gates', 'loss', 'boundary', 'neurons'];

mkdirSync(SHOTS, { recursive: true });

export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a test uses from this pattern.
  context: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'backstep-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.BACKSTEP_CHROMIUM || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1366, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.errors = [];
    page.requests = [];
    page.on('console', (m) => {
      if (m.type() === 'error') page.errors.push(m.text());
    });
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.on('request', (r) => page.requests.push(r.url()));
    // The settings fold opens as last left (web/stage/fold.js, closed at first): the tests fill the
    // form, so it starts open here unless a test closed it (tests/e2e/firstscreen.spec.mjs).
    await page.addInitScript(() => {
      try {
        if (localStorage.getItem('backstep.settingsFold') === null)
          localStorage.setItem('backstep.settingsFold', 'open');
      } catch {
        // about:blank has no storage.
      }
    });
    await use(page);
  },
});

export { expect };

/** Opens the page and waits until the automation API is there, the first frame is drawn and the
 *  run is in the worker (unless held on the page, or `worker` is false). */
export async function open(page, url = '/', { worker = true } = {}) {
  // A new document each time (going to a URL that differs only in its hash would not reload).
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(
    () => window.backstep && performance.getEntriesByName('backstep:first-frame').length > 0,
  );
  // The page draws its first frames itself, then hands the run to its worker, which swaps in
  // fresh canvases: a test that took a canvas before the swap would hold a detached one (a data
  // editor test once failed so). Wait for the hand-over, unless the test holds the worker back
  // or expects none (`worker: false`: the full module is kept from the page).
  if (worker)
    await page.waitForFunction(
      () => window.backstepHoldWorker || window.backstep.engine() === 'worker',
    );
  // The panels below the window are drawn once the first frame is on screen: every panel has
  // been drawn when each has a drawing's cost recorded.
  await expect
    .poll(() => page.evaluate(async () => Object.keys(await window.backstep.timings())))
    .toEqual(expect.arrayContaining(PANELS));
}

/** Waits until the page has drawn `n` more animation frames (a condition, not a time). */
export const frames = (page, n) =>
  page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const tick = (left) => (left ? requestAnimationFrame(() => tick(left - 1)) : resolve());
        tick(k);
      }),
    n,
  );

/** The panels among `names` not wholly inside a `width`×`height` screen (for expect.poll: the
 *  layout settles after the last redraw). */
export const offscreen = (page, names, width, height) =>
  page.evaluate(
    ([list, w, h]) =>
      list.filter((name) => {
        const r = document.querySelector(`[data-panel="${name}"]`).getBoundingClientRect();
        return r.top < 0 || r.bottom > h || r.right > w;
      }),
    [names, width, height],
  );

/** A fingerprint of a panel's pixels, from whichever side draws it (for expect.poll: the
 *  panel redrawn). */
export const panelHash = (page, panel) =>
  page.evaluate(async (name) => {
    const { data } = await window.backstep.pixels(name);
    let hash = 0;
    for (let i = 0; i < data.length; i += 97) hash = (hash * 31 + data[i]) | 0;
    return hash;
  }, panel);

/** The state as the automation API reports it. */
export const state = (page) => page.evaluate(() => window.backstep.state());

/** Calls `window.backstep[fn](...args)` in the page and resolves to its result. */
export const call = (page, fn, ...args) =>
  page.evaluate(([f, a]) => window.backstep[f](...a), [fn, args]);

/**
 * From the next load on, counts the wasm modules the page instantiates, by their exports, in
 * `window.exportCounts` (the first module has fewer exports than the full one).
 */
export const countModules = (page) =>
  page.addInitScript(() => {
    window.exportCounts = [];
    const count = (module) => {
      if (module instanceof WebAssembly.Module)
        window.exportCounts.push(WebAssembly.Module.exports(module).length);
    };
    WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
      construct: (target, args) => {
        count(args[0]);
        return Reflect.construct(target, args);
      },
    });
    WebAssembly.instantiate = new Proxy(WebAssembly.instantiate, {
      apply: (target, self, args) => {
        count(args[0]);
        return Reflect.apply(target, self, args);
      },
    });
  });

/** The snapshot after one step from `loadable` (a spec or a saved run) loaded afresh: what the
 *  step after an edit, or after resuming, must equal. */
export async function nextStepFrom(page, loadable) {
  await call(page, 'load', loadable);
  await call(page, 'step', 1);
  return call(page, 'snapshot');
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations in `selector` (the whole document by default): {found, serious}, the
 *  serious and critical ones apart. axe (from the lockfile; nothing is fetched) is evaluated
 *  through the debugger protocol: the page's Content-Security-Policy refuses an inline script
 *  tag, as it should. */
export async function axeFindings(page, selector = null) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (sel) => {
    const r = await window.axe.run(sel ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  }, selector);
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { found, serious };
}
