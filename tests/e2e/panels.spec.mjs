// The panels on a projector: accuracy in state() and in the boundary panel, the loss panel's
// training and test curves on the same footing, the header naming its step, matrix colours,
// the network's "not yet" edges, export (PNG and CSV, at step 0 too, on either engine), the
// canvases' text alternatives, and presenter view with notices, in both languages.
import {
  call,
  expect,
  frames,
  offscreen,
  open,
  PANELS,
  panelHash,
  SHOTS,
  state,
  test,
} from './fixtures.mjs';

const csvRows = (text) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

test('accuracy is in state(): a number for 2-class tasks, null otherwise', async ({ page }) => {
  await open(page, '/#lang=en');
  // The article's net at step 0 puts every XOR point below the threshold: 2 of 4 right.
  let s = await state(page);
  expect(s.accuracy).toBe(0.5);
  expect(s.testAccuracy).toBeNull();
  await expect(page.locator('#alt-boundary')).toContainText('2/4 (50.0%)');
  // Back and seek give the accuracy of a fresh run at that step.
  await call(page, 'step', 40);
  const at40 = (await state(page)).accuracy;
  await call(page, 'step', 20);
  await call(page, 'seek', 40);
  expect((await state(page)).accuracy).toBe(at40);
  // A plane set has a test set: both are fractions of whole points.
  await open(page, '/#lang=en&dataset=gaussians');
  await call(page, 'step', 300);
  s = await state(page);
  expect(s.accuracy).toBeGreaterThan(0.9);
  expect(s.testAccuracy).toBeGreaterThan(0.8);
  const n = await page.evaluate(() => window.backstep.spec().then((sp) => sp.x.length));
  expect(Number.isInteger(Math.round(s.accuracy * n))).toBe(true);
  expect(Math.abs(s.accuracy * n - Math.round(s.accuracy * n))).toBeLessThan(1e-4);
  await expect(page.locator('#alt-boundary')).toContainText('threshold y = 0.5');
  // The article's regression sample (two samples, each target once) is not a 2-class task.
  await open(page, '/#lang=en&dataset=regression');
  s = await state(page);
  expect([s.accuracy, s.testAccuracy]).toEqual([null, null]);
  expect(page.errors).toEqual([]);
});

test('the loss panel: training and test as mean per sample, the header its batch loss', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  // Step 0 is measured too: its mean over XOR's 4 samples is step 1's batch loss over 4.
  let rows = csvRows(await call(page, 'exportCsv'));
  expect(rows.length).toBe(1);
  const start = Number(rows[0][2]);
  await call(page, 'step', 1);
  expect((await state(page)).loss.toFixed(4)).toBe('2.0640');
  expect((start * 4).toFixed(4)).toBe('2.0640');
  await expect(page.locator('#loss-label')).toHaveText('batch loss ½Σ, before update');
  await expect(page.locator('#loss-after')).toHaveText('0.7897');
  await expect(page.locator('#step-count')).toHaveText('1');
  // Mid-cycle the header names the step under way; its loss shows once its loss phase has run.
  for (let i = 0; i < 3; i++) await call(page, 'substep');
  expect((await state(page)).lossStep).toBe(1);
  await expect(page.locator('#step-count')).toHaveText('2');
  await expect(page.locator('#loss-value')).toHaveText('—');
  await call(page, 'substep');
  expect((await state(page)).lossStep).toBe(2);
  await expect(page.locator('#loss-value')).toHaveText('0.7897');
  // A circle run: the CSV's means equal what a fresh run seeking there reports.
  await open(page, '/#lang=en&dataset=circle');
  await call(page, 'step', 30);
  rows = csvRows(await call(page, 'exportCsv'));
  expect(rows.length).toBe(31);
  for (const r of rows) for (const k of [2, 3]) expect(Number(r[k])).toBeGreaterThan(0);
  await call(page, 'seek', 12);
  const back = csvRows(await call(page, 'exportCsv'));
  expect(back).toEqual(rows.slice(0, 13));
  await call(page, 'step', 18);
  expect(csvRows(await call(page, 'exportCsv'))).toEqual(rows);
  // The header's test loss is the same footing as the curve's last point.
  await expect(page.locator('#test-loss')).toHaveText(Number(rows[30][3]).toFixed(4));
  expect(page.errors).toEqual([]);
});

