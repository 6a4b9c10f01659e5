// Poking the network: the neuron inspector (by click and by keyboard), a weight edited from the
// network panel, data edits (clicks on the plane, the targets table, a CSV file), predict mode,
// each checked against the run itself. (The help notes, the article's notes, Japanese and
// axe-core: poke-a11y.spec.mjs.)
import { call, expect, nextStepFrom, open, SHOTS, state, test } from './fixtures.mjs';

const where = (s) => (s.layer == null ? s.phase : `${s.phase} ${s.layer}`);

async function substepTo(page, target) {
  for (let i = 0; i < 20 && where(await state(page)) !== target; i++) await call(page, 'substep');
  await expect.poll(async () => where(await state(page))).toBe(target);
}

/** The page coordinates of a place on a panel where `pick` finds what `want` accepts (a scan
 *  of the panel through the API's hit-test, which the click handler uses too): the middle of
 *  the first matching run down a column, so that rounding cannot push a click off it. */
async function findOn(page, panel, want) {
  await page.locator(`#c-${panel}`).scrollIntoViewIfNeeded();
  const spot = await page.evaluate(
    async ([panel, wantText]) => {
      const want = new Function('h', `return ${wantText}`);
      const ok = async (fx, fy) => {
        const h = await window.backstep.pick(panel, fx, fy);
        return h && want(h);
      };
      for (let fy = 0.02; fy < 1; fy += 0.01)
        for (let fx = 0.02; fx < 1; fx += 0.01) {
          if (!(await ok(fx, fy))) continue;
          let end = fy;
          while (end < 1 && (await ok(fx, end + 0.002))) end += 0.002;
          return { fx, fy: (fy + end) / 2 };
        }
      return null;
    },
    [panel, want],
  );
  expect(spot, want).not.toBeNull();
  const box = await page.locator(`#c-${panel}`).boundingBox();
  return { x: box.x + spot.fx * box.width, y: box.y + spot.fy * box.height };
}

test('a click on a neuron shows its equation, forward then backward; the menu reaches it by keyboard', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  // The worker draws the panels here: the click is hit-tested there.
  expect(await call(page, 'handOver')).toBe('worker');
  // Before the forward pass reaches it, the inspector says so (not the core's error).
  await page.selectOption('#poke-neuron', '0:1');
  await expect(page.locator('#poke-out')).toContainText(
    'This step has not reached this neuron yet',
  );
  await substepTo(page, 'forward 1');
  const at = await findOn(page, 'network', "h.kind === 'neuron' && h.layer === 0 && h.unit === 1");
  await page.mouse.click(at.x, at.y);
  const out = page.locator('#poke-out');
  await expect(out).toHaveAttribute('data-neuron', '0:1');
  const sample = Number(await page.locator('#sample').inputValue());
  const n = await call(page, 'inspect', 0, 1, sample);
  const z = n.z.toFixed(4).replace('-', '−');
  await expect(out).toContainText(`= ${z}`);
  await expect(out).toContainText('not reached this neuron');
  // The backward pass reaches layer 0: dz and this sample's dW appear, and the batch's dW.
  await substepTo(page, 'backward 0');
  const back = await call(page, 'inspect', 0, 1, sample);
  await expect(out).toContainText(`dz = dL/da · [z > 0] = ${back.dz.toFixed(4).replace('-', '−')}`);
  await expect(out).toContainText(
    back.batchDw.map((v) => v.toFixed(4).replace('-', '−')).join(', '),
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('f');
  await page.screenshot({ path: `${SHOTS}/30-inspector-backward-en.png` });
  // The keyboard: the neuron menu (in presenter view's drawer, N), then a weight button into
  // the weight editor.
  await page.keyboard.press('n');
  await page.locator('#poke-neuron').focus();
  await page.keyboard.press('ArrowDown');
  await expect(out).toHaveAttribute('data-neuron', '0:2');
  await page.locator('[data-weight="0:1:2"]').focus();
  await page.keyboard.press('Enter');
  await expect(out).toHaveAttribute('data-edge', '0:1:2');
  expect(page.errors).toEqual([]);
});

