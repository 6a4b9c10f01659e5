// The first load (issue 19): a first visit downloads the page's first wasm module, without the
// tools (web/engine/tools.js), before its first frame, and the full module only once that frame
// is on screen. A
// tool asked for while the run is still on the page's own engine moves that engine to the full
// module, with the run replayed, bit for bit; without the full module, the tool says so in the
// page's language and the run goes on.

import { call, countModules, expect, frames, open, PANELS, state, test } from './fixtures.mjs';

const FIRST = 'pkg/backstep_first_bg.wasm';
const FULL = 'pkg/backstep_wasm_bg.wasm';

/** What the gradient check (a tool) rejects with: its key, else its message; null if it answers. */
const gradcheckError = (page) =>
  page.evaluate(() =>
    window.backstep.gradcheck().then(
      () => null,
      (e) => e.key ?? e.message,
    ),
  );

test('the first frame needs only the first module; the full one is fetched once it is on screen', async ({
  page,
}) => {
  await open(page);
  await page.waitForFunction(() => window.backstep.engine() === 'worker');
  const { frame, painted, first, full } = await page.evaluate(
    ([a, b]) => {
      const entry = (f) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(f));
      const { responseEnd, startTime } = entry(b) ?? {};
      return {
        frame: performance.getEntriesByName('backstep:first-frame')[0].startTime,
        // The page is hidden until its first frame is drawn: its first paint shows that frame.
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        first: entry(a)?.responseEnd,
        full: startTime ?? null,
        fullEnd: responseEnd,
      };
    },
    [FIRST, FULL],
  );
  expect(first).toBeLessThan(frame);
  expect(full).not.toBeNull();
  expect(full).toBeGreaterThan(frame);
  // The worker and its module wait for the first frame's paint: they would share its two cores.
  expect(painted).not.toBeNull();
  expect(full).toBeGreaterThan(painted);
});

test('a tool on the page engine moves it to the full module; the run goes on bit for bit', async ({
  page,
}) => {
  // The same run on the worker, for the bits.
  await open(page);
  await page.waitForFunction(() => window.backstep.engine() === 'worker');
  await call(page, 'step', 5);
  const check = await call(page, 'gradcheck');
  await call(page, 'step', 2);
  const expected = await call(page, 'snapshot');

  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
  });
  await open(page);
  expect(await call(page, 'engine')).toBe('page');
  await call(page, 'step', 5);
  // Asked at once, one after the other: they are answered in order, on the full module.
  const [gradcheck, code, csv, after] = await page.evaluate(() => {
    const b = window.backstep;
    return Promise.all([b.gradcheck(), b.code(), b.exportCsv(), b.step(2)]);
  });
  expect(gradcheck).toEqual(check);
  expect(code).toContain('torch');
  // Steps 0 to 5: taken before the steps asked after it.
  expect(csv.trim().split('\n')).toHaveLength(1 + 6);
  expect(after.step).toBe(7);
  expect(await call(page, 'engine')).toBe('page');
  expect(await call(page, 'snapshot')).toEqual(expected);
  // Let go, the run moves to the worker as ever.
  expect(await call(page, 'handOver')).toBe('worker');
  expect(await call(page, 'snapshot')).toEqual(expected);
});

test("a run on the first module has the full module's bits (its products take other code)", async ({
  page,
}) => {
  // The article's run on the worker's full module, where its products are straight-line code
  // (crates/nn/src/tiny.rs), then on the page's own first module, built without it.
  await open(page);
  await page.waitForFunction(() => window.backstep.engine() === 'worker');
  await call(page, 'step', 40);
  const expected = await call(page, 'snapshot');

  // Held on the page, without the full module to move to.
  await page.route(`**/${FULL}`, (r) => r.abort());
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
  });
  await countModules(page);
  await open(page);
  expect(await call(page, 'engine')).toBe('page');
  await call(page, 'step', 40);
  const got = await call(page, 'snapshot');
  // Only the first module has been instantiated on the page: the steps ran on it.
  expect(await page.evaluate(() => window.exportCounts)).toHaveLength(1);
  expect(got).toEqual(expected);
});

