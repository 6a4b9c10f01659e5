// Two runs side by side (web/engine/variant.js, web/draw/compare.js, web/stage/compare-form.js):
// the variant is the run with one setting changed, on the same data (and, for activation,
// learning rate and optimizer, the same initial weights); it steps, sub-steps, goes back and
// seeks with the run, bit for bit what a run of its own spec gives; the link carries it; an
// edit ends it; a diverging variant says so while the run goes on.

import { call, expect, open, SHOTS, state, test } from './fixtures.mjs';

const compared = (page) => call(page, 'compared');

/** The article's spec with the learning rate `lr`. */
async function specWithLr(page, lr) {
  const spec = await call(page, 'spec');
  return { ...spec, optimizer: { ...spec.optimizer, lr } };
}

test('a variant with another learning rate steps with the run, bit for bit its own spec', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  // What a run of the variant's spec gives on its own.
  const own = await specWithLr(page, 0.5);
  await call(page, 'load', own);
  await call(page, 'step', 10);
  const alone = await state(page);
  await open(page, '/#lang=en');
  const info = await call(page, 'compare', { what: 'lr', value: 0.5 });
  expect(info.change).toEqual({ what: 'lr', value: 0.5 });
  await call(page, 'step', 10);
  const both = await compared(page);
  expect(both.step).toBe(10);
  expect(both.lossAfter).toBe(alone.lossAfter);
  expect(both.loss).toBe(alone.loss);
  // The run itself is the article's, untouched by the comparison.
  expect((await state(page)).lossStep).toBe(10);
  await expect(page.locator('#c-compare')).toBeVisible();
  await expect(page.locator('#compare-status')).toContainText('learning rate = 0.5');
});

test('sub-steps, back and seek keep the two together', async ({ page }) => {
  await open(page, '/#lang=en');
  await call(page, 'compare', { what: 'activation', value: 'tanh' });
  const same = async () => {
    const [s, v] = [await state(page), await compared(page)];
    expect([v.step, v.at, v.phase, v.layer]).toEqual([s.step, s.at, s.phase, s.layer]);
  };
  await call(page, 'step', 3);
  for (let i = 0; i < 3; i++) await call(page, 'substep');
  await same();
  await call(page, 'back');
  await same();
  await call(page, 'seek', 2);
  await same();
  await call(page, 'step', 4);
  await same();
  await call(page, 'reset');
  await same();
});

test('the link carries the variant and opens it at the same step', async ({ page }) => {
  await open(page, '/#lang=en');
  await call(page, 'compare', { what: 'lr', value: 0.5 });
  await call(page, 'step', 5);
  const before = await compared(page);
  const url = await call(page, 'url');
  expect(url).toContain('vs=lr%3A0.5');
  await open(page, url.slice(url.indexOf('#')));
  await expect.poll(async () => (await compared(page)).step).toBe(5);
  const after = await compared(page);
  expect(after.change).toEqual({ what: 'lr', value: 0.5 });
  expect(after.lossAfter).toBe(before.lossAfter);
});

test('an edit of the weights ends the comparison, and the page says why', async ({ page }) => {
  await open(page, '/#lang=ja');
  await call(page, 'compare', { what: 'optimizer', value: 'adam' });
  await call(page, 'step', 2);
  await call(page, 'setWeight', 0, 0, 0, 0.25);
  await expect.poll(async () => (await compared(page)).change).toBe(null);
  expect((await compared(page)).ended).toBe('edit');
  await expect(page.locator('#compare-status')).toContainText('比較を終えました');
  await expect(page.locator('#c-compare')).toBeHidden();
});

test('a diverging variant says so; the run goes on', async ({ page }) => {
  await open(page, '/#lang=en');
  await call(page, 'compare', { what: 'lr', value: 50 });
  await call(page, 'step', 30);
  const v = await compared(page);
  expect(v.diverged).toMatch(/non-finite|NaN|Inf/i);
  expect((await state(page)).error).toBe(null);
  expect((await state(page)).step).toBe(30);
  await expect(page.locator('#compare-status')).toContainText('The variant diverged');
});

test('the controls compare from the page, in both languages, and presenter view shows it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/#dataset=circle&lang=ja');
  await page.selectOption('#compare-what', 'activation');
  await expect(page.locator('#compare-value')).toHaveValue(/relu|sigmoid/);
  await page.selectOption('#compare-value', 'relu');
  await page.click('[data-action="compare"]');
  await expect
    .poll(async () => (await compared(page)).change)
    .toEqual({
      what: 'activation',
      value: 'relu',
    });
  await call(page, 'step', 200);
  await page.locator('[data-panel="compare"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/compare-ja.png` });
  await page.keyboard.press('L');
  await page.keyboard.press('F');
  await page.keyboard.press('G');
  await expect(page.locator('[data-panel="compare"]')).toBeVisible();
  // The two runs beside the loss, on one screen under the formula: nothing scrolls, nothing
  // is cut, no text under 18 px.
  await expect
    .poll(() => page.evaluate(() => document.scrollingElement.scrollHeight <= window.innerHeight))
    .toBe(true);
  await expect(page.locator('[data-panel="compare"] canvas')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('#formula')).toBeInViewport({ ratio: 1 });
  const formula = await page.locator('#formula').boundingBox();
  const panel = await page.locator('[data-panel="compare"]').boundingBox();
  expect(panel.y).toBeGreaterThanOrEqual(formula.y + formula.height);
  const { items } = await call(page, 'layout');
  expect(
    items
      .filter((i) => i.clipped || (i.fontPx != null && i.fontPx < 18))
      .map((i) => `${i.panel} ${i.name} ${i.fontPx}`),
  ).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/compare-presenter-en.png` });
  await page.click('[data-action="compare-stop"]');
  await expect.poll(async () => (await compared(page)).change).toBe(null);
  await expect(page.locator('[data-panel="compare"]')).toBeHidden();
  expect(page.errors).toEqual([]);
});
