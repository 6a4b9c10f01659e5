// The stage's keys and read-outs: the shortcuts win over whatever control was clicked (the
// timeline's slider included), one step number with "before / after the update" everywhere,
// no −0.0000, "not yet" for what the run has not computed, the class link and its lock, url().

import { fmt } from '../../web/draw/colors.js';
import { EN } from '../../web/i18n/en.js';
import { JA } from '../../web/i18n/ja.js';
import { HIDEABLE } from '../../web/share/hash.js';
import { axeFindings, call, expect, open, SHOTS, state, test } from './fixtures.mjs';

const step = async (page) => (await state(page)).step;

/** axe-core's serious or critical findings in `selector` (fixtures.mjs). */
const serious = async (page, selector) => (await axeFindings(page, selector)).serious;

test('no number prints as −0.0000: the one formatter drops the sign of a zero', () => {
  expect(fmt(-0.00001)).toBe('0.0000');
  expect(fmt(-0)).toBe('0.0000');
  expect(fmt(-0.004, 2)).toBe('0.00');
  expect(fmt(-0.00005)).toBe('−0.0001');
  expect(fmt(-0.5)).toBe('−0.5000');
  expect(fmt(Number.NEGATIVE_INFINITY)).toBe('−Inf');
});

test("the hide names come from share/hash.js's one list; each has its words in both languages", () => {
  expect(Object.keys(EN.hideNames)).toEqual(HIDEABLE);
  expect(Object.keys(JA.hideNames)).toEqual(HIDEABLE);
});

test('after a click on any control, → PageDown step, ← PageUp go back, letters work', async ({
  page,
}) => {
  await open(page, '/#lang=en');
  await call(page, 'step', 20);
  const controls = ['#timeline', '#speed', '#show-grads', '#show-code', '#matrix-layer', '#c-loss'];
  for (const sel of controls) {
    await page.click(sel);
    if (sel === '#show-grads') await page.click(sel);
    // A menu a click opened takes the keys until it closes (the browser's own list).
    if (sel.endsWith('speed') || sel.endsWith('layer')) await page.keyboard.press('Escape');
    // The slider seeks where it was clicked; the keys then move from there (url() answers
    // after every request made before it).
    await call(page, 'url');
    const s0 = await step(page);
    await page.keyboard.press('PageDown');
    await expect.poll(() => step(page), { message: `${sel} PageDown` }).toBe(s0 + 1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => step(page), { message: `${sel} →` }).toBe(s0 + 2);
    await page.keyboard.press('PageUp');
    await expect.poll(() => step(page), { message: `${sel} PageUp` }).toBe(s0 + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => step(page), { message: `${sel} ←` }).toBe(s0);
    await page.keyboard.press('s');
    await expect
      .poll(() => state(page), { message: `${sel} S` })
      .toMatchObject({
        phase: 'forward',
        at: s0 + 1,
      });
    await call(page, 'seek', s0);
    await page.keyboard.press('f');
    await expect(page.locator('html')).toHaveClass(/presenter/);
    await page.keyboard.press('f');
    await expect(page.locator('html')).not.toHaveClass(/presenter/);
  }
  // A plain Home or arrow ↑ on the slider moves nothing; P plays and pauses from it.
  await page.focus('#timeline');
  const s1 = await step(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => step(page)).toBe(s1 + 1);
  await page.keyboard.press('p');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#phase')).toHaveText('playing');
  await page.keyboard.press('p');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  // A text field keeps its keys.
  await page.fill('[name="lr"]', '0.1');
  const s2 = await step(page);
  await page.focus('[name="lr"]');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p');
  await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
  expect(await step(page)).toBe(s2);
});

