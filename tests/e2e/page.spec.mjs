// The page as a student uses it: play and pause, every panel drawn and changing, a diverging
// learning rate, bad input, the keyboard, both languages, and the single-file bundle.
import { test, expect, open, state, SHOTS } from './fixtures.mjs';
import { pathToFileURL } from 'node:url';

const PANELS = ['network', 'matrices', 'gates', 'loss', 'boundary', 'neurons'];

/** For each panel: how many pixels are painted, and a fingerprint of the image. The worker
 *  draws them, so their pixels come from it (`pixels`), not from the page's canvas elements. */
const panels = (page) => page.evaluate((names) => Promise.all(names.map(async (id) => {
  const { data: d } = await window.backstep.pixels(id);
  let painted = 0, hash = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
  for (let i = 0; i < d.length; i += 97) hash = (hash * 31 + d[i]) | 0;
  return { id, painted, hash };
})), PANELS);

test('Play advances, Pause stops', async ({ page }) => {
  await open(page);
  await page.click('[data-action="play"]');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForFunction(() => window.backstep.state().step >= 40);
  await page.click('[data-action="play"]');
  const stopped = (await state(page)).step;
  await page.waitForTimeout(400);
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
  await page.waitForTimeout(100);
  const after = await panels(page);
  after.forEach((p, i) => expect(p.hash, `${p.id} did not change`).not.toBe(before[i].hash));
  await page.screenshot({ path: `${SHOTS}/04-circle.png`, fullPage: true });
});

test('the boundary map covers the whole plane after the test loss is computed', async ({ page }) => {
  await open(page);
  await page.selectOption('select[name="dataset"]', 'gaussians');
  await page.evaluate(() => window.backstep.step(300));
  await page.waitForTimeout(100);
  // The two gaussians sit in opposite corners: after training, the map's top-right quarter and its
  // bottom-left quarter must differ in colour (a stale buffer paints only the top rows).
  const [tr, bl] = await page.evaluate(async () => {
    const { width, height, data } = await window.backstep.pixels('boundary');
    const s = Math.min(width, height);
    const px = (x, y) => { const i = 4 * (Math.round(y * s) * width + Math.round(x * s)); return Array.from(data.slice(i, i + 3)); };
    return [px(0.8, 0.2), px(0.2, 0.8)];
  });
  expect(Math.abs(tr[0] - bl[0]) + Math.abs(tr[1] - bl[1]) + Math.abs(tr[2] - bl[2])).toBeGreaterThan(100);
  await page.screenshot({ path: `${SHOTS}/07-gaussians.png`, fullPage: true });
});

