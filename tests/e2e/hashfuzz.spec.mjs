// The URL hash fuzz's short run (tests/fuzz/hash.mjs; the long runs are in FUZZING.md): 20 000
// mutated links through readHash, the wasm's fromSettings and the page's limits, the kept
// regressions, and hostile links opened in the page itself, each giving one clear message.

import { readFileSync } from 'node:fs';
import { check, fuzz, loadWasm } from '../fuzz/hash.mjs';
import { expect, open, test } from './fixtures.mjs';

const REGRESSIONS = JSON.parse(readFileSync('tests/fuzz/hash-regressions.json', 'utf8'));

test('20 000 mutated links and the kept regressions: no throw but an Error, one clear line', async () => {
  const wasm = await loadWasm();
  for (const hash of REGRESSIONS) expect(check(hash, wasm), hash).not.toBe('accepted');
  const o = fuzz(wasm, 20_000, 7);
  expect(o.accepted + o.refused + o.built).toBe(20_000);
  // The mutations reach every stage: links taken whole, refused by readHash, refused later.
  for (const n of [o.accepted, o.refused, o.built]) expect(n).toBeGreaterThan(100);
});

test('hostile links opened in the page give one clear message and keep a working run', async ({
  page,
}) => {
  await open(page);
  for (const hash of REGRESSIONS) {
    await page.evaluate(() => {
      document.getElementById('message').textContent = '';
    });
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await expect(page.locator('#message'), hash).not.toHaveText('');
    const text = await page.locator('#message').textContent();
    expect(text, hash).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    expect(text.length, hash).toBeLessThan(400);
  }
  // Nothing was put in as HTML, and the run still steps.
  expect(await page.locator('#message img').count()).toBe(0);
  const s = await page.evaluate(() => window.backstep.step(1));
  expect(s.error).toBeNull();
  expect(page.errors).toEqual([]);
});
