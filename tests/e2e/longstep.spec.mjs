// A long step(n) in the worker runs in chunks (web/engine/chunked.js): Pause stops it, the promise
// resolves to the state where it stopped, that state is a valid step of the run, and requests
// made meanwhile are answered after it, in order. Reset stops it too.

import { expect, open, state, test } from './fixtures.mjs';

test('Pause stops a long step(n); the promise resolves where it stopped', async ({ page }) => {
  await open(page, '/#dataset=spiral&hidden=16,16,16,16&points=625');
  expect(await page.evaluate(() => window.backstep.handOver())).toBe('worker');
  await page.evaluate(() => {
    window.longStep = window.backstep.step(1_000_000);
    window.afterIt = window.backstep.snapshot();
  });
  // It runs (the header counts), and the button offers Pause meanwhile.
  await expect
    .poll(async () => (await state(page)).step, { timeout: 20_000 })
    .toBeGreaterThan(2000);
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
  await page.click('[data-action="play"]');
  const stopped = await page.evaluate(() => window.longStep);
  expect(stopped.step).toBeGreaterThan(2000);
  expect(stopped.step).toBeLessThan(1_000_000);
  expect(stopped.error).toBeNull();
  // The snapshot asked for meanwhile was answered after it, at the step where it stopped.
  expect((await page.evaluate(() => window.afterIt)).step).toBe(stopped.step);
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  expect((await state(page)).step).toBe(stopped.step);
  // A valid step of the run: going back one step and forward again gives the same bits.
  const snap = await page.evaluate(() => window.backstep.snapshot());
  await page.evaluate(() => window.backstep.back(1));
  await page.evaluate(() => window.backstep.step(1));
  expect(await page.evaluate(() => window.backstep.snapshot())).toEqual(snap);
  // Reset stops one too, and the run is at step 0.
  await page.evaluate(() => {
    window.longStep = window.backstep.step(1_000_000);
  });
  await expect
    .poll(async () => (await state(page)).step, { timeout: 20_000 })
    .toBeGreaterThan(snap.step + 500);
  await page.evaluate(() => window.backstep.reset());
  expect((await page.evaluate(() => window.longStep)).step).toBeLessThan(1_000_000);
  await expect.poll(async () => (await state(page)).step).toBe(0);
  expect(page.errors).toEqual([]);
});
