// The learning rate changed in the form in the middle of a run goes on from the current step as
// a setOptimizer event (midrun.js), as TF Playground does, instead of starting over; going back
// and forth, save and load, and the link all replay it to the same bits.

import { call, expect, open, state, test } from './fixtures.mjs';

test('a learning rate changed mid-run is an event that back, save/load and the link replay', async ({
  page,
}) => {
  await open(page);
  await call(page, 'step', 5);
  await page.fill('input[name="lr"]', '0.05');
  await page.locator('input[name="lr"]').dispatchEvent('change');
  // The run goes on from step 5 with the new rate (a restart would be at step 0).
  await expect
    .poll(async () => (await call(page, 'save')).run.events)
    .toEqual([{ step: 5, change: { type: 'optimizer', rule: { type: 'sgd', lr: 0.05 } } }]);
  expect((await state(page)).step).toBe(5);
  await call(page, 'step', 5);
  const want = await call(page, 'snapshot');
  expect(want.step).toBe(10);
  // It differs from both runs without the change.
  const plain = async (lr) => {
    const spec = await call(page, 'spec');
    const other = await page.evaluate(
      async ([s, r]) => {
        const backstep = window.backstep;
        const saved = await backstep.save();
        await backstep.load({ ...s, optimizer: { type: 'sgd', lr: r } });
        await backstep.step(10);
        const snap = await backstep.snapshot();
        await backstep.load(saved);
        return snap;
      },
      [spec, lr],
    );
    return other.loss;
  };
  expect(await plain(0.1)).not.toBe(want.loss);
  expect(await plain(0.05)).not.toBe(want.loss);
  expect(await call(page, 'snapshot')).toEqual(want);
  // Back before the change and forward again; seek across it.
  await call(page, 'back', 7);
  await call(page, 'step', 7);
  expect(await call(page, 'snapshot')).toEqual(want);
  await call(page, 'seek', 2);
  await call(page, 'seek', 10);
  expect(await call(page, 'snapshot')).toEqual(want);
  // Save and load.
  const saved = await call(page, 'save');
  await call(page, 'reset');
  await call(page, 'load', saved);
  expect(await call(page, 'snapshot')).toEqual(want);
  // The link: written with the change, and opened in a new document.
  await open(page, '/');
  await call(page, 'step', 5);
  await page.fill('input[name="lr"]', '0.05');
  await page.locator('input[name="lr"]').dispatchEvent('change');
  await expect.poll(async () => (await call(page, 'save')).run.events.length).toBe(1);
  await call(page, 'step', 5);
  await expect.poll(() => call(page, 'url')).toContain('opt=5+sgd+0.05');
  const url = await call(page, 'url');
  expect(url).toContain('step=10');
  await open(page, url.replace(/^[^#]*/, '/'));
  await expect.poll(async () => (await state(page)).step).toBe(10);
  expect(await call(page, 'snapshot')).toEqual(want);
  await expect(page.locator('input[name="lr"]')).toHaveValue('0.05');
  expect(page.errors).toEqual([]);
});

test('a change to another setting still starts over', async ({ page }) => {
  await open(page);
  await call(page, 'step', 5);
  await page.fill('input[name="seed"]', '7');
  await page.locator('input[name="seed"]').dispatchEvent('change');
  await expect.poll(async () => (await state(page)).step).toBe(0);
  expect(page.errors).toEqual([]);
});
