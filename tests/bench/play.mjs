// Play in the page (not a test): W5, the page's largest net (4 hidden layers of 16, 500 spiral
// training points and 125 test points, full batch, lr 6e-5 as W5 in BENCHMARKS.md), and W6, circle with its page defaults, each
// played at the fastest speed with every panel drawn, in the worker as a visitor's page runs.
// Steps per second and frames per second over a window after the first second of play. Run
// through `cargo xtask bench` (BACKSTEP_URL; BACKSTEP_BENCH_OUT/play.json for BENCHMARKS.md).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.BACKSTEP_URL;
if (!url) throw new Error('BACKSTEP_URL is not set (run through `cargo xtask bench`)');
const SETS = Number(process.env.BACKSTEP_SETS ?? 3);
const WINDOW_MS = 3000;
const CASES = [
  ['W5', 'dataset=spiral&hidden=16,16,16,16&points=625&batch_size=0&lr=0.00006'],
  ['W6', 'dataset=circle'],
];

const context = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), 'backstep-play-')),
  {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  },
);
const page = context.pages()[0] ?? (await context.newPage());
const rows = [];
for (const [name, hash] of CASES) {
  const sets = [];
  for (let set = 0; set < SETS; set++) {
    await page.goto('about:blank');
    await page.goto(new URL(`#${hash}`, url).href);
    await page.waitForFunction(() => window.backstep?.engine() === 'worker', null, {
      timeout: 60_000,
    });
    await page.selectOption('#speed', '1000');
    await page.click('[data-action="play"]');
    await page.waitForTimeout(1000);
    const error = await page.evaluate(() => window.backstep.state().error);
    if (error) throw new Error(`${name}: ${error}`);
    const probe = () =>
      page.evaluate(async () => ({
        t: performance.now(),
        step: window.backstep.state().step,
        frames: (await window.backstep.frameTimes()).length,
      }));
    // The worker's own frame count (it keeps the last 600; a window stays under that).
    const a = await probe();
    await page.waitForTimeout(WINDOW_MS);
    const b = await probe();
    await page.click('[data-action="play"]');
    const s = (b.t - a.t) / 1000;
    sets.push({ stepsPerSecond: (b.step - a.step) / s, fps: (b.frames - a.frames) / s });
  }
  rows.push({ name, hash, sets });
  const r = (f) => {
    const v = sets.map(f).sort((x, y) => x - y);
    return `${v[0].toFixed(0)}–${v.at(-1).toFixed(0)}`;
  };
  console.log(
    `${name} (#${hash}, speed 1000): ${r((x) => x.stepsPerSecond)} steps/s at ${r((x) => x.fps)} frames/s (${SETS} sets)`,
  );
}
await context.close();
const out = process.env.BACKSTEP_BENCH_OUT;
if (out) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'play.json'), JSON.stringify({ rows }, null, 1));
}
