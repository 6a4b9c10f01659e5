// One source of truth: the page's form and `spec()` take every default from the same place as
// the CLI (backstep_lesson::Preset), so the same settings give the same spec, bit for bit.

import { DATASETS, expect, open, PANELS, test } from './fixtures.mjs';
import { cli, f32 } from './native.mjs';

test("for every data set and seeds 7 and 42, the page's spec() is what `backstep spec` prints", async ({
  page,
}) => {
  await open(page);
  const datasets = await page.$$eval('select[name="dataset"] option', (os) =>
    os.map((o) => o.value),
  );
  expect(datasets).toEqual(DATASETS);
  for (const dataset of datasets) {
    for (const seed of ['7', '42']) {
      await page.selectOption('select[name="dataset"]', dataset);
      await page.fill('input[name="seed"]', seed);
      await page.locator('input[name="seed"]').dispatchEvent('change');
      await expect
        .poll(() => page.evaluate(() => window.backstep.spec().then((s) => s.x.length)))
        .toBeGreaterThan(0);
      const mine = await page.evaluate(() => window.backstep.spec());
      const theirs = cli(['spec', '--dataset', dataset, '--seed', seed]);
      // The optimizer's hyper-parameters are f64 on both sides: compared exactly.
      expect(mine.optimizer, `${dataset} seed ${seed}`).toEqual(theirs.optimizer);
      expect(f32(mine), `${dataset} seed ${seed}`).toEqual(f32(theirs));
    }
  }
});

test("the form shows the data set's defaults, from the wasm", async ({ page }) => {
  await open(page);
  // The task's fields: the data knobs, classes, loss and penalty (no rate without one).
  const task = {
    points: '200',
    noise: '0.1',
    test_fraction: '0.2',
    classes: '2',
    loss: 'mse',
    regularization: 'none',
    regularization_rate: '',
    features: 'x1,x2',
  };
  const form = () =>
    page.evaluate(() => {
      const f = new FormData(document.getElementById('settings'));
      // The features are boxes: every one ticked, in menu order.
      return { ...Object.fromEntries(f), features: f.getAll('features').join(',') };
    });
  expect(await form()).toEqual({
    dataset: 'xor',
    hidden: '4',
    activation: 'relu',
    optimizer: 'sgd',
    lr: '0.1',
    batch: '0',
    init: 'normal',
    seed: '42',
    ...task,
  });
  await page.selectOption('select[name="dataset"]', 'circle');
  await expect.poll(form).toEqual({
    dataset: 'circle',
    hidden: '8,8',
    activation: 'tanh',
    optimizer: 'sgd',
    lr: '0.01',
    batch: '10',
    init: 'glorot',
    seed: '42',
    ...task,
  });
  // The limits line is written from the wasm's numbers.
  await expect(page.locator('#limits')).toContainText('16');
  expect(page.errors).toEqual([]);
});

test("the tests' list of panels is the page's canvases, in order", async ({ page }) => {
  await open(page);
  const canvases = await page.evaluate(() =>
    [...document.querySelectorAll('[data-panel] canvas[id^="c-"]')].map((c) => c.id.slice(2)),
  );
  expect(canvases.filter((n) => n !== 'compare')).toEqual(PANELS);
});
