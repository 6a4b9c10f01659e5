// The page's benchmark (not a test): time to first frame, time per frame while playing (the
// engine's own work, and the page's whole main thread from a trace), and page weight. Run
// through `cargo xtask bench`, which builds and serves the site and passes its URL; figures go
// to BENCHMARKS.md.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const url = process.env.BACKSTEP_URL;
const dist = process.env.BACKSTEP_DIST;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

const launch = () =>
  chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstep-bench-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(s).toFixed(0)} ms (quartiles ${s[Math.floor(s.length / 4)].toFixed(0)}–${s[Math.floor((3 * s.length) / 4)].toFixed(0)}, n = ${s.length})`;
};

// First frame: performance.mark('backstep:first-frame') after navigation start (drawn), and the
// first contentful paint (on screen: the page is hidden until that frame). Each run opens a
// fresh browser profile: a first visit (new renderer process, empty cache, wasm compiled from
// scratch), then a second visit to the same page. For scale, the same HTML and CSS without the
// script (the bare shell) is timed to its first paint, also in a fresh renderer. Each is timed
// twice over: navigating the moment the browser has started (while it still sets itself up, on
// the same two cores), and after letting it settle for 2 s, as a student's browser is already
// running when the page is opened.
const shell = readFileSync(join(dist, 'index.html'), 'utf8')
  .split('\n')
  .filter((l) => !/<script|preload/.test(l))
  .join('\n');
const RUNS = Number(process.env.BACKSTEP_FIRST_FRAME_RUNS ?? 8);
const firstFrame = {};
for (const settle of [0, 2000]) {
  const first = [],
    firstShown = [],
    second = [],
    bare = [];
  for (let i = 0; i < 2 * RUNS; i++) {
    const context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.waitForTimeout(settle);
    // The times of the performance entries `names` once all are in, read by plain evaluations
    // every 50 ms: waitForFunction would inject Playwright's script into the loading page (about
    // 20 ms of its main thread, in a trace, between the first frame and its paint).
    const entries = async (names) => {
      for (const start = Date.now(); Date.now() - start < 30_000; ) {
        const at = await page.evaluate(
          (ns) => ns.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null),
          names,
        );
        if (at.every((t) => t !== null)) return at;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${names.join(' and ')} within 30 s`);
    };
    // When the first frame is drawn (the page's mark) and when it is on screen: the page is
    // hidden until its first frame is drawn, so its first contentful paint is that frame's.
    const mark = () => entries(['backstep:first-frame', 'first-contentful-paint']);
    if (i % 2 === 0) {
      await page.goto(url);
      const [drawn, shown] = await mark();
      first.push(drawn);
      firstShown.push(shown);
      await page.goto(url);
      second.push((await mark())[0]);
    } else {
      await context.route('**/bare-shell.html', (r) =>
        r.fulfill({ body: shell, contentType: 'text/html' }),
      );
      await page.goto(new URL('bare-shell.html', url).href);
      bare.push((await entries(['first-contentful-paint']))[0]);
    }
    await context.close();
  }
  firstFrame[settle ? 'settled' : 'started'] = {
    first: median(first),
    firstShown: median(firstShown),
    second: median(second),
    bare: median(bare),
  };
  const when = settle ? `the browser settled for ${settle / 1000} s` : 'the browser just started';
  console.log(`first frame drawn, first visit (fresh renderer), ${when}: ${quartiles(first)}`);
  console.log(`first frame on screen (painted), first visit, ${when}: ${quartiles(firstShown)}`);
  console.log(`first frame, second visit, ${when}: ${quartiles(second)}`);
  console.log(
    `for scale, the bare HTML + CSS shell's first paint, first visit, ${when}: ${quartiles(bare)}`,
  );
}

