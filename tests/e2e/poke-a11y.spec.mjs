// The poking tools for every reader: each panel's help note (keyboard, under its heading), the
// article's inexact points said where they matter, no English word in Japanese with every tool
// open, and axe-core with every tool open.
import { axeFindings, call, expect, open, SHOTS, state, test } from './fixtures.mjs';

const where = (s) => (s.layer == null ? s.phase : `${s.phase} ${s.layer}`);

async function substepTo(page, target) {
  for (let i = 0; i < 20 && where(await state(page)) !== target; i++) await call(page, 'substep');
  await expect.poll(async () => where(await state(page))).toBe(target);
}

test('every panel has a help note the keyboard opens, under its heading; the article notes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '/#lang=ja&present=1');
  const buttons = page.locator('.note-btn');
  // One per panel (the comparison's included).
  await expect(buttons).toHaveCount(await page.locator('[data-panel]').count());
  expect(await buttons.count()).toBe(8);
  const b = page.locator('[data-note-for="network"]');
  await b.focus();
  await page.keyboard.press('Enter');
  await expect(b).toHaveAttribute('aria-expanded', 'true');
  const note = page.locator('#note-network');
  await expect(note).toBeVisible();
  await expect(note).toContainText('クリック');
  // The note does not cover the panel: it ends above the canvas.
  const nb = await note.boundingBox();
  const cb = await page.locator('#c-network').boundingBox();
  expect(nb.y + nb.height).toBeLessThanOrEqual(cb.y + 1);
  // The article's run at step 0: why its printed weights; at the loss: where its printout is from.
  await expect(page.locator('#article-note')).toContainText('72');
  await page.screenshot({ path: `${SHOTS}/33-help-note-ja.png` });
  await substepTo(page, 'loss');
  await expect(page.locator('#article-note')).toContainText('2.0640');
  await call(page, 'step', 1);
  await expect(page.locator('#article-note')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(b).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('f');
  await page.selectOption('select[name="dataset"]', 'regression');
  await expect(page.locator('#article-note')).toContainText('2×3');
  expect(page.errors).toEqual([]);
});

test('in Japanese, the inspector, predict mode, the data editor and its refusals show no English word', async ({
  page,
}) => {
  const english =
    /\b(step|steps|loss|phase|expected|samples?|next|forward|backward|update|auto|cannot|stopped|units?|blocked|missing|unknown|range|line|finite|inputs?|rows?)\b/i;
  await open(page, '/#lang=ja');
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked.
  const visible = () => page.evaluate(() => document.body.innerText);
  for (let i = 0; i < 6; i++) await call(page, 'substep');
  await page.selectOption('#poke-neuron', '0:3');
  await expect(page.locator('#poke-out')).toHaveAttribute('data-neuron', '0:3');
  await page.click('[data-action="predict"]');
  for (const b of await page.locator('.note-btn').all()) await b.click();
  expect(await visible()).not.toMatch(english);
  // Refusals: a point index out of range, a bad CSV line.
  await page.evaluate(() => window.backstep.removePoint(9).catch(() => {}));
  await page.locator('[data-remove="0"]').click();
  await page.evaluate(() => window.backstep.removePoint(9).catch(() => {}));
  await page.setInputFiles('#poke-csv', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('0,0,0\n1,one,1\n'),
  });
  await expect(page.locator('#message')).toContainText('2 行目');
  expect(await visible()).not.toMatch(english);
  expect(page.errors).toEqual([]);
});

for (const hash of ['#lang=en', '#lang=ja&present=1']) {
  test(`axe-core finds nothing serious with every poking tool open (${hash})`, async ({ page }) => {
    await open(page, `/${hash}`);
    for (let i = 0; i < 6; i++) await call(page, 'substep');
    // In presenter view the neuron menu and predict mode are in the drawer (N).
    if (hash.includes('present')) await page.keyboard.press('n');
    await page.selectOption('#poke-neuron', '0:3');
    await page.click('[data-weight="0:1:3"]');
    await expect(page.locator('#poke-w')).toBeVisible();
    await page.click('[data-action="predict"]');
    for (const b of await page.locator('.note-btn:visible').all()) await b.click();
    await expect(page.locator('[data-target="0"]')).toBeAttached();
    const { found, serious } = await axeFindings(page);
    expect(serious, JSON.stringify(found, null, 1)).toEqual([]);
  });
}
