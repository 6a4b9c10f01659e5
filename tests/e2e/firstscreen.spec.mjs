// The normal view's first screen: at 1280×720, with the settings folded under their one-line
// summary, the network and the phase's matrices start on the first screen (their top halves at
// least) in both languages, and the fold is a real control whose state is kept; on a phone
// (390×844) one column with no sideways scrolling, the step controls kept in reach (each word on
// one line), the boundary's caption whole and, at backward through layers[0], the small matrices
// as numbers.
// axe-core finds nothing serious with the fold open or closed, nor in presenter view in English.
import { axeFindings, call, expect, open, SHOTS, test } from './fixtures.mjs';

/** Each element's box in CSS px of the viewport. */
const boxes = (page, sels) =>
  page.evaluate(
    (list) =>
      list.map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { s, top: r.top, bottom: r.bottom, left: r.left, right: r.right, h: r.height };
      }),
    sels,
  );

/** Closes the fold by its summary, as a teacher would. */
async function fold(page, open) {
  const details = page.locator('#settings-fold');
  if ((await details.evaluate((d) => d.open)) !== open)
    await page.click('#settings-fold > summary');
  await expect(page.locator('#settings')).toBeVisible({ visible: open });
  // Kept once the toggle event has run (a task after the click).
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('backstep.settingsFold')))
    .toBe(open ? 'open' : 'closed');
}

