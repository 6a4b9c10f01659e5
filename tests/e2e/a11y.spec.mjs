// Accessibility: axe-core (from the lockfile, injected into the page; nothing is fetched) finds
// no serious or critical violation, in both languages, in the normal and the presenter view.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, open, test } from './fixtures.mjs';

const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const hash of ['#lang=ja', '#lang=en', '#lang=ja&present=1']) {
  test(`axe-core finds nothing serious (${hash})`, async ({ page }) => {
    await open(page, `/${hash}`);
    await page.evaluate(() => window.backstep.step(2));
    // Evaluated through the debugger protocol: the page's Content-Security-Policy refuses an
    // inline script tag, as it should.
    await page.evaluate(axe);
    expect(await page.evaluate(() => typeof window.axe?.run)).toBe('function');
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      }));
    });
    const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(found, null, 1)).toEqual([]);
  });
}