for (const lang of ['en', 'ja']) {
  test(`without the full module a tool says so (${lang}); the run goes on`, async ({ page }) => {
    await page.route(`**/${FULL}`, (r) => r.abort());
    await open(page, `/#lang=${lang}`, { worker: false });
    await call(page, 'step', 2);
    expect(await gradcheckError(page)).toBe('toolsMissing');
    // The gradient check's button says it in the page's language.
    await page.evaluate(() => document.getElementById('gradcheck').click());
    await expect(page.locator('#glass-out')).toHaveText(
      lang === 'ja' ? /読み込めませんでした/ : /could not be loaded/,
    );
    await call(page, 'step', 1);
    expect((await state(page)).step).toBe(3);
    expect(await call(page, 'engine')).toBe('page');
  });
}

test('a full module that cannot be instantiated: the tool says so, the run goes on as it was', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
    // The first module has fewer exports than the full one, whose instancing fails (counted).
    let first = null;
    window.fullTries = 0;
    WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
      construct: (target, args) => {
        const n = WebAssembly.Module.exports(args[0]).length;
        first ??= n;
        if (n > first) {
          window.fullTries++;
          throw new RangeError('out of memory (a test)');
        }
        return Reflect.construct(target, args);
      },
    });
    WebAssembly.instantiate = new Proxy(WebAssembly.instantiate, {
      apply: (target, self, args) => {
        if (args[0] instanceof WebAssembly.Module)
          first ??= WebAssembly.Module.exports(args[0]).length;
        return Reflect.apply(target, self, args);
      },
    });
  });
  await open(page);
  await call(page, 'step', 2);
  expect(await gradcheckError(page)).toBe('toolsMissing');
  // Tried once only (each try replays the run), whatever asks again.
  await page.evaluate(() => window.backstep.gradcheck().catch(() => {}));
  expect(await page.evaluate(() => window.fullTries)).toBe(1);
  // Replayed on the first module: the same run as a fresh one stepped as far.
  const after = await call(page, 'step', 1);
  expect(after.step).toBe(3);
  const fresh = await page.evaluate(async () => {
    await window.backstep.reset();
    return window.backstep.step(3);
  });
  expect(after.loss).toBe(fresh.loss);
  expect(page.errors).toEqual([]);
});

test('the first frame is drawn once: watching the layout starts without drawing it again', async ({
  page,
}) => {
  // The page's own engine keeps the run (held), so its drawing can be counted: each drawing of
  // the network panel clears its canvas from the origin once.
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
    window.networkDrawn = 0;
    const clear = CanvasRenderingContext2D.prototype.clearRect;
    CanvasRenderingContext2D.prototype.clearRect = function (...args) {
      if (this.canvas.id === 'c-network' && args[0] === 0 && args[1] === 0) window.networkDrawn++;
      return clear.apply(this, args);
    };
  });
  await open(page);
  await frames(page, 6);
  expect(await page.evaluate(() => window.networkDrawn)).toBe(1);
  // A resize still redraws, at the new width.
  await page.setViewportSize({ width: 1000, height: 760 });
  await expect.poll(() => page.evaluate(() => window.networkDrawn)).toBeGreaterThan(1);
  expect(page.errors).toEqual([]);
});

for (const [height, later] of [
  [900, ['gates', 'loss', 'boundary', 'neurons']],
  [2600, []],
]) {
  test(`at 1366×${height} the first frame draws the panels in view; the rest follow its paint`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height });
    // Each panel's drawings, counted as each clears its canvas from the origin, and what they
    // were when the page marked its first frame.
    await page.addInitScript(() => {
      window.backstepHoldWorker = true;
      window.drawn = {};
      const clear = CanvasRenderingContext2D.prototype.clearRect;
      CanvasRenderingContext2D.prototype.clearRect = function (...args) {
        const id = this.canvas.id.replace('c-', '');
        if (args[0] === 0 && args[1] === 0) window.drawn[id] = (window.drawn[id] ?? 0) + 1;
        return clear.apply(this, args);
      };
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'backstep:first-frame') window.atFirst = { ...window.drawn };
        return mark(name, ...rest);
      };
    });
    await open(page);
    const atFirst = await page.evaluate(() => window.atFirst);
    expect(PANELS.filter((p) => !atFirst[p])).toEqual(later);
    // Each drawn once, the rest once the first frame is on screen.
    await expect
      .poll(() => page.evaluate(() => window.drawn))
      .toEqual(Object.fromEntries(PANELS.map((p) => [p, 1])));
    expect(page.errors).toEqual([]);
  });
}
