// Watching a pass (web/draw/flow.js, web/engine/passes.js): after a sub-step through an affine
// layer the sample's terms travel along its edges, forward then (考える) backward, for less
// than 600 ms; the next key ends it; none under prefers-reduced-motion. And lesson play
// (web/stage/lessonplay.js): a sub-step every few seconds until its key stops it.

import { call, expect, open, SHOTS, state, test } from './fixtures.mjs';

const flowing = (page) => call(page, 'flowing');

test('a sub-step through an affine layer sends its terms along the edges; the next key ends it', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/#lang=en');
  // The run moves to the worker after the first frames (a replay there starts no pass): after.
  await call(page, 'handOver');
  await page.keyboard.press('F');
  // 知る through layers[0] of the article's 2-4-1: 2 × 4 terms x·W from column 0 to column 1.
  await page.keyboard.press('S');
  await expect.poll(async () => (await state(page)).layer).toBe(0);
  expect((await flowing(page)).last).toEqual({ forward: true, from: 0, to: 1, pulses: 8 });
  await page.screenshot({ path: `${SHOTS}/flow-forward-en.png` });
  // It ends by itself (FLOW_MS), and the panel is drawn without it.
  await expect.poll(async () => (await flowing(page)).active).toBe(false);
  // The ReLU moves nothing along edges; a key pressed during a pass ends it at once.
  await page.keyboard.press('S');
  await expect.poll(async () => (await state(page)).layer).toBe(1);
  expect(await flowing(page)).toEqual({ active: false, last: null });
  // On to 考える through layers[2]: dout·W travels back from column 2 to column 1 (4 × 1).
  for (const want of [2, 'loss', 2]) {
    await page.keyboard.press('S');
    await expect
      .poll(async () => {
        const s = await state(page);
        return s.phase === 'loss' ? 'loss' : s.layer;
      })
      .toBe(want);
  }
  expect((await state(page)).phase).toBe('backward');
  expect((await flowing(page)).last).toEqual({ forward: false, from: 2, to: 1, pulses: 4 });
  await page.keyboard.press('S');
  await expect.poll(async () => (await state(page)).layer).toBe(1);
  expect(await flowing(page)).toEqual({ active: false, last: null });
});

test('under prefers-reduced-motion nothing travels', async ({ page }) => {
  await open(page, '/#lang=en');
  await call(page, 'substep');
  expect(await flowing(page)).toEqual({ active: false, last: null });
});

test('lesson play takes a sub-step every few seconds until A stops it; Play stops it too', async ({
  page,
}) => {
  await open(page, '/#lang=ja');
  await page.selectOption('#lesson-pace', '3');
  const button = page.locator('[data-action="lesson-play"]');
  await page.keyboard.press('A');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText('授業モードを止める');
  // Two sub-steps, each after its pause: 知る layers[0], then its ReLU.
  await expect.poll(async () => (await state(page)).layer, { timeout: 10_000 }).toBe(0);
  await expect.poll(async () => (await state(page)).layer, { timeout: 10_000 }).toBe(1);
  await page.click('[data-action="lesson-play"]');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toHaveText('授業モード');
  await page.keyboard.press('A');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('P');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('P');
  // The key list names it in the page's language.
  await page.keyboard.press('?');
  await expect(page.locator('#help-keys')).toContainText('授業モード');
});