test('an edge edited on the network panel: the next step equals load(spec with that weight) + step', async ({
  page,
}) => {
  // The page's own engine draws the panels here: the click is hit-tested on this thread.
  await page.addInitScript(() => {
    window.backstepHoldWorker = true;
  });
  await open(page, '/#lang=ja');
  expect(await call(page, 'engine')).toBe('page');
  await call(page, 'step', 3);
  const at = await findOn(page, 'network', "h.kind === 'edge' && h.layer === 0");
  await page.mouse.click(at.x, at.y);
  const out = page.locator('#poke-out');
  await expect(out).toHaveAttribute('data-edge', /^0:/);
  const [, row, col] = (await out.getAttribute('data-edge')).split(':').map(Number);
  const w = await call(page, 'weight', 0, row, col);
  const lrdw = (-0.1 * w.dw).toFixed(4).replace('-', '−');
  await expect(out.locator('[data-weight-info]')).toContainText(`−lr·dW = −0.1·`);
  await expect(out.locator('[data-weight-info]')).toContainText(`= ${lrdw}`);
  // Set without a change: refused (the field shows w to 4 places; setting that would round it).
  await page.click('[data-set-weight]');
  await expect(page.locator('#poke-w-msg')).toContainText('変わっていません');
  // A bad value: a message in Japanese, and nothing changes.
  await page.fill('#poke-w', 'abc');
  await page.click('[data-set-weight]');
  await expect(page.locator('#poke-w-msg')).toContainText('数値ではありません');
  expect((await call(page, 'weight', 0, row, col)).w).toBe(w.w);
  // A good one (full-width digits and a minus sign as a Japanese keyboard may type them).
  await page.fill('#poke-w', '０．２５');
  await page.click('[data-set-weight]');
  await expect(page.locator('#poke-w-msg')).toContainText('設定しました');
  const spec = await call(page, 'spec');
  const now = await call(page, 'snapshot');
  for (const i of [0, 2]) {
    spec.layers[i].W = now.params[i].W.map((r) => [...r]);
    spec.layers[i].b = [...now.params[i].b];
  }
  spec.layers[0].W[row][col] = 0.25;
  expect((await call(page, 'weight', 0, row, col)).w).toBe(0.25);
  await call(page, 'step', 1);
  const edited = await call(page, 'snapshot');
  const fresh = await nextStepFrom(page, spec);
  expect(edited.params).toEqual(fresh.params);
  expect(edited.loss).toBe(fresh.loss);
  expect(page.errors).toEqual([]);
});

