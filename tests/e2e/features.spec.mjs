// Input features (x1, x2, x1², x2², x1·x2, sin x1, sin x2) on the page: a box each in the
// settings fold, labelled with the core's formulas; the run's spec equals `backstep spec
// --features` bit for bit, its trace the CLI's (bits.spec); the network's input nodes carry the
// features' names; the boundary and the neuron maps take the same features of the grid's
// points (circle becomes linear in x1², x2²); no box ticked gets the core's message.
import { axeFindings, call, expect, open, panelHash, SHOTS, state, test } from './fixtures.mjs';
import { cli, f32 } from './native.mjs';

/** Ticks exactly the features `names` (a person's clicks; each click builds a run). */
async function tick(page, names) {
  for (const box of await page.locator('#features input').all()) {
    const want = names.includes(await box.getAttribute('value'));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

for (const lang of ['ja', 'en']) {
  test(`features in ${lang}: x1², x2² make circle linear; names on the inputs; the CLI's spec`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, `/#dataset=circle&lang=${lang}`);
    const labels = await page.locator('#features label').allTextContents();
    expect(labels.map((s) => s.trim())).toEqual([
      'x₁',
      'x₂',
      'x₁²',
      'x₂²',
      'x₁x₂',
      'sin x₁',
      'sin x₂',
    ]);
    await expect(page.locator('#features legend')).toHaveText(
      lang === 'ja' ? '入力の特徴量' : 'inputs',
    );
    await tick(page, ['x1_sq', 'x2_sq']);
    await expect
      .poll(() => page.evaluate(() => window.location.hash))
      .toContain('features=x1_sq%2Cx2_sq');
    const spec = await call(page, 'spec');
    expect(spec.features).toEqual(['x1_sq', 'x2_sq']);
    // The points stay in the plane; the first layer takes the two features.
    expect(spec.x[0]).toHaveLength(2);
    const mine = cli(['spec', '--dataset', 'circle', '--features', 'x1_sq,x2_sq']);
    expect(f32(spec)).toEqual(f32(mine));
    // The network's inputs are named by their features.
    await call(page, 'step', 1);
    const { items } = await call(page, 'layout');
    const named = items.filter((i) => /^(input|value 0:)/.test(i.name));
    expect(named.length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SHOTS}/features-form-${lang}.png` });
    await page.locator('[data-panel="network"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/features-network-${lang}.png` });
    // Linear in the features: the circle is learnt.
    const before = await panelHash(page, 'boundary');
    await call(page, 'step', 400);
    await expect.poll(() => panelHash(page, 'boundary')).not.toBe(before);
    expect((await state(page)).accuracy).toBeGreaterThan(0.95);
    await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/features-circle-${lang}.png` });
    const { serious } = await axeFindings(page);
    expect(serious).toEqual([]);
    expect(page.errors).toEqual([]);
  });
}

test("no feature ticked gets the core's message; the link opens the features", async ({ page }) => {
  await open(page, '/#dataset=spiral&features=x1,x2,sin_x1,sin_x2&lang=en');
  const ticked = () => page.$$eval('#features input:checked', (bs) => bs.map((b) => b.value));
  expect(await ticked()).toEqual(['x1', 'x2', 'sin_x1', 'sin_x2']);
  await expect(page.locator('#settings-summary')).toContainText('sin x₁ sin x₂');
  await tick(page, []);
  await expect(page.locator('#message')).toContainText('features');
  await tick(page, ['x1_x2']);
  await expect(page.locator('#message')).toBeHidden();
  expect((await call(page, 'spec')).features).toEqual(['x1_x2']);
  expect(page.errors).toEqual([]);
});
