// Accessibility: axe-core (from the lockfile, injected into the page; nothing is fetched) finds
// no serious or critical violation, in both languages, in the normal and the presenter view.
import { axeFindings, expect, open, test } from './fixtures.mjs';

for (const hash of ['#lang=ja', '#lang=en', '#lang=ja&present=1']) {
  test(`axe-core finds nothing serious (${hash})`, async ({ page }) => {
    await open(page, `/${hash}`);
    await page.evaluate(() => window.backstep.step(2));
    const { found, serious } = await axeFindings(page);
    expect(serious, JSON.stringify(found, null, 1)).toEqual([]);
  });
}