for (const lang of ['ja', 'en']) {
  test(`1280×720 in ${lang}: the network and the matrices on the first screen, settings folded`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, `/#lang=${lang}`);
    await fold(page, false);
    await call(page, 'step', 1);
    // The summary names the settings in one line.
    const summary = page.locator('#settings-summary');
    await expect(summary).toContainText('XOR');
    await expect(summary).toContainText('lr 0.1');
    await expect(summary).toContainText('relu');
    const line = await summary.evaluate(
      (el) => el.closest('summary').getBoundingClientRect().height,
    );
    expect(line).toBeLessThan(60);
    // Header, toolbar, summary, then the two panels, their top halves at least on screen.
    await expect
      .poll(async () =>
        (await boxes(page, ['[data-panel="network"]', '[data-panel="matrices"]'])).filter(
          (b) => b.top < 0 || b.top + b.h / 2 > 720 || b.right > 1280,
        ),
      )
      .toEqual([]);
    const [net, mat, toolbar] = await boxes(page, ['#c-network', '#c-matrices', '.toolbar']);
    expect(net.top).toBeGreaterThanOrEqual(toolbar.bottom);
    expect(mat.top).toBeLessThan(720 - 150);
    // The network whole.
    expect(net.bottom).toBeLessThanOrEqual(720);
    await page.screenshot({ path: `${SHOTS}/firstscreen-${lang}.png` });
    // The fold keeps its state: open it, reload, still open; its fields reachable.
    await fold(page, true);
    await open(page, `/#lang=${lang}`);
    await expect(page.locator('#settings [name="lr"]')).toBeVisible();
    await fold(page, false);
    await open(page, `/#lang=${lang}`);
    await expect(page.locator('#settings [name="lr"]')).toBeHidden();
    // A key still steps after the summary was clicked (it is not a text field).
    await page.click('#settings-fold > summary');
    const before = (await call(page, 'state')).step;
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await call(page, 'state')).step).toBe(before + 1);
    expect(page.errors).toEqual([]);
  });

  test(`390×844 in ${lang}: one column, no sideways scroll, the step controls in reach`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `/#lang=${lang}`);
    await fold(page, false);
    await call(page, 'step', 1);
    for (const y of [0, 1500, 100_000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      for (const action of ['step', 'substep', 'back', 'play']) {
        const b = page.locator(`[data-action="${action}"]`);
        await expect(b).toBeInViewport({ ratio: 1 });
      }
    }
    // The bar's buttons each say their word on one line, inside the button (「1 ステップ」 once
    // broke into two, doubling the bar's height), here and on a narrower phone.
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 844 });
      const bar = await page.evaluate(() =>
        [...document.querySelectorAll('.steppers button')].map((b) => {
          const line = Number.parseFloat(getComputedStyle(b).lineHeight) || 20;
          const range = document.createRange();
          range.selectNodeContents(b);
          const text = range.getBoundingClientRect();
          const box = b.getBoundingClientRect();
          return {
            text: b.textContent,
            lines: text.height / line,
            inside: text.left >= box.left && text.right <= box.right,
          };
        }),
      );
      for (const b of bar) {
        expect(b.lines, `${width}: ${JSON.stringify(b)}`).toBeLessThan(1.5);
        expect(b.inside, `${width}: ${JSON.stringify(b)}`).toBe(true);
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    // One column: the panels share their left edge.
    const lefts = await page.evaluate(() =>
      [...document.querySelectorAll('.panel')]
        .filter((p) => p.getClientRects().length)
        .map((p) => Math.round(p.getBoundingClientRect().left)),
    );
    expect(new Set(lefts).size).toBe(1);
    await page.click('[data-action="step"]');
    await expect.poll(async () => (await call(page, 'state')).step).toBe(2);
    // The decision boundary's caption is broken to the phone's width, not cut at its edge.
    await page.locator('#c-boundary').scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const { items } = await call(page, 'layout');
        const lines = items.filter((i) => i.panel === 'boundary' && /^caption \d/.test(i.name));
        return lines.length >= 2 && lines.every((i) => !i.clipped);
      })
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/phone-normal-${lang}.png` });
    await fold(page, true);
    expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(page.errors).toEqual([]);
  });
}

test('390×844: at backward through layers[0] every small matrix shows its numbers, none over another or the legend', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '/#lang=ja');
  await call(page, 'handOver');
  for (let k = 0; k < 7; k++) await call(page, 'substep');
  const s = await call(page, 'state');
  expect([s.phase, s.layer]).toEqual(['backward', 0]);
  await page.locator('#c-matrices').scrollIntoViewIfNeeded();
  const boxes = async () => {
    const { items } = await call(page, 'layout');
    return items.filter(
      (i) => i.panel === 'matrices' && (i.kind === 'matrix' || i.name === 'legend'),
    );
  };
  await expect.poll(async () => (await boxes()).some((i) => i.name === 'dout')).toBe(true);
  const items = await boxes();
  // x 4×2, W 2×4, b, z, dout 4×4, dx, dW, db: all within 8×8, so numbers, not heatmaps.
  for (const name of ['x', 'W', 'b', 'y', 'dout', 'dx', 'dW', 'db'])
    expect(items.find((i) => i.name === name)?.fontPx, name).not.toBeNull();
  const overlap = (a, b) =>
    a.x < b.x + b.w - 0.5 &&
    b.x < a.x + a.w - 0.5 &&
    a.y < b.y + b.h - 0.5 &&
    b.y < a.y + a.h - 0.5;
  for (const [k, a] of items.entries())
    for (const b of items.slice(k + 1)) expect(overlap(a, b), `${a.name} / ${b.name}`).toBe(false);
  expect(page.errors).toEqual([]);
});

test("the summary follows the run's settings; a class link's hide=settings hides the fold", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/#lang=en');
  await fold(page, false);
  await call(page, 'step', 1);
  // Step 1 of the article's run has a dead unit; its first experiment is tanh.
  await page.locator('#notices [data-experiments] button').first().click();
  await expect(page.locator('#settings-summary')).toContainText('tanh');
  await open(page, '/#lang=en&hide=settings');
  await expect(page.locator('#settings-fold')).toBeHidden();
  expect(page.errors).toEqual([]);
});

for (const [hash, openFold] of [
  ['#lang=en&present=1', null],
  ['#lang=ja', false],
  ['#lang=en', false],
  ['#lang=en', true],
]) {
  test(`axe-core finds nothing serious (${hash}, fold ${openFold})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, `/${hash}`);
    if (openFold !== null) await fold(page, openFold);
    await call(page, 'step', 2);
    const { found, serious } = await axeFindings(page);
    expect(serious, JSON.stringify(found, null, 1)).toEqual([]);
  });
}
