// The task's controls on the page: loss, classes, regularization and its rate, the data knobs
// (points, noise, test fraction) in the settings fold, labelled in both languages, each reaching
// the core as typed (a bad value gets the core's own line); the boundary's "show test data" and
// "discretize output" toggles, in the link; k classes drawn with a colour and a glyph each and a
// legend, p = softmax(y) in the matrices, accuracy by the largest output, the cross-entropy and
// the penalty's term in the lesson text. Screenshots in ja and en at 1280×720, presenter too.
import { axeFindings, call, expect, open, panelHash, SHOTS, state, test } from './fixtures.mjs';

/** Sets a text field of the settings form as a person does (type, then leave it: `change`). */
async function type(page, name, value) {
  const input = page.locator(`#settings [name="${name}"]`);
  await input.fill(value);
  await input.press('Tab');
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('the task controls are labelled in both languages, in the fold and the link', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  const labels = ['points', 'noise', 'test_fraction', 'classes', 'loss', 'regularization'];
  for (const name of [...labels, 'regularization_rate']) {
    const field = page.locator(`#settings-fold [name="${name}"]`);
    await expect(field).toBeVisible();
    // Its label is a word, not the key.
    const label = await field.evaluate((el) => el.closest('label').textContent.trim());
    expect(label.length, name).toBeGreaterThan(2);
    expect(label, name).not.toContain('test_fraction');
  }
  await expect(page.locator('#show-test')).toBeChecked();
  await expect(page.locator('#discretize')).not.toBeChecked();
  await expect(page.locator('label:has(#show-test)')).toHaveText(/show test data/);
  await page.screenshot({ path: `${SHOTS}/tasks-fold-en.png` });
  await page.click('#lang');
  await expect(page.locator('label:has(#show-test)')).toHaveText(/テストデータを表示/);
  await expect(page.locator('label:has([name="classes"])')).toHaveText(/クラス数/);
  await expect(page.locator('[name="loss"] option[value="softmax_cross_entropy"]')).toHaveText(
    'ソフトマックス交差エントロピー',
  );
  // Spiral in three arms: the classes bring softmax cross-entropy with them (the core's rule).
  await page.selectOption('select[name="dataset"]', 'spiral');
  await type(page, 'classes', '3');
  await expect(page.locator('[name="loss"]')).toHaveValue('softmax_cross_entropy');
  await page.selectOption('select[name="regularization"]', 'l2');
  await type(page, 'regularization_rate', '0.003');
  await type(page, 'noise', '0.35');
  await type(page, 'points', '150');
  await type(page, 'test_fraction', '0.4');
  await expect
    .poll(() => page.evaluate(() => window.location.hash))
    .toMatch(
      /dataset=spiral&points=150&noise=0\.35&test_fraction=0\.4&classes=3&loss=softmax_cross_entropy&regularization=l2&regularization_rate=0\.003/,
    );
  // The toggles: in the link, and back from it.
  await page.click('#show-test');
  await page.click('#discretize');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/test=0&discrete=1/);
  // Every key works after a click on a toggle: → steps.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await state(page)).step).toBe(1);
  const url = await call(page, 'url');
  await open(page, url.slice(url.indexOf('/#')));
  await expect(page.locator('#show-test')).not.toBeChecked();
  await expect(page.locator('#discretize')).toBeChecked();
  await expect(page.locator('[name="classes"]')).toHaveValue('3');
  await expect(page.locator('[name="loss"]')).toHaveValue('softmax_cross_entropy');
  await expect(page.locator('[name="regularization_rate"]')).toHaveValue('0.003');
  await page.screenshot({ path: `${SHOTS}/tasks-fold-ja.png` });
  // The fold's summary line names the task.
  await expect(page.locator('#settings-summary')).toHaveText(
    /3 クラス.*交差エントロピー.*L2 0\.003/,
  );
  await page.click('#settings-fold > summary');
  await expect(page.locator('#settings-summary')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tasks-summary-ja.png` });
  // The class link hides the task's controls with the rest of the settings.
  const hidden = await call(page, 'classLink', { hide: ['settings'], lock: true });
  await open(page, hidden.slice(hidden.indexOf('/#')));
  await expect(page.locator('[name="classes"]')).toBeHidden();
  await expect(page.locator('#show-test')).toBeHidden();
});

test("a bad value gets the core's message, naming its field", async ({ page }) => {
  await open(page, '/#lang=en');
  await page.selectOption('select[name="dataset"]', 'spiral');
  for (const [name, value, field] of [
    ['classes', '9', 'classes'],
    ['noise', 'lots', 'noise'],
    ['test_fraction', '1.5', 'test_fraction'],
    ['regularization_rate', '-1', 'regularization'],
  ]) {
    if (name === 'regularization_rate')
      await page.selectOption('select[name="regularization"]', 'l1');
    await type(page, name, value);
    await expect(page.locator('#message')).toBeVisible();
    await expect(page.locator('#message')).toContainText(field);
    // Emptied (the default), the run is built again and the line goes.
    await type(page, name, '');
    await expect(page.locator('#message')).toBeHidden();
  }
});

/** The substeps to the loss phase of step `k` + 1 from a cycle's start (k whole steps first). */
async function toLoss(page, k) {
  await call(page, 'step', k);
  while ((await state(page)).phase !== 'loss') await call(page, 'substep');
}

/** Waits until layout() lists `names` among the matrices. */
const listed = (page, names) =>
  expect
    .poll(async () => {
      const { items } = await call(page, 'layout');
      return names.filter((n) => !items.some((i) => i.kind === 'matrix' && i.name === n));
    })
    .toEqual([]);

const SPIRAL3 = 'dataset=spiral&classes=3&regularization=l2&regularization_rate=0.003&lr=0.03';

for (const lang of ['ja', 'en']) {
  test(`3 spiral arms in ${lang}: each class its colour and glyph, p, accuracy by argmax, the formula`, async ({
    page,
  }) => {
    await open(page, `/#${SPIRAL3}&lang=${lang}`);
    await expect(page.locator('[name="loss"]')).toHaveValue('softmax_cross_entropy');
    // The legend under the map names the classes' colours and glyphs, not a sign.
    await expect(page.locator('#boundary-legend')).toContainText('✕ ● ▲ ■ ◆');
    const before = await panelHash(page, 'boundary');
    await toLoss(page, 300);
    await expect.poll(() => panelHash(page, 'boundary')).not.toBe(before);
    // Accuracy by the largest output, on training and test points.
    const s = await state(page);
    expect(s.accuracy).toBeGreaterThan(0);
    expect(s.testAccuracy).toBeGreaterThan(0);
    // The matrices panel's loss layer shows p = softmax(y) beside y, t and dL/dy = p − t.
    await page.selectOption('#matrix-layer', 'loss');
    await listed(page, ['y', 'p', 't', 'dy']);
    // The lesson text: the cross-entropy and the penalty's term.
    const formula = page.locator('[data-formula]');
    await expect(formula).toContainText('p = softmax(y), L = −Σ t·log p');
    await expect(formula).toContainText('+ ½·r·ΣW² (r = 0.003)');
    // The batch loss is a plain sum (Σ) under cross-entropy: the header, the loss's read-out.
    await expect(page.locator('#loss-label')).toContainText('Σ');
    await expect(page.locator('#loss-label')).not.toContainText('½Σ');
    await expect(page.locator('#loss-readout')).not.toContainText('½Σ');
    // The canvas's text alternative names the classes' colouring and the accuracy.
    const alt = await page.evaluate(
      () =>
        document.getElementById(
          document.getElementById('c-boundary').getAttribute('aria-describedby'),
        )?.textContent,
    );
    expect(alt).toContain('softmax');
    await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/tasks-spiral3-${lang}.png` });
    // Backward through the first affine layer: dW's penalty part.
    while ((await state(page)).phase !== 'backward' || (await state(page)).layer !== 0)
      await call(page, 'substep');
    await expect(formula).toContainText('dW = xᵀ·dout + r·W');
    const { serious } = await axeFindings(page);
    expect(serious).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  test(`presenter view in ${lang}: the loss phase of 5 gaussians fits with p`, async ({ page }) => {
    await open(page, `/#dataset=gaussians&classes=5&present=1&lang=${lang}`);
    await toLoss(page, 100);
    await listed(page, ['y', 'p', 't', 'dy']);
    const { items, viewport } = await call(page, 'layout');
    for (const name of ['y', 'p', 't', 'dy']) {
      const m = items.find((i) => i.kind === 'matrix' && i.name === name);
      expect(m.clipped, name).toBe(false);
      expect(m.y + m.h, name).toBeLessThanOrEqual(viewport.h);
    }
    // The lesson text stays ≥ 18 px on the stage.
    const px = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.querySelector('[data-formula]')).fontSize),
    );
    expect(px).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: `${SHOTS}/tasks-present-gaussians5-${lang}.png` });
    // The second stage (G) shows the boundary with its legend.
    await page.keyboard.press('g');
    await expect.poll(() => panelHash(page, 'boundary')).not.toBe(0);
    await page.screenshot({ path: `${SHOTS}/tasks-present-stage2-${lang}.png` });
    expect(page.errors).toEqual([]);
  });
}

