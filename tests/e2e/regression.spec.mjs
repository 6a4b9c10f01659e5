// Regression in the plane: the plane and gaussian-hills sets (the core's, seeded) and a CSV of
// continuous labels are drawn as a continuous colour field with its colour bar, each point in
// its target's colour on the same scale (● training, ■ test), with no class legend and no
// threshold; the page's spec and trace equal the CLI's (truth.spec, bits.spec list both sets).
import { axeFindings, call, expect, open, panelHash, SHOTS, state, test } from './fixtures.mjs';

/** The boundary canvas's text alternative. */
const alt = (page) =>
  page.evaluate(
    () =>
      document.getElementById(
        document.getElementById('c-boundary').getAttribute('aria-describedby'),
      )?.textContent ?? '',
  );

for (const lang of ['ja', 'en']) {
  test(`gaussian hills in ${lang}: a colour field with its bar, points by value, no classes`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, `/#dataset=hills&lang=${lang}&optimizer=adam`);
    await expect(page.locator('[name="dataset"] option[value="hills"]')).toHaveText(
      lang === 'ja' ? 'ガウスの丘 (回帰)' : 'gaussian hills (regression)',
    );
    // No threshold and no accuracy: values, not classes.
    const before = await panelHash(page, 'boundary');
    await call(page, 'step', 400);
    await expect.poll(() => panelHash(page, 'boundary')).not.toBe(before);
    const s = await state(page);
    expect(s.accuracy).toBeNull();
    await expect(page.locator('#boundary-legend')).toContainText(
      lang === 'ja' ? '回帰' : 'Regression',
    );
    await expect(page.locator('#boundary-legend')).not.toContainText('▲');
    expect(await alt(page)).toContain(lang === 'ja' ? '目標値 t' : 'target t');
    await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/regression-hills-${lang}.png` });
    const { serious } = await axeFindings(page);
    expect(serious).toEqual([]);
    expect(page.errors).toEqual([]);
  });
}

test('the plane set and a CSV of continuous labels are drawn the same way', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/#dataset=plane&lang=en');
  await call(page, 'step', 200);
  await expect(page.locator('#boundary-legend')).toContainText('Regression');
  await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/regression-plane-en.png` });
  // A CSV: t = x1·x2 / 4 on a grid of 7 × 7 points.
  const rows = ['x1,x2,label'];
  for (let i = -3; i <= 3; i++) for (let j = -3; j <= 3; j++) rows.push(`${i},${j},${(i * j) / 4}`);
  await call(page, 'loadCsv', rows.join('\n'));
  await expect(page.locator('#boundary-legend')).toContainText('Regression');
  await call(page, 'step', 300);
  await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/regression-csv-en.png` });
  expect(page.errors).toEqual([]);
});