test('data edits: points added and removed by click and API, targets, gates, CSV; the same weights', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  const before = await call(page, 'spec');
  await expect(page.locator('#data-hint')).toContainText('1 to 500 points');
  await call(page, 'step', 5);
  await call(page, 'addPoint', 0.5, 0.25, 1);
  let spec = await call(page, 'spec');
  expect(spec.x).toEqual([...before.x, [0.5, 0.25]]);
  expect(spec.t.at(-1)).toEqual([1]);
  expect(spec.layers).toEqual(before.layers);
  expect((await state(page)).step).toBe(0);
  await expect(page.locator('#message')).toContainText('same initial weights');
  await call(page, 'removePoint', 4);
  expect((await call(page, 'spec')).x).toEqual(before.x);
  // A bad index: refused, with the reason, and the run kept.
  const bad = await page.evaluate(() =>
    window.backstep.removePoint(9).then(
      () => null,
      (e) => e.message,
    ),
  );
  expect(bad).toMatch(/out of range/);
  // A click on the plane adds a point of the chosen class; a click on a point removes it.
  await page.locator('input[name="poke-class"][value="0"]').check();
  const empty = await findOn(
    page,
    'boundary',
    "h.kind === 'plane' && h.x1 > 0.4 && h.x1 < 0.6 && h.x2 > 0.4 && h.x2 < 0.6",
  );
  await page.mouse.click(empty.x, empty.y);
  await expect.poll(() => call(page, 'spec').then((s) => s.x.length)).toBe(5);
  spec = await call(page, 'spec');
  expect(spec.t.at(-1)).toEqual([0]);
  expect(spec.x.at(-1)[0]).toBeGreaterThan(0.35);
  const point = await findOn(page, 'boundary', "h.kind === 'point' && h.i === 0");
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => call(page, 'spec').then((s) => s.x.length)).toBe(4);
  expect((await call(page, 'spec')).x[0]).toEqual([0, 1]);
  // Back to XOR's rows, then the gates and one target by the table.
  await call(page, 'load', before);
  await page.click('[data-gate="and"]');
  await expect.poll(() => call(page, 'spec').then((s) => s.t.flat())).toEqual([0, 0, 0, 1]);
  // AND: one class has a single point, and it is still a 2-class task, with its accuracy.
  await expect.poll(() => call(page, 'state').then((s) => s.accuracy)).toBe(0.75);
  await page.click('[data-gate="or"]');
  await expect.poll(() => call(page, 'spec').then((s) => s.t.flat())).toEqual([0, 1, 1, 1]);
  await page.fill('[data-target="0"]', '1');
  await page.locator('[data-target="0"]').dispatchEvent('change');
  await expect.poll(() => call(page, 'spec').then((s) => s.t.flat())).toEqual([1, 1, 1, 1]);
  // The edited run is what save, back and the worker's replay give.
  await call(page, 'step', 4);
  const saved = await call(page, 'save');
  expect(saved.spec.t.flat()).toEqual([1, 1, 1, 1]);
  // Back two steps and on three: step 5, as the saved run's next step must give too.
  await call(page, 'back', 2);
  await call(page, 'step', 3);
  const fifth = await call(page, 'snapshot');
  const resumed = await nextStepFrom(page, saved);
  expect(resumed.params).toEqual(fifth.params);
  expect(resumed.loss).toBe(fifth.loss);
  expect(await call(page, 'handOver')).toBe('worker');
  expect((await call(page, 'spec')).t.flat()).toEqual([1, 1, 1, 1]);
  // A CSV file becomes the training set; a bad one is refused with its line.
  await page.setInputFiles('#poke-csv', {
    name: 'and.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x1,x2,label\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n2,2,1\n'),
  });
  await expect.poll(() => call(page, 'spec').then((s) => s.x.length)).toBe(5);
  expect((await call(page, 'spec')).layers).toEqual(before.layers);
  await page.setInputFiles('#poke-csv', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('0,0,0\n1,one,1\n'),
  });
  await expect(page.locator('#message')).toContainText('line 2');
  expect((await call(page, 'spec')).x.length).toBe(5);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('[data-panel="boundary"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/31-data-edit-en.png` });
  expect(page.errors).toEqual([]);
});

test('predict, then reveal: each mark is checked against the sign of dW', async ({ page }) => {
  await open(page, '/#lang=ja');
  // The weights asked about are picked out on the network panel in the active colour (#0b57d0),
  // which the panel does not use between steps otherwise.
  const activePixels = () =>
    page.evaluate(async () => {
      const img = await window.backstep.pixels('network');
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4)
        if (img.data[i] === 11 && img.data[i + 1] === 87 && img.data[i + 2] === 208) n++;
      return n;
    });
  expect(await activePixels()).toBe(0);
  await page.click('[data-action="predict"]');
  const items = page.locator('[data-predict]');
  await expect(items).toHaveCount(4);
  await expect.poll(activePixels).toBeGreaterThan(50);
  const marks = ['up', 'down', 'same', 'up'];
  for (const [k, m] of marks.entries()) await items.nth(k).locator(`[data-move="${m}"]`).click();
  await expect(items.nth(1).locator('[data-move="down"]')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(items.first()).toHaveAttribute('data-result', /right|wrong/);
  for (const [k, m] of marks.entries()) {
    const w = await call(page, 'weight', 2, k, 0);
    const move = w.dw > 0 ? 'down' : w.dw < 0 ? 'up' : 'same';
    await expect(items.nth(k)).toHaveAttribute('data-result', m === move ? 'right' : 'wrong');
  }
  // Unit 0 of the hidden layer is dead in the article's run: its weight's dW is 0, it stays.
  await expect(items.nth(0)).toContainText('dW = 0');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('f');
  await page.screenshot({ path: `${SHOTS}/32-predict-ja.png` });
  await page.click('[data-predict-again]');
  await expect(items.first()).not.toHaveAttribute('data-result', /./);
  expect(page.errors).toEqual([]);
});