for (const lang of ['ja', 'en']) {
  const W = {
    ja: {
      label0: 'バッチ損失 ½Σ',
      label: 'バッチ損失 ½Σ 更新前',
      afterWrap: '→ 更新後',
      before: '· 更新前',
      after: '· 更新後',
      notYet: 'まだ',
      playing: '再生中',
    },
    en: {
      label0: 'batch loss ½Σ',
      label: 'batch loss ½Σ, before update',
      afterWrap: '→ after update',
      before: '· before update',
      after: '· after update',
      notYet: 'not yet',
      playing: 'playing',
    },
  }[lang];
  test(`one step number with before / after the update everywhere (${lang})`, async ({ page }) => {
    await open(page, `/#lang=${lang}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(page.locator('#step-count')).toHaveText('0');
    await expect(page.locator('#loss-label')).toHaveText(W.label0);
    await expect(page.locator('#loss-value')).toHaveText('—');
    // Step 0: no gradient and no "W before" has been computed: the text alternative says not yet.
    await page.selectOption('#matrix-layer', '0');
    const alt = () => page.locator('#alt-matrices').textContent();
    await expect.poll(alt).toContain(`dW = xᵀ·dout (2×4): ${W.notYet}`);
    // Mid-cycle, after the loss phase: every read-out names step 1, before its update.
    for (let i = 0; i < 4; i++) await call(page, 'substep');
    await expect(page.locator('#step-count')).toHaveText('1');
    await expect(page.locator('#loss-label')).toHaveText(W.label0);
    await expect(page.locator('#loss-value')).toHaveText('2.0640');
    await expect(page.locator('#loss-after-wrap')).toBeHidden();
    await expect(page.locator('#formula')).toContainText(`1 ${W.before}`);
    // The step completed: the article's 更新前 2.0640 → 更新後 0.7897, all named step 1.
    for (let i = 0; i < 4; i++) await call(page, 'substep');
    await expect(page.locator('#loss-label')).toHaveText(W.label);
    await expect(page.locator('#loss-after-wrap')).toHaveText(`${W.afterWrap} 0.7897`);
    await expect(page.locator('#loss-value')).toHaveText('2.0640');
    await expect(page.locator('#loss-after')).toHaveText('0.7897');
    await expect(page.locator('#formula')).toContainText(`1 ${W.after}`);
    await expect(page.locator('#loss-readout')).toContainText('½Σ');
    await page.selectOption('#poke-neuron', '0:0');
    await expect(page.locator('#poke-out h3')).toContainText(`1 ${W.after}`);
    await page.screenshot({ path: `${SHOTS}/40-readouts-${lang}.png` });
    // Nothing on the page or in its text alternatives prints −0.0000.
    expect(await page.evaluate(() => document.body.textContent)).not.toMatch(/[−-]0\.0000/);
    // Playing, the header says so.
    await page.click('[data-action="play"]');
    await expect(page.locator('#phase')).toHaveText(W.playing);
    await page.click('[data-action="play"]');
    await expect(page.locator('#phase')).not.toHaveText(W.playing);
  });

  test(`the class link hides and locks, keys included, and says so (${lang})`, async ({ page }) => {
    await open(page, `/#lang=${lang}`);
    await call(page, 'step', 3);
    await page.click('[data-action="class-link"]');
    const dialog = page.locator('#class-link');
    await expect(dialog).toBeVisible();
    for (const name of ['play', 'reset', 'settings'])
      await dialog.locator(`[data-hide="${name}"]`).check();
    await dialog.locator('[data-lock]').check();
    const want = await call(page, 'classLink', { hide: ['settings', 'play', 'reset'], lock: true });
    expect(want).toMatch(/step=3&.*hide=settings,play,reset&lock=1$/);
    await expect(dialog.locator('[data-class-url]')).toHaveValue(want);
    expect(await serious(page, '#class-link')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/41-class-link-dialog-${lang}.png` });
    await page.keyboard.press('Escape');
    // A bad name is refused in one line, naming the names.
    const bad = await page.evaluate(() =>
      window.backstep.classLink({ hide: ['nope'] }).then(
        () => 'resolved',
        (e) => e.message,
      ),
    );
    expect(bad).toMatch(/^classLink: hide takes names from settings, play, reset/);
    // The class opens it: hidden, disabled, and P and R do nothing but say why.
    await open(page, `/${new URL(want).hash}`);
    expect(await step(page)).toBe(3);
    await expect(page.locator('[data-action="play"]')).toBeHidden();
    await expect(page.locator('[data-action="play"]')).toBeDisabled();
    await expect(page.locator('#settings [name="lr"]')).toBeDisabled();
    // The notices' experiments change settings: hidden and disabled with them.
    const tries = page.locator('#notices [data-experiments]').first();
    await expect(tries).toBeAttached();
    await expect(tries).toBeHidden();
    await expect(tries.locator('button').first()).toBeDisabled();
    await expect(page.locator('#locked')).toBeVisible();
    await expect(page.locator('#locked')).toContainText(lang === 'ja' ? 'ロック' : 'locks');
    await page.locator('body').press('p');
    await expect(page.locator('#message')).toBeVisible();
    await expect(page.locator('[data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
    await page.locator('body').press('r');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => step(page)).toBe(4);
    expect(await serious(page, 'body')).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/41-class-link-${lang}.png` });
  });
}

test('url() is the link of the state it resolves after', async ({ page }) => {
  await open(page, '/#lang=en');
  for (let k = 1; k <= 4; k++) {
    await call(page, 'step', 1);
    expect(await call(page, 'url')).toContain(`step=${k}`);
  }
  await page.evaluate(() => window.backstep.step(4));
  expect(await call(page, 'url')).toContain('step=8');
  await call(page, 'back', 2);
  expect(await call(page, 'url')).toContain('step=6');
});
