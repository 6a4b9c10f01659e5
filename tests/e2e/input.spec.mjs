// Bad input and a diverging run: each gets a clear message in the page, and the current run is
// kept.
import { expect, open, SHOTS, state, test } from './fixtures.mjs';

test('a diverging learning rate shows the message and keeps the state', async ({ page }) => {
  await open(page);
  await page.fill('input[name="lr"]', '50');
  await page.locator('input[name="lr"]').dispatchEvent('change');
  const s = await page.evaluate(() => window.backstep.step(100));
  expect(s.error).toContain('not finite');
  await expect(page.locator('#message')).toBeVisible();
  await expect(page.locator('#message')).toContainText('loss');
  const snap = await page.evaluate(() => window.backstep.snapshot());
  expect(snap.step).toBe(s.step);
  for (const p of snap.params)
    for (const v of [p.W, p.b].flat(Infinity))
      if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
  await page.screenshot({ path: `${SHOTS}/05-diverged.png`, fullPage: true });
  // Playing into the same wall pauses. (The click also takes the focus from the learning
  // rate's field, which commits it again: the same rate from that step on, so it stops there.)
  await page.click('[data-action="play"]');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => (await state(page)).step).toBe(s.step);
});

test('bad input gets a clear message and keeps the current run', async ({ page }) => {
  await open(page);
  await page.evaluate(() => window.backstep.step(2));
  const bad = await page.evaluate(async () => {
    try {
      await window.backstep.load({
        x: [[0, 0]],
        t: [[0]],
        layers: [{ type: 'affine', W: [[1], [2], [3]], b: [0] }],
        optimizer: { type: 'sgd', lr: 0.1 },
      });
      return null;
    } catch (e) {
      return e.message;
    }
  });
  expect(bad).toBe('layers[0] (affine): W is 3×1 but its input has width 2');
  await expect(page.locator('#message')).toContainText('W is 3×1');
  expect((await state(page)).step).toBe(2);
  // Format errors name the field, as the CLI's do.
  const article = {
    x: [[0, 0]],
    t: [[0]],
    layers: [{ type: 'affine', W: [[1], [2]], b: [0] }],
    optimizer: { type: 'sgd', lr: 0.1 },
  };
  const cases = [
    ['{"x": [[0, 0]],', /^not valid JSON: /],
    [null, /^expected an object, got null$/],
    [{ ...article, x: [[0, 'a']] }, /^x\[0\]\[1\]: expected a number, got a string$/],
    [
      { ...article, optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
      /^optimizer: unknown field `momentum`, expected one of `type`, `lr`$/,
    ],
    [{ ...article, layers: [{ type: 'dense' }] }, /^layers\[0\]\.type: unknown type `dense`/],
    [{ ...article, steps: 1.5 }, /^steps: expected a whole number/],
    [{ ...article, t: undefined }, /^missing field `t`$/],
    [
      { ...article, optimizer: { type: 'sgd', lr: -1 } },
      /^optimizer\.lr: must be a positive number$/,
    ],
    // Over the format's own limits (the CLI's): the same message as the CLI's.
    [
      { ...article, x: Array(20000).fill([0, 0]) },
      /^x: has 20000 rows; at most 10000 are allowed$/,
    ],
    // Valid specs that the CLI runs but the page does not: over the limits stated in the page.
    [
      { ...article, x: Array(501).fill([0, 0]), t: Array(501).fill([0]) },
      /^Over the page's limits .*: x has 501 samples, at most 500\. The CLI runs it/,
    ],
    // A spec without affine layers is measured too (its input width).
    [
      {
        ...article,
        x: Array(500).fill(Array(256).fill(0)),
        t: Array(500).fill(Array(256).fill(0)),
        layers: [{ type: 'relu' }],
      },
      /^Over the page's limits .*: x\[0\] has 256 units, at most 16\./,
    ],
    [
      {
        ...article,
        t: [Array(17).fill(0)],
        layers: [
          { type: 'affine', W: [Array(17).fill(1), Array(17).fill(2)], b: Array(17).fill(0) },
        ],
      },
      /^Over the page's limits .*: t\[0\] has 17 units, at most 16\./,
    ],
  ];
  for (const [spec, want] of cases) {
    const msg = await page.evaluate(async (s) => {
      try {
        await window.backstep.load(s);
        return null;
      } catch (e) {
        return e.message;
      }
    }, spec);
    expect(msg, JSON.stringify(spec)).toMatch(want);
  }
  expect((await state(page)).step).toBe(2);
  // Files through Load file: broken JSON, and a file too big to read.
  await page.setInputFiles('#import', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"x": [[0, 0]],'),
  });
  await expect(page.locator('#message')).toContainText('not valid JSON');
  await page.setInputFiles('#import', {
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(17 * 2 ** 20, 32),
  });
  await expect(page.locator('#message')).toContainText('huge.json: 17 MB; files up to 16 MB');
  expect((await state(page)).step).toBe(2);
  await page.fill('input[name="hidden"]', '4,99');
  await page.locator('input[name="hidden"]').dispatchEvent('change');
  await expect(page.locator('#message')).toContainText('16');
  expect((await state(page)).step).toBe(2);
});