test('a diverging learning rate shows the message and keeps the state', async ({ page }) => {
  await open(page);
  await page.fill('input[name="lr"]', '50');
  await page.locator('input[name="lr"]').dispatchEvent('change');
  const s = await page.evaluate(() => window.backstep.step(100));
  expect(s.error).toContain('not finite');
  await expect(page.locator('#message')).toBeVisible();
  await expect(page.locator('#message')).toContainText('loss');
  const snap = await page.evaluate(() => window.backstep.snapshot());
  expect(snap.step).toBe(s.step);
  for (const p of snap.params) for (const v of [p.W, p.b].flat(Infinity)) if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/05-diverged.png`, fullPage: true });
  // Playing into the same wall pauses. (The click also takes the focus from the learning
  // rate's field, which commits it again: the same run starts over, and stops at the same step.)
  await page.click('[data-action="play"]');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await state(page)).step).toBe(s.step);
});

test('bad input gets a clear message and keeps the current run', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.backstep.step(2));
  const bad = await page.evaluate(async () => {
    try { await window.backstep.load({ x: [[0, 0]], t: [[0]], layers: [{ type: 'affine', W: [[1], [2], [3]], b: [0] }], optimizer: { type: 'sgd', lr: 0.1 } }); return null; } catch (e) { return e.message; }
  });
  expect(bad).toBe('layers[0] (affine): W is 3×1 but its input has width 2');
  await expect(page.locator('#message')).toContainText('W is 3×1');
  expect((await state(page)).step).toBe(2);
  // Format errors name the field, as the CLI's do.
  const article = { x: [[0, 0]], t: [[0]], layers: [{ type: 'affine', W: [[1], [2]], b: [0] }], optimizer: { type: 'sgd', lr: 0.1 } };
  const cases = [
    ['{"x": [[0, 0]],', /^not valid JSON: /],
    [null, /^expected an object, got null$/],
    [{ ...article, x: [[0, 'a']] }, /^x\[0\]\[1\]: expected a number, got a string$/],
    [{ ...article, optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } }, /^optimizer: unknown field `momentum`, expected one of `type`, `lr`$/],
    [{ ...article, layers: [{ type: 'dense' }] }, /^layers\[0\]\.type: unknown type `dense`/],
    [{ ...article, steps: 1.5 }, /^steps: expected a whole number/],
    [{ ...article, t: undefined }, /^missing field `t`$/],
    [{ ...article, optimizer: { type: 'sgd', lr: -1 } }, /^optimizer\.lr: must be a positive number$/],
    // Over the format's own limits (the CLI's): the same message as the CLI's.
    [{ ...article, x: Array(20000).fill([0, 0]) }, /^x: has 20000 rows; at most 10000 are allowed$/],
    // Valid specs that the CLI runs but the page does not: over the limits stated in the page.
    [{ ...article, x: Array(501).fill([0, 0]), t: Array(501).fill([0]) }, /^Over the page's limits .*: x has 501 samples, at most 500\. The CLI runs it/],
    // A spec without affine layers is measured too (its input width).
    [{ ...article, x: Array(500).fill(Array(256).fill(0)), t: Array(500).fill(Array(256).fill(0)), layers: [{ type: 'relu' }] },
      /^Over the page's limits .*: x\[0\] has 256 units, at most 16\./],
    [{ ...article, t: [Array(17).fill(0)], layers: [{ type: 'affine', W: [Array(17).fill(1), Array(17).fill(2)], b: Array(17).fill(0) }] },
      /^Over the page's limits .*: t\[0\] has 17 units, at most 16\./],
  ];
  for (const [spec, want] of cases) {
    const msg = await page.evaluate(async (s) => { try { await window.backstep.load(s); return null; } catch (e) { return e.message; } }, spec);
    expect(msg, JSON.stringify(spec)).toMatch(want);
  }
  expect((await state(page)).step).toBe(2);
  // Files through Load spec: broken JSON, and a file too big to read.
  await page.setInputFiles('#import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"x": [[0, 0]],') });
  await expect(page.locator('#message')).toContainText('not valid JSON');
  await page.setInputFiles('#import', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 2 ** 20, 32) });
  await expect(page.locator('#message')).toContainText('huge.json: 17 MB; files up to 16 MB');
  expect((await state(page)).step).toBe(2);
  await page.fill('input[name="hidden"]', '4,99');
  await page.locator('input[name="hidden"]').dispatchEvent('change');
  await expect(page.locator('#message')).toContainText('16');
  expect((await state(page)).step).toBe(2);
});

test('the keyboard reaches everything and drives the cycle', async ({ page }) => {
  await page.addInitScript(() => { window.backstepHoldWorker = true; });
  await open(page);
  const unreachable = await page.evaluate(() => [...document.querySelectorAll('button, select, input')]
    .filter((el) => el.tabIndex < 0 && el.type !== 'file').map((el) => el.outerHTML));
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

test('both languages use the article\'s phase words', async ({ page }) => {
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
    const fail = () => Promise.reject(new WebAssembly.CompileError('simulated: SIMD is not supported'));
    WebAssembly.compileStreaming = fail;
    WebAssembly.compile = fail;
  });
  await page.goto('/');
  await expect(page.locator('#message')).toBeVisible();
  await expect(page.locator('#message')).toContainText('WebAssembly SIMD');
  await expect(page.locator('#message')).toContainText('simulated');
  expect(await page.evaluate(() => document.documentElement.classList.contains('booting'))).toBe(false);
});

test('where the worker cannot take the run over, the page keeps it', async ({ page }) => {
  // As in a browser whose workers cannot draw: the worker fails to start its engine (here, it
  // gets no canvases). The page's own engine resumes, with the run as it was.
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      const broken = message?.op === 'init' ? { ...message, args: { ...message.args, canvases: {} } } : message;
      return post.call(this, broken, transfer);
    };
  });
  await open(page);
  await page.evaluate(() => window.backstep.step(1));
  await page.click('[data-action="play"]');
  expect(await page.evaluate(() => window.backstep.handOver())).toBe('page');
  await page.waitForFunction(() => window.backstep.state().step > 5);
  await page.click('[data-action="play"]');
  await page.evaluate(() => window.backstep.reset());
  expect((await page.evaluate(() => window.backstep.step(2))).loss).toBeCloseTo(0.78973, 5);
  await expect(page.locator('#loss-value')).toHaveText('0.7897');
  await expect(page.locator('#message')).toBeHidden();
  expect(page.errors).toEqual([]);
});