const context = await launch();
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName('backstep:first-frame').length > 0);
// The page draws its first frames itself, then hands the run to its worker.
await page.waitForFunction(() => window.backstep?.engine() === 'worker');
// What a first visit fetched before its first frame, and after it (the full wasm module, the
// worker's script, once the first frame is on screen), as paths in dist/ (resource timing; the
// document itself is index.html).
const fetched = await page.evaluate(() => {
  const mark = performance.getEntriesByName('backstep:first-frame')[0].startTime;
  const path = (e) => new URL(e.name).pathname.replace(/^\//, '');
  const all = performance.getEntriesByType('resource');
  return {
    before: all.filter((e) => e.startTime < mark).map(path),
    after: all.filter((e) => e.startTime >= mark).map(path),
  };
});
// The settings fold (closed on a first visit) is opened, as a user would, to choose a data set.
await page.locator('#settings-fold').evaluate((fold) => {
  fold.open = true;
});

// While playing: the engine's own time per frame (steps and redraw, in the worker, as it times
// them: `frameTimes()`), then the page's main thread under a Chrome trace, frame by frame.
// With --disable-gpu, canvases are rasterised on the thread that draws them: the worker's.
for (const [label, dataset] of [
  ['article XOR, 20 steps/frame', 'xor'],
  ['circle 8,8 tanh batch 10, 20 steps/frame', 'circle'],
]) {
  await page.selectOption('select[name="dataset"]', dataset);
  // A few redraws with the full grid first; the last one's split by panel.
  for (let i = 0; i < 5; i++) await page.evaluate(() => window.backstep.step(1));
  const panels = await page.evaluate(() => window.backstep.timings());
  const split = Object.entries(panels)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  await page.click('[data-action="reset"]');
  await page.click('[data-action="play"]');
  await page.waitForTimeout(3000);
  await page.click('[data-action="play"]');
  const played = await page.evaluate(() => window.backstep.frameTimes());
  console.log(
    `${label}: the engine's work per played frame (in the worker) median ${median(played).toFixed(2)} ms, p95 ${p95(played).toFixed(2)} ms (${played.length} frames; one redraw with the full grid, ms: ${split})`,
  );
  const t = await playTraced(page, 2000);
  console.log(
    `  playing, traced: ${t.fps.toFixed(0)} frames/s; the page's main thread per frame: median ${t.main.median.toFixed(2)} ms, p95 ${t.main.p95.toFixed(2)} ms, mean ${t.main.mean.toFixed(2)} ms, max ${t.main.max.toFixed(2)} ms; the worker's thread per frame (its animation frame callback and other tasks): mean ${t.worker.toFixed(2)} ms`,
  );
  await page.click('[data-action="reset"]');
}
await context.close();

/** Plays for `ms` under a Chrome trace. Frames are the worker's animation frames; for each, the
 *  busy time of the renderer's main thread (all its tasks) from that frame's start to the next. */
async function playTraced(page, ms) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await page.click('[data-action="play"]');
  await page.waitForTimeout(300);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,toplevel,__metadata',
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(ms);
  await cdp.send('Tracing.end');
  await done;
  await page.click('[data-action="play"]');
  await cdp.detach();
  const threads = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name')
    .map((e) => ({ key: `${e.pid}:${e.tid}`, pid: e.pid, name: e.args.name }));
  const worker = threads.find((th) => th.name === 'DedicatedWorker thread');
  const main = threads.find((th) => th.name === 'CrRendererMain' && th.pid === worker.pid);
  const on = (th, name) =>
    events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === th.key && e.name === name);
  const starts = on(worker, 'FireAnimationFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const frames = starts.length - 1;
  const perFrame = new Array(frames).fill(0);
  for (const e of on(main, 'ThreadControllerImpl::RunTask')) {
    const i = starts.findIndex((s) => s > e.ts) - 1;
    if (i >= 0 && i < frames) perFrame[i] += e.dur / 1000;
  }
  const total = (es) =>
    es
      .filter((e) => e.ts >= starts[0] && e.ts < starts[frames])
      .reduce((sum, e) => sum + e.dur, 0) / 1000;
  return {
    fps: frames / ((starts[frames] - starts[0]) / 1e6),
    main: {
      median: median(perFrame),
      p95: p95(perFrame),
      mean: perFrame.reduce((a, b) => a + b, 0) / frames,
      max: Math.max(...perFrame),
    },
    worker:
      (total(on(worker, 'FireAnimationFrame')) +
        total(on(worker, 'ThreadControllerImpl::RunTask'))) /
      frames,
  };
}

// Page weight: what a first visit downloads before its first frame (index.html and what the
// resource timing above lists), gzipped; the rest it fetches after, for scale (BACKSTEP_BENCH_OUT:
// page.json, with the first frame's medians, for BENCHMARKS.md).
const weigh = (files) => {
  let raw = 0,
    gz = 0;
  const rows = [...new Set(files)].map((f) => {
    const bytes = readFileSync(join(dist, f));
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    return `${f} ${(bytes.length / 1024).toFixed(1)} KB → ${(z / 1024).toFixed(1)} KB`;
  });
  return { raw, gz, rows };
};
const { raw, gz, rows } = weigh(['index.html', ...fetched.before]);
// (The worker's script is the page's own, from the cache.)
const later = weigh(fetched.after.filter((f) => !fetched.before.includes(f)));
console.log(
  `page weight before the first frame: ${(raw / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB`,
);
for (const r of rows) console.log(`  ${r}`);
console.log(`fetched after the first frame: gzipped ${(later.gz / 1024).toFixed(1)} KB`);
for (const r of later.rows) console.log(`  ${r}`);
const out = process.env.BACKSTEP_BENCH_OUT;
if (out) {
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'page.json'),
    JSON.stringify({ firstFrame, weight: { raw, gz, later: later.gz } }, null, 1),
  );
}
