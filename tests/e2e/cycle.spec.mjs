// The article's cycle in the browser: the numbers it prints, the order of the sub-steps, and
// the same trace as the native CLI.
import { test, expect, open, state, SHOTS } from './fixtures.mjs';
import { execFileSync } from 'node:child_process';

const DW1 = [[0, 1.1860422, 0.11100408, 0.23267712], [0, 0, 0.50054997, 1.0492094]];

test('the page loads with no console error and no request outside 127.0.0.1', async ({ page }) => {
  await open(page);
  await page.waitForTimeout(300);
  expect(page.errors).toEqual([]);
  const origin = new URL(process.env.BACKSTEP_URL).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  expect(page.requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  expect(await state(page)).toEqual({ step: 0, phase: 'idle', layer: null, loss: null, next: 'forward 0', error: null });
  await page.screenshot({ path: `${SHOTS}/01-start.png`, fullPage: true });
});

test('the first Step shows loss 2.0640 and the article\'s dW1, the second 0.7897', async ({ page }) => {
  await open(page);
  await page.click('[data-action="step"]');
  await expect(page.locator('#loss-value')).toHaveText('2.0640');
  const snap = await page.evaluate(() => window.backstep.snapshot());
  expect(snap.step).toBe(1);
  expect(snap.loss).toBeCloseTo(2.063951, 6);
  snap.grads[0].dW.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(DW1[i][j], 6)));
  expect(snap.dead_units[1]).toEqual([0]);
  await page.screenshot({ path: `${SHOTS}/02-after-first-step.png`, fullPage: true });
  await page.click('[data-action="step"]');
  await expect(page.locator('#loss-value')).toHaveText('0.7897');
  expect((await state(page)).step).toBe(2);
});

test('sub-steps visit forward(0…L−1) → loss → backward(L−1…0) → update', async ({ page }) => {
  await open(page);
  const seen = [];
  for (let i = 0; i < 8; i++) {
    await page.click('[data-action="substep"]');
    const s = await state(page);
    seen.push(s.layer == null ? s.phase : `${s.phase} ${s.layer}`);
    if (s.phase === 'backward' && s.layer === 1) await page.screenshot({ path: `${SHOTS}/03-substep-backward.png`, fullPage: true });
  }
  expect(seen).toEqual(['forward 0', 'forward 1', 'forward 2', 'loss', 'backward 2', 'backward 1', 'backward 0', 'update']);
  expect((await state(page)).step).toBe(1);
  await expect(page.locator('#phase')).toHaveAttribute('data-phase', 'update');
  // The next sub-step starts the next cycle.
  await page.click('[data-action="substep"]');
  expect(await state(page)).toMatchObject({ step: 1, phase: 'forward', layer: 0 });
});

/** |a − b| ≤ tol · max(|b| over the tensor, 1e-2), for nested arrays. */
function closeTensor(what, a, b, tol = 1e-6) {
  const flat = (x) => (Array.isArray(x) ? x.flat(Infinity) : [x]);
  const fa = flat(a), fb = flat(b);
  expect(fa.length, what).toBe(fb.length);
  const scale = Math.max(1e-2, ...fb.map(Math.abs));
  fa.forEach((v, i) => expect(Math.abs(v - fb[i]), `${what}[${i}]: ${v} vs ${fb[i]}`).toBeLessThanOrEqual(tol * scale));
}

test('load(spec) then step(3) equals the native CLI\'s trace', async ({ page }) => {
  const cli = process.env.BACKSTEP_CLI;
  // A net whose products exceed the small-kernel threshold natively (160 × 8 × 8).
  const specJson = execFileSync(cli, ['spec', '--dataset', 'circle', '--hidden', '8,8', '--activation', 'tanh',
    '--output-activation', 'sigmoid', '--init', 'glorot', '--optimizer', 'adam', '--lr', '0.01', '--seed', '7', '--steps', '3']).toString();
  const trace = JSON.parse(execFileSync(cli, ['trace', '-'], { input: specJson }).toString());
  await open(page);
  await page.evaluate((s) => window.backstep.load(JSON.parse(s)), specJson);
  await page.evaluate(() => window.backstep.step(3));
  const snap = await page.evaluate(() => window.backstep.snapshot());
  const want = trace.steps[2];
  expect(snap.step).toBe(3);
  closeTensor('loss', snap.loss, want.loss);
  want.outputs.forEach((o, i) => closeTensor(`outputs[${i}]`, snap.outputs[i], o));
  want.grads.forEach((g, i) => Object.keys(g).forEach((k) => closeTensor(`grads[${i}].${k}`, snap.grads[i][k], g[k])));
  want.params.forEach((p, i) => Object.keys(p).forEach((k) => closeTensor(`params[${i}].${k}`, snap.params[i][k], p[k])));
  // The article's run is bit-identical: its products are small enough for the fixed-order loops.
  const article = execFileSync(cli, ['spec', '--steps', '3']).toString();
  const nativeArticle = JSON.parse(execFileSync(cli, ['trace', '-'], { input: article }).toString()).steps[2];
  await page.evaluate((s) => window.backstep.load(JSON.parse(s)), article);
  await page.evaluate(() => window.backstep.step(3));
  const wasmArticle = await page.evaluate(() => window.backstep.snapshot());
  expect(JSON.stringify(wasmArticle)).toBe(JSON.stringify(nativeArticle));
});
