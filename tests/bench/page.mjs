// The page's benchmark (not a test): time to first frame, main-thread time per frame while
// playing (the page's code, and the whole main thread from a trace), and page weight. Run
// through `cargo xtask bench`, which builds and serves the site and passes its URL; figures go
// to BENCHMARKS.md.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.BACKSTEP_URL;
const dist = process.env.BACKSTEP_DIST;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

const launch = () => chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstep-bench-')), {
  executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1366, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(s).toFixed(0)} ms (quartiles ${s[Math.floor(s.length / 4)].toFixed(0)}–${s[Math.floor((3 * s.length) / 4)].toFixed(0)}, n = ${s.length})`;
};

// First frame: performance.mark('backstep:first-frame') after navigation start. Each run opens a
// fresh browser profile: a first visit (new renderer process, empty cache, wasm compiled from
// scratch), then a second visit to the same page. For scale, the same HTML and CSS without the
// script (the bare shell) is timed to its first paint, also in a fresh renderer.
const shell = readFileSync(join(dist, 'index.html'), 'utf8').split('\n')
  .filter((l) => !/<script|preload/.test(l)).join('\n');
const first = [], second = [], bare = [];
const RUNS = 16;
for (let i = 0; i < RUNS; i++) {
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const mark = async () => {
    await page.waitForFunction(() => performance.getEntriesByName('backstep:first-frame').length > 0);
    return page.evaluate(() => performance.getEntriesByName('backstep:first-frame')[0].startTime);
  };
  if (i % 2 === 0) {
    await page.goto(url);
    first.push(await mark());
    await page.goto(url);
    second.push(await mark());
  } else {
    await context.route('**/bare-shell.html', (r) => r.fulfill({ body: shell, contentType: 'text/html' }));
    await page.goto(new URL('bare-shell.html', url).href);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    bare.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime));
  }
  await context.close();
}
console.log(`first frame, first visit (fresh renderer): ${quartiles(first)}`);
console.log(`first frame, second visit: ${quartiles(second)}`);
console.log(`for scale, the bare HTML + CSS shell's first paint, first visit: ${quartiles(bare)}`);

const context = await launch();
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName('backstep:first-frame').length > 0);

// window.backstep.step(n) runs n steps and redraws every panel, synchronously, so its duration
// is the JavaScript (and wasm) work of a frame that draws the maps from the full grid. Then the
// page plays for 3 s and reports its own frame times (`frameTimes()`), with the maps from the
// coarser grid it uses while playing. Then the page really plays for 2 s under a trace, which adds what the browser does on
// the same thread: with --disable-gpu the canvases are rasterised there (Skia on the CPU), and
// that usually costs more than the page's own code.
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
  console.log(`${label}: page code per frame median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms (last frame's panels, ms: ${split})`);
  // Really playing (the maps then come from the coarser grid): each frame's steps and redraw,
  // as the page times them itself.
  await page.click('[data-action="reset"]');
  await page.click('[data-action="play"]');
  await page.waitForTimeout(3000);
  await page.click('[data-action="play"]');
  const played = await page.evaluate(() => window.backstep.frameTimes());
  console.log(`  playing: page code per frame median ${median(played).toFixed(2)} ms, p95 ${p95(played).toFixed(2)} ms (${played.length} frames)`);
  const whole = await playTraced(page, 2000);
  console.log(`  playing, traced: ${whole.fps.toFixed(0)} frames/s; per frame, main thread busy ${whole.busy.toFixed(1)} ms, of which the rAF callback ${whole.raf.toFixed(1)} ms and canvas raster and upload ${whole.raster.toFixed(1)} ms`);
  await page.click('[data-action="reset"]');
}
await context.close();

/** Plays for `ms` under a Chrome trace; per frame: main-thread busy time, rAF callback, raster. */
async function playTraced(page, ms) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await page.click('[data-action="play"]');
  await page.waitForTimeout(300);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,cc', transferMode: 'ReportEvents' });
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await done;
  await page.click('[data-action="play"]');
  await cdp.detach();
  const raf = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const { pid, tid } = raf[0];
  const t0 = raf[0].ts, t1 = raf[raf.length - 1].ts, frames = raf.length - 1;
  const perFrame = (name) => events.filter((e) => e.name === name && e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= t0 && e.ts < t1)
    .reduce((sum, e) => sum + e.dur, 0) / 1000 / frames;
  return { fps: frames / ((t1 - t0) / 1e6), busy: perFrame('ThreadControllerImpl::RunTask'), raf: perFrame('FireAnimationFrame'), raster: perFrame('LayerTreeHost::DoUpdateLayers') };
}

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
