// The page as a student uses it: play and pause, every panel drawn and changing, a diverging
// learning rate, bad input, the keyboard, both languages, and the single-file bundle.

import { pathToFileURL } from 'node:url';
import { countModules, expect, frames, open, PANELS, SHOTS, state, test } from './fixtures.mjs';

/** For each panel: how many pixels are painted, and a fingerprint of the image. The worker
 *  draws them, so their pixels come from it (`pixels`), not from the page's canvas elements. */
const panels = (page) =>
  page.evaluate(
    (names) =>
      Promise.all(
        names.map(async (id) => {
          const { data: d } = await window.backstep.pixels(id);
          let painted = 0,
            hash = 0;
          for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
          for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
          return { id, painted, hash };
        }),
      ),
    PANELS,
  );

test('Play advances, Pause stops', async ({ page }) => {
  await open(page);
  await page.click('[data-action="play"]');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForFunction(() => window.backstep.state().step >= 40);
  await page.click('[data-action="play"]');
  // A request reaches the run after the pause; then ten more frames must not move it.
  await page.evaluate(() => window.backstep.snapshot());
  const stopped = (await state(page)).step;
  await frames(page, 10);
  expect((await state(page)).step).toBe(stopped);
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  // The page timed each played frame (20 steps per frame by default).
  const times = await page.evaluate(() => window.backstep.frameTimes());
  expect(times.length).toBeGreaterThanOrEqual(2);
  expect(times.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
});

test('every canvas panel is non-blank and changes after a step', async ({ page }) => {
  await open(page);
  // A 2-D set (its defaults: 8,8 tanh, batch 10) with ReLU, so every panel has something to show.
  await page.selectOption('select[name="dataset"]', 'circle');
  await expect(page.locator('input[name="hidden"]')).toHaveValue('8,8');
  await page.selectOption('select[name="activation"]', 'relu');
  await page.evaluate(() => window.backstep.step(1));
  const before = await panels(page);
  for (const p of before) expect(p.painted, `${p.id} is blank`).toBeGreaterThan(500);
  await page.evaluate(() => window.backstep.step(1));
  const unchanged = async () =>
    (await panels(page)).filter((p, i) => p.hash === before[i].hash).map((p) => p.id);
  await expect.poll(unchanged, 'panels that did not change').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/04-circle.png`, fullPage: true });
});

test('the boundary map covers the whole plane after the test loss is computed', async ({
  page,
}) => {
  await open(page);
  await page.selectOption('select[name="dataset"]', 'gaussians');
  await page.evaluate(() => window.backstep.step(300));
  // The two gaussians sit in opposite corners: after training, the map's top-right quarter and its
  // bottom-left quarter must differ in colour (a stale buffer paints only the top rows).
  const corners = () =>
    page.evaluate(async () => {
      const { width, height, data } = await window.backstep.pixels('boundary');
      const s = Math.min(width, height);
      const px = (x, y) => {
        const i = 4 * (Math.round(y * s) * width + Math.round(x * s));
        return Array.from(data.slice(i, i + 3));
      };
      return [px(0.8, 0.2), px(0.2, 0.8)];
    });
  const contrast = async () => {
    const [tr, bl] = await corners();
    return Math.abs(tr[0] - bl[0]) + Math.abs(tr[1] - bl[1]) + Math.abs(tr[2] - bl[2]);
  };
  await expect.poll(contrast).toBeGreaterThan(100);
  await page.screenshot({ path: `${SHOTS}/07-gaussians.png`, fullPage: true });
});

test('the keyboard reaches everything and drives the cycle', async ({ page }) => {
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
  });
  await open(page);
  const unreachable = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input')]
      .filter((el) => el.tabIndex < 0 && el.type !== 'file')
      .map((el) => el.outerHTML),
  );
  expect(unreachable).toEqual([]);
  // The worker answers each key; the page's state follows within a frame or so.
  await page.locator('body').press('s');
  await expect.poll(() => state(page)).toMatchObject({ phase: 'forward', layer: 0 });
  await page.locator('body').press(' ');
  await expect.poll(async () => (await state(page)).step).toBe(1);
  await page.locator('body').press('r');
  await expect.poll(async () => (await state(page)).step).toBe(0);
  // The loss curve's read-out moves with the arrow keys, on the page's engine or the worker's.
  for (const where of ['page', 'worker']) {
    if (where === 'worker') await page.evaluate(() => window.backstep.handOver());
    await page.evaluate(() => window.backstep.reset());
    await page.evaluate(() => window.backstep.step(3));
    await expect(page.locator('#loss-readout')).toContainText('step 3:');
    await page.locator('#c-loss').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#loss-readout')).toContainText('step 2:');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#loss-readout')).toContainText('step 1: 2.0639510');
  }
});

test("both languages use the article's phase words", async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.backstep.substep());
  const lang = await page.evaluate(() => document.documentElement.lang);
  const first = await page.locator('#phase').textContent();
  await page.click('#lang');
  const second = await page.locator('#phase').textContent();
  const [ja, en] = lang === 'ja' ? [first, second] : [second, first];
  expect(ja).toContain('知る');
  expect(en).toContain('forward');
  expect(en).toContain('知る');
  // The screenshot is of the Japanese page: one click from English, two from Japanese.
  if (lang === 'ja') await page.click('#lang');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  await page.screenshot({ path: `${SHOTS}/06-japanese.png`, fullPage: true });
});

test('the single-file bundle works from file://', async ({ page }) => {
  await open(page, pathToFileURL(process.env.BACKSTEP_BUNDLE).href);
  await page.click('[data-action="step"]');
  await expect(page.locator('#loss-value')).toHaveText('2.0640');
  // From file://, the worker starts from a copy of the inline script.
  await expect.poll(() => page.evaluate(() => window.backstep.engine())).toBe('worker');
  await page.click('[data-action="step"]');
  await expect(page.locator('#loss-value')).toHaveText('0.7897');
  expect(page.errors).toEqual([]);
});

test('a browser that cannot run the wasm gets a message, not a blank page', async ({ page }) => {
  // As in a browser without WebAssembly SIMD: compiling the module fails (the page compiles it
  // and hands it to the worker).
  await page.addInitScript(() => {
    const fail = () =>
      Promise.reject(new WebAssembly.CompileError('simulated: SIMD is not supported'));
    WebAssembly.compileStreaming = fail;
    WebAssembly.compile = fail;
  });
  await page.goto('/');
  await expect(page.locator('#message')).toBeVisible();
  await expect(page.locator('#message')).toContainText('WebAssembly SIMD');
  await expect(page.locator('#message')).toContainText('simulated');
  expect(await page.evaluate(() => document.documentElement.classList.contains('booting'))).toBe(
    false,
  );
});

test('where the worker cannot take the run over, the page keeps it, on the full module', async ({
  page,
}) => {
  // As in a browser whose workers cannot draw: the worker fails to start its engine (here, it
  // gets no canvases). The page's own engine resumes, with the run as it was, and moves to the
  // full module (the modules instantiated on the page are counted by their exports).
  await countModules(page);
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      const broken =
        message?.op === 'init' ? { ...message, args: { ...message.args, canvases: {} } } : message;
      return post.call(this, broken, transfer);
    };
  });
  await open(page);
  await page.evaluate(() => window.backstep.step(1));
  await page.click('[data-action="play"]');
  expect(await page.evaluate(() => window.backstep.handOver())).toBe('page');
  await page.waitForFunction(() => window.backstep.state().step > 5);
  await page.click('[data-action="play"]');
  // The first module, then the full one (its exports are the first's and the tools').
  const counts = await page.evaluate(() => window.exportCounts);
  expect(counts.length).toBeGreaterThanOrEqual(2);
  expect(counts.at(-1)).toBeGreaterThan(counts[0]);
  await page.evaluate(() => window.backstep.reset());
  expect((await page.evaluate(() => window.backstep.step(2))).loss).toBeCloseTo(0.78973, 5);
  await expect(page.locator('#loss-value')).toHaveText('0.7897');
  await expect(page.locator('#message')).toBeHidden();
  expect(page.errors).toEqual([]);
});
