// The page's benchmark (not a test): time to first frame, main-thread time per frame while
// playing, and page weight. Run through `cargo xtask bench`, which builds and serves the site
// and passes its URL; figures go to BENCHMARKS.md.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.BACKSTEP_URL;
const dist = process.env.BACKSTEP_DIST;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstep-bench-')), {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1366, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());

// First frame: performance.mark('backstep:first-frame'), relative to navigation start.
const firsts = [];
for (let i = 0; i < 5; i++) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('backstep:first-frame').length > 0);
  firsts.push(await page.evaluate(() => performance.getEntriesByName('backstep:first-frame')[0].startTime));
}
console.log(`first frame after navigation: median ${median(firsts).toFixed(1)} ms (runs: ${firsts.map((v) => v.toFixed(0)).join(', ')})`);

// A playing frame is model.step(speed) and a redraw of every panel: window.backstep.step(n)
// does exactly that, synchronously, so its duration is the frame's main-thread work.
for (const [label, dataset, speed] of [['article XOR, 20 steps/frame', 'xor', 20], ['circle 8,8 tanh batch 10, 20 steps/frame', 'circle', 20]]) {
  await page.selectOption('select[name="dataset"]', dataset);
  const times = await page.evaluate((n) => {
    const out = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      window.backstep.step(n);
      out.push(performance.now() - t0);
    }
    return out;
  }, speed);
  const panels = await page.evaluate(() => window.backstep.timings());
  const split = Object.entries(panels).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  console.log(`${label}: main thread per frame median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms (last frame's panels, ms: ${split})`);
}
await context.close();

// Page weight: what a first visit downloads (index.html, web/*, pkg/*), gzipped.
const files = ['index.html', ...readdirSync(join(dist, 'web')).map((f) => `web/${f}`), ...readdirSync(join(dist, 'pkg')).map((f) => `pkg/${f}`)];
let raw = 0, gz = 0;
const rows = files.map((f) => {
  const bytes = readFileSync(join(dist, f));
  const z = gzipSync(bytes, { level: 9 }).length;
  raw += statSync(join(dist, f)).size;
  gz += z;
  return `${f} ${(bytes.length / 1024).toFixed(1)} KB → ${(z / 1024).toFixed(1)} KB`;
});
console.log(`page weight: ${(raw / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB`);
for (const r of rows) console.log(`  ${r}`);
