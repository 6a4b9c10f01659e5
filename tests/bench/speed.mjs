// The same-page speed benchmark (not a test): W1–W5 in the shipped wasm and, when
// ../shared/anchors/tf-playground/nn.ts is present, in TF Playground's nn.ts, in one headless
// Chromium page, with identical data, initial weights and updates (tests/bench/speed-page.js),
// in BACKSTEP_SETS sets (3) of BACKSTEP_REPS interleaved repetitions (7). Run through `cargo
// xtask bench`, which builds and serves dist/, passes its URL and writes the figures
// (BACKSTEP_BENCH_OUT/speed.json) into BENCHMARKS.md; the bindings come from target/bindings/
// (written by the build). nn.ts is read and compiled with esbuild at run time and never stored
// in the project.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const url = process.env.BACKSTEP_URL;
if (!url) throw new Error('BACKSTEP_URL is not set (run through `cargo xtask bench`)');
const reps = Number(process.env.BACKSTEP_REPS ?? 7);
const sets = Number(process.env.BACKSTEP_SETS ?? 3);
// BACKSTEP_NN_TS names nn.ts elsewhere (a git worktree's own ../shared is not the main one's).
const anchor =
  process.env.BACKSTEP_NN_TS ?? join(root, '..', 'shared', 'anchors', 'tf-playground', 'nn.ts');
const bindings = readFileSync(join(root, 'target', 'bindings', 'backstep_wasm.js'), 'utf8');
const nn = existsSync(anchor)
  ? execFileSync(
      join(root, 'node_modules', '.bin', 'esbuild'),
      [anchor, '--format=esm', '--log-level=error'],
      { encoding: 'utf8' },
    )
  : null;
if (!nn) console.log(`(${anchor} not found: the TF Playground column is skipped)`);

const context = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), 'backstep-speed-')),
  {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  },
);
const js = (body) => (r) => r.fulfill({ body, contentType: 'text/javascript' });
await context.route('**/bench/index.html', (r) =>
  r.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }),
);
await context.route('**/bench/backstep_wasm.js', js(bindings));
await context.route(
  '**/bench/page.js',
  js(readFileSync(join(root, 'tests', 'bench', 'speed-page.js'), 'utf8')),
);
if (nn) await context.route('**/bench/nn.js', js(nn));
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => console.log(`page: ${m.text()}`));
await page.goto(new URL('bench/index.html', url).href);

const result = await page.evaluate(
  async ({ reps, sets, withNn }) => {
    const wasm = await import('/bench/backstep_wasm.js');
    await wasm.default({ module_or_path: '/pkg/backstep_wasm_bg.wasm' });
    const nn = withNn ? await import('/bench/nn.js') : null;
    const b = await import('/bench/page.js');
    const checks = nn ? ['W1', 'W2', 'W4', 'W5'].map((w) => b.agree(wasm, nn, w)) : [];
    return { checks, rows: b.bench(wasm, nn, reps, sets), ua: navigator.userAgent };
  },
  { reps, sets, withNn: !!nn },
);
await context.close();

console.log(result.ua.match(/Chrom\w+\/[\d.]+/)?.[0] ?? result.ua);
for (const c of result.checks) {
  const ok = c.rel < 1e-3;
  console.log(
    `${c.name}: loss after 5 full-batch updates: backstep ${c.backstep.toPrecision(7)}, playground ${c.playground.toPrecision(7)} (relative difference ${c.rel.toExponential(1)}) ${ok ? 'agree' : 'DISAGREE'}`,
  );
  if (!ok) process.exitCode = 1;
}
const TARGET = { W1: 5, W2: 10, W3: 25, W4: 40, W5: null };
const range = (xs, f) => {
  const v = xs.map(f).sort((a, b) => a - b);
  return v[0] === v.at(-1) ? v[0] : `${v[0]}–${v.at(-1)}`;
};
const unit = (name) =>
  name === 'W3' ? 'ms/grid' : name === 'W4' || name === 'W5' ? 'ms/update' : 'µs/update';
const scale = (name) => (unit(name) === 'µs/update' ? 1000 : 1);
const rows = result.rows.map((r) => {
  const ratios = r.playground.map((p, i) => p / r.backstep[i]);
  const met = TARGET[r.name] == null ? null : ratios.filter((x) => x >= TARGET[r.name]).length;
  return {
    name: r.name,
    unit: unit(r.name),
    backstep: r.backstep.map((v) => v * scale(r.name)),
    playground: r.playground.map((v) => v * scale(r.name)),
    ratios,
    target: TARGET[r.name],
    met,
  };
});
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log('| workload | TF Playground | backstep wasm | ratio (min–max over sets) | target |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  const tf = r.playground.length ? `${range(r.playground, fmt)} ${r.unit}` : '–';
  const ratio = r.ratios.length ? `${range(r.ratios, (x) => x.toFixed(1))}×` : '–';
  const target = r.target == null ? '' : `≥ ${r.target}× (met in ${r.met} of ${r.ratios.length})`;
  console.log(`| ${r.name} | ${tf} | ${range(r.backstep, fmt)} ${r.unit} | ${ratio} | ${target} |`);
}
const out = process.env.BACKSTEP_BENCH_OUT;
if (out) {
  mkdirSync(out, { recursive: true });
  const ua = result.ua.match(/Chrom\w+\/[\d.]+/)?.[0] ?? result.ua;
  writeFileSync(join(out, 'speed.json'), JSON.stringify({ ua, sets, reps, rows }, null, 1));
}