test('the toggles: test points left out, the output discretized', async ({ page }) => {
  await open(page, '/#dataset=circle&lang=en');
  await call(page, 'step', 50);
  const shown = await panelHash(page, 'boundary');
  await page.click('#show-test');
  await expect.poll(() => panelHash(page, 'boundary')).not.toBe(shown);
  const noTest = await panelHash(page, 'boundary');
  await expect(page.locator('#boundary-legend')).not.toContainText('▲');
  await page.click('#discretize');
  await expect.poll(() => panelHash(page, 'boundary')).not.toBe(noTest);
  await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tasks-discrete-en.png` });
  // The same with classes: 4 gaussians under softmax, discretized.
  await open(page, '/#dataset=gaussians&classes=4&discrete=1&lang=ja');
  await call(page, 'step', 200);
  await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tasks-gaussians4-discrete-ja.png` });
  expect(page.errors).toEqual([]);
});

test('two runs side by side draw k classes and values as the boundary panel does', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  /** Pixels of the comparison panel near a colour (r, g, b). */
  const near = (rgb) =>
    page.evaluate(async (c) => {
      const { data } = await window.backstep.pixels('compare');
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (
          Math.abs(data[i] - c[0]) + Math.abs(data[i + 1] - c[1]) + Math.abs(data[i + 2] - c[2]) <
          12
        )
          n++;
      return n;
    }, rgb);
  await open(page, '/#dataset=spiral&classes=3&lang=en');
  await call(page, 'compare', { what: 'lr', value: 0.05 });
  await call(page, 'step', 100);
  // Class 2's glyphs (▲, Okabe–Ito green) are on both maps.
  await expect.poll(() => near([0, 158, 115])).toBeGreaterThan(100);
  await page.locator('[data-panel="compare"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tasks-compare-spiral3-en.png` });
  expect(page.errors).toEqual([]);
});

test('the data editor adds a point of one of k classes', async ({ page }) => {
  await open(page, '/#dataset=spiral&classes=3&lang=en');
  const radios = page.locator('input[name="poke-class"]');
  await expect(radios).toHaveCount(3);
  await expect(page.locator('.data-tools fieldset')).toContainText('▲ class 2');
  await radios.nth(2).check();
  const before = (await call(page, 'spec')).x.length;
  // The plane's top-left corner, where no spiral point lies.
  await page.locator('#c-boundary').scrollIntoViewIfNeeded();
  const box = await page.locator('#c-boundary').boundingBox();
  await page.mouse.click(box.x + 62, box.y + 34);
  await expect.poll(async () => (await call(page, 'spec')).x.length).toBe(before + 1);
  const spec = await call(page, 'spec');
  expect(spec.t.at(-1)).toEqual([0, 0, 1]);
  expect(page.errors).toEqual([]);
});
