// The lesson on a projector: presenter view fits one 1280×720 screen, the keys act whatever
// was clicked last, Back and seek give exactly a fresh run's state, and a link reopens the run.
import { SHORTCUTS } from '../../web/stage/keys.js';
import { call, expect, offscreen, open, SHOTS, state, test } from './fixtures.mjs';

const snapshot = (page) => page.evaluate(() => window.backstep.snapshot());

test('presenter view puts network and matrices, then (G) loss and maps, inside 1280×720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of ['ja', 'en']) {
    await open(page, `/#present=1&lang=${lang}`);
    await expect(page.locator('html')).toHaveClass(/presenter/);
    await expect(page.locator('[data-action="present"]')).toHaveAttribute('aria-pressed', 'true');
    // Mid-way through the backward pass.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => state(page).then((s) => `${s.phase} ${s.layer}`)).toBe('backward 2');
    await expect.poll(() => offscreen(page, ['network', 'matrices'], 1280, 720), lang).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/10-presenter-${lang}.png` });
    // The second stage (G): the loss curve on screen instead of the network; G again goes back.
    await page.keyboard.press('g');
    await expect(page.locator('[data-panel="network"]')).toBeHidden();
    await expect.poll(() => offscreen(page, ['loss'], 1280, 720), lang).toEqual([]);
    await page.keyboard.press('g');
    await expect(page.locator('[data-panel="network"]')).toBeVisible();
  }
  // F leaves presenter view.
  await page.keyboard.press('f');
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  expect(page.errors).toEqual([]);
});

test('after clicking any toolbar button, → ← S P still act', async ({ page }) => {
  await open(page);
  const buttons = ['back', 'step', 'substep', 'play', 'reset', 'help', 'present', 'lang'];
  for (const action of buttons) {
    await page.click(`[data-action="${action}"]`);
    if (action === 'play') await page.click('[data-action="play"]');
    if (action === 'help') await page.keyboard.press('Escape');
    // url() answers after every request made before it: the click's step has landed.
    await page.evaluate(() => window.backstep.url());
    const before = (await state(page)).step;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => state(page).then((s) => s.step), action).toBe(before + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => state(page).then((s) => s.step), action).toBe(before);
    await page.keyboard.press('s');
    await expect.poll(() => state(page).then((s) => s.phase), action).toBe('forward');
    await page.keyboard.press('p');
    await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('p');
    await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
    await page.evaluate(() => window.backstep.reset());
  }
  // PageDown / PageUp, as a presentation clicker sends them; ? opens the list of keys.
  await page.keyboard.press('PageDown');
  await expect.poll(() => state(page).then((s) => s.step)).toBe(1);
  await page.keyboard.press('PageUp');
  await expect.poll(() => state(page).then((s) => s.step)).toBe(0);
  await page.keyboard.press('?');
  await expect(page.locator('#help')).toBeVisible();
  await expect(page.locator('#help dt')).toHaveCount(SHORTCUTS.length);
  expect(page.errors).toEqual([]);
});

test('back and seek equal a fresh run stepped k times, bit for bit', async ({ page }) => {
  await open(page);
  const specs = {
    article: null,
    adam: { dataset: 'circle', optimizer: 'adam', lr: 0.01, batch_size: 10, seed: 7 },
  };
  for (const [name, settings] of Object.entries(specs)) {
    if (settings) {
      await page.selectOption('select[name="dataset"]', settings.dataset);
      await page.selectOption('select[name="optimizer"]', settings.optimizer);
      await page.fill('input[name="seed"]', String(settings.seed));
      await page.locator('input[name="seed"]').dispatchEvent('change');
      await expect
        .poll(() => page.evaluate(() => window.backstep.spec().then((s) => s.optimizer.type)))
        .toBe('adam');
    }
    const fresh = {};
    for (const k of [3, 7]) {
      await page.evaluate(() => window.backstep.reset());
      await page.evaluate((n) => window.backstep.step(n), k);
      fresh[k] = await snapshot(page);
    }
    await page.evaluate(() => window.backstep.step(5));
    await page.evaluate(() => window.backstep.seek(3));
    expect(await snapshot(page), `${name} seek(3)`).toEqual(fresh[3]);
    await page.evaluate(() => window.backstep.seek(7));
    expect(await snapshot(page), `${name} seek(7)`).toEqual(fresh[7]);
    // Mid-cycle, back returns to the start of that cycle: the state after step 7.
    await page.evaluate(() => window.backstep.substep());
    await page.evaluate(() => window.backstep.substep());
    await page.evaluate(() => window.backstep.back());
    expect(await state(page), name).toMatchObject({ step: 7, phase: 'idle' });
    expect(await snapshot(page), `${name} back mid-cycle`).toEqual(fresh[7]);
    await page.evaluate(() => window.backstep.back(4));
    expect(await snapshot(page), `${name} back(4)`).toEqual(fresh[3]);
  }
  // Arguments are checked: nothing runs on a bad one.
  for (const bad of [-1, Number.NaN, 'abc', 2 ** 32, 1.5]) {
    const msg = await page.evaluate(
      (n) =>
        window.backstep.step(n).then(
          () => null,
          (e) => e.message,
        ),
      bad,
    );
    expect(msg, String(bad)).toMatch(/^step\(n\): expected a whole number from 1 to 1000000/);
  }
  expect(page.errors).toEqual([]);
});

test('a link reopens the run at its step; a hostile link gives a message and the defaults', async ({
  page,
  context,
}) => {
  await open(page);
  await page.selectOption('select[name="dataset"]', 'gaussians');
  await page.fill('input[name="seed"]', '9');
  await page.locator('input[name="seed"]').dispatchEvent('change');
  await expect
    .poll(() => page.evaluate(() => window.backstep.spec().then((s) => s.x.length)))
    .toBe(160);
  await page.evaluate(() => window.backstep.step(12));
  await expect.poll(() => page.evaluate(() => window.backstep.url())).toContain('step=12');
  const url = await page.evaluate(() => window.backstep.url());
  expect(url).toContain('dataset=gaussians');
  const want = await snapshot(page);
  const other = await context.newPage();
  const errors = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await open(other, url.slice(url.indexOf('/#')));
  await expect.poll(() => state(other).then((s) => s.step)).toBe(12);
  expect(await snapshot(other)).toEqual(want);
  const hostile = [
    '#dataset=<img src=x onerror=window.pwned=1>',
    '#step=-4&seed=1e999',
    `#hidden=${'9,'.repeat(3000)}`,
    '#__proto__=1&constructor=2',
    '#dataset=xor&lr=abc',
    '#%E0%A4%A',
  ];
  for (const hash of hostile) {
    await open(other, `/${hash}`);
    await expect(other.locator('#message'), hash).toBeVisible();
    expect(await other.evaluate(() => window.pwned), hash).toBeUndefined();
    expect(await other.locator('#message img').count()).toBe(0);
    expect(await state(other), hash).toMatchObject({ step: 0 });
    expect(await other.evaluate(() => window.backstep.spec().then((s) => s.layers.length))).toBe(3);
  }
  expect(errors).toEqual([]);
});