test('a long run: the curves skip steps past 1 024, the current step is always measured', async ({
  page,
}) => {
  await open(page, '/#lang=en&dataset=circle');
  await call(page, 'step', 2051);
  const rows = csvRows(await call(page, 'exportCsv'));
  expect(rows.length).toBe(2052);
  // Every step below 1 024 is measured; past it every 2nd, then every 4th (from 2 048).
  expect(rows[1023][2]).not.toBe('');
  expect(rows[1025][2]).toBe('');
  expect(rows[1026][2]).not.toBe('');
  expect(rows[2050][2]).toBe('');
  expect(rows[2051][2]).toBe('');
  for (const r of rows) expect(r[1] !== '' || r[0] === '0').toBe(true);
  // Step 2051 is left out of the series, yet state() and the header have its measures.
  const s = await state(page);
  expect(s.accuracy).toBeGreaterThan(0.5);
  expect(s.testAccuracy).toBeGreaterThan(0.5);
  await expect(page.locator('#test-loss')).toHaveText(/^\d\.\d{4}$/);
  await expect(page.locator('#loss-readout')).toContainText(
    /step 2051: .* training \d\.\d{4}, test \d\.\d{4}/,
  );
  await page.locator('[data-panel="loss"]').screenshot({ path: `${SHOTS}/panels-loss-long.png` });
  expect(page.errors).toEqual([]);
});

test('divergence at lr 50 keeps finite numbers in state(), the header and the loss panel', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of ['ja', 'en']) {
    await open(page, `/#present=1&lang=${lang}`);
    await call(page, 'setOptimizer', { type: 'sgd', lr: 50 });
    await page.evaluate(() => window.backstep.step(50).catch(() => {}));
    const s = await state(page);
    expect(Number.isFinite(s.loss)).toBe(true);
    expect(s.lossStep).toBe(s.step);
    await expect(page.locator('#loss-value')).not.toContainText('Inf');
    await page.screenshot({ path: `${SHOTS}/panels-diverged-stage-${lang}.png` });
    // The loss curve is on the second stage (G).
    await page.keyboard.press('g');
    await expect(page.locator('[data-panel="loss"]')).toBeVisible();
    await frames(page, 5);
    const linear = await panelHash(page, 'loss');
    await page.locator('#log-scale').check();
    await expect
      .poll(() => panelHash(page, 'loss'), 'the loss panel redrawn on a log scale')
      .not.toBe(linear);
    await page.screenshot({ path: `${SHOTS}/panels-diverged-${lang}.png` });
    await page.locator('#log-scale').uncheck();
  }
  expect(page.errors).toEqual([]);
});

/** How many pixels of a panel are close to one of the sign colours (purple +, orange −). */
const signPixels = (page, panel) =>
  page.evaluate(async (name) => {
    const { data } = await window.backstep.pixels(name);
    const near = (i, [r, g, b]) =>
      Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60;
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (near(i, [0x5e, 0x3c, 0x99]) || near(i, [0xe6, 0x61, 0x01])) n++;
    return n;
  }, panel);

test('dW edges are drawn as "not yet" until the backward pass computes them', async ({ page }) => {
  await open(page, '/#lang=en');
  await page.locator('#show-grads').check();
  // Step 0, then forward through the first layer: no dW exists yet, no edge has a sign colour.
  await expect.poll(() => signPixels(page, 'network')).toBe(0);
  await call(page, 'substep');
  expect(await signPixels(page, 'network')).toBe(0);
  // Through the loss and the last layer's backward: its edges get signs, the first layer's not.
  for (let i = 0; i < 4; i++) await call(page, 'substep');
  expect((await state(page)).phase).toBe('backward');
  const some = await signPixels(page, 'network');
  expect(some).toBeGreaterThan(50);
  await call(page, 'step');
  expect(await signPixels(page, 'network')).toBeGreaterThan(some);
  // With W shown, the edges always have their signs.
  await call(page, 'reset');
  await page.locator('#show-grads').uncheck();
  await expect.poll(() => signPixels(page, 'network')).toBeGreaterThan(50);
});