test('after a divergence the loss shown stays finite, and Back works from there', async ({
  page,
}) => {
  await open(page);
  await page.fill('input[name="lr"]', '50');
  await page.locator('input[name="lr"]').dispatchEvent('change');
  await expect
    .poll(() => page.evaluate(() => window.backstep.spec().then((s) => s.optimizer.lr)))
    .toBe(50);
  await page.evaluate(() => window.backstep.step(100));
  const s = await state(page);
  expect(s.error).not.toBeNull();
  expect(Number.isFinite(s.loss)).toBe(true);
  await expect(page.locator('#loss-value')).not.toHaveText(/Inf|NaN/);
  await page.evaluate(() => window.backstep.back());
  expect((await state(page)).step).toBe(s.step - 1);
});

test("Save at step k, load it: the run resumes at k and its next step is the original's", async ({
  page,
}) => {
  await open(page);
  await page.selectOption('select[name="dataset"]', 'circle');
  await page.selectOption('select[name="optimizer"]', 'adam');
  await expect
    .poll(() => page.evaluate(() => window.backstep.spec().then((s) => s.optimizer.type)))
    .toBe('adam');
  await page.evaluate(() => window.backstep.step(17));
  const saved = await page.evaluate(() => window.backstep.save());
  await page.evaluate(() => window.backstep.step(1));
  const want = await snapshot(page);
  // A bad saved run is refused, with a message, and the current run kept.
  const broken = JSON.parse(JSON.stringify(saved));
  broken.run.state.params[0].W = [[1]];
  const msg = await page.evaluate(
    (d) =>
      window.backstep.load(d).then(
        () => null,
        (e) => e.message,
      ),
    broken,
  );
  expect(msg).toMatch(/^run\..*params\[0\]\.W: expected 2×8, got 1×1$/);
  expect((await state(page)).step).toBe(18);
  // Through the file's JSON text, as Save and Load file do.
  await page.evaluate((text) => window.backstep.load(text), JSON.stringify(saved));
  expect((await state(page)).step).toBe(17);
  await page.evaluate(() => window.backstep.step(1));
  expect(await snapshot(page)).toEqual(want);
  // The loss history came along: back from a resumed run works too.
  await page.evaluate(() => window.backstep.back(3));
  expect((await state(page)).step).toBe(15);
  expect(page.errors).toEqual([]);
});

test('in Japanese, no English word is visible, messages included', async ({ page }) => {
  const english =
    /\b(step|steps|loss|phase|expected|samples?|next|forward|backward|update|auto|cannot|stopped|units?|blocked|missing|unknown)\b/i;
  await open(page, '/#lang=ja');
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked.
  const visible = () => page.evaluate(() => document.body.innerText);
  for (let i = 0; i < 5; i++) await call(page, 'substep');
  expect(await visible()).not.toMatch(english);
  // Messages: a bad spec, a missing field, a divergence.
  for (const bad of [
    { x: [[0, 'a']], t: [[0]], layers: [], optimizer: { type: 'sgd', lr: 0.1 } },
    { x: [[0, 0]] },
  ]) {
    await page.evaluate((d) => window.backstep.load(d).catch(() => {}), bad);
    await expect(page.locator('#message')).toBeVisible();
    expect(await visible()).not.toMatch(english);
  }
  // A learning rate of 50 from here on (an edit of the run, not the form).
  await call(page, 'setOptimizer', { type: 'sgd', lr: 50 });
  await call(page, 'step', 50);
  await expect(page.locator('#message')).toContainText('止めました');
  expect(await visible()).not.toMatch(english);
  // A message already shown follows a change of language.
  await page.keyboard.press('l');
  await expect(page.locator('#message')).toContainText('Stopped');
});