test('export: PNG of one panel or all and the loss CSV, at step 0 and from the worker', async ({
  page,
}) => {
  await open(page, '/#lang=ja');
  // Step 0: both work.
  const all = await call(page, 'exportPng');
  expect(all.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  expect(all.height).toBeGreaterThan(all.width);
  const csv = await call(page, 'exportCsv');
  expect(csv.split('\n')[0]).toBe(
    'step,batch_loss,train_loss_mean,test_loss_mean,accuracy,test_accuracy',
  );
  // One panel, drawn by the worker after the hand-over.
  expect(await page.evaluate(() => window.backstep.handOver())).toBe('worker');
  await call(page, 'step', 3);
  const loss = await call(page, 'exportPng', 'loss');
  expect(loss.name).toBe('loss');
  expect(loss.width).toBeGreaterThan(100);
  expect(loss.height).toBeLessThan(all.height);
  // A panel that does not exist: a message in the page's language.
  const why = await page.evaluate(() =>
    window.backstep.exportPng('bogus').then(
      () => null,
      (e) => e.message,
    ),
  );
  expect(why).toContain('というパネルはありません');
  // The buttons download files.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-action="export-png"]'),
  ]);
  expect(png.suggestedFilename()).toBe('backstep-all-step-3.png');
  await page.selectOption('#export-panel', 'boundary');
  const [one] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-action="export-png"]'),
  ]);
  expect(one.suggestedFilename()).toBe('backstep-boundary-step-3.png');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-action="export-csv"]'),
  ]);
  expect(file.suggestedFilename()).toBe('backstep-loss-step-3.csv');
  expect(page.errors).toEqual([]);
});

test("every canvas has a text alternative saying what it shows, in the page's language", async ({
  page,
}) => {
  const english =
    /\b(step|steps|loss|phase|expected|samples?|next|forward|backward|update|auto|cannot|stopped|units?|blocked|missing|unknown)\b/i;
  await open(page, '/#lang=ja');
  await call(page, 'step', 2);
  await call(page, 'substep');
  for (const name of PANELS) {
    const id = await page.locator(`#c-${name}`).getAttribute('aria-describedby');
    expect(id, name).toBe(`alt-${name}`);
    const text = await page.locator(`#${id}`).textContent();
    expect(text.length, name).toBeGreaterThan(20);
    expect(text, name).not.toMatch(english);
  }
  // The matrices as tables of the numbers the panel prints: layers[0]'s x after forward 0,
  // whose second row is XOR's (0, 1).
  const table = page.locator('#alt-matrices table').first();
  await expect(table.locator('caption')).toHaveText('x (4×2)');
  await expect(table.locator('tr').nth(2).locator('td')).toHaveText(['0.0000', '1.0000']);
  // Updated when the run moves (not while playing): the loss text follows the step.
  await expect(page.locator('#alt-loss')).toContainText('ステップ 2 の後');
  await call(page, 'step', 1);
  await expect(page.locator('#alt-loss')).toContainText('ステップ 3 の後');
  // And when the language changes.
  await page.keyboard.press('l');
  await expect(page.locator('#alt-loss')).toContainText('after step 3');
  expect(page.errors).toEqual([]);
});

test('presenter view at 1280×720 keeps network and matrices on screen, notices in the drawer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of ['ja', 'en']) {
    await open(page, `/#present=1&lang=${lang}`);
    // Step 30 of the article's run has dead-unit notices; then mid-way through backward.
    await call(page, 'step', 30);
    for (let i = 0; i < 5; i++) await call(page, 'substep');
    // The notices are in the drawer (N): stage.spec.mjs.
    await expect(page.locator('#drawer-btn')).not.toHaveAttribute('data-count', '0');
    await expect.poll(() => offscreen(page, ['network', 'matrices'], 1280, 720), lang).toEqual([]);
    // The header fits one row: its bottom is above the toolbar's top.
    const header = await page.locator('header').boundingBox();
    expect(header.height, lang).toBeLessThan(70);
    await page.screenshot({ path: `${SHOTS}/panels-presenter-${lang}.png` });
    await page.keyboard.press('g');
    await page.locator('[data-panel="boundary"]').screenshot({
      path: `${SHOTS}/panels-boundary-${lang}.png`,
    });
  }
  expect(page.errors).toEqual([]);
});
