// The same-page speed benchmark (not a test): W1–W5 in the shipped wasm and, when
// ../shared/anchors/tf-playground/nn.ts is present, in TF Playground's nn.ts, in one headless
// Chromium page, with identical data, initial weights and updates (tests/bench/speed-page.js).
// Run through `cargo xtask bench`, which builds and serves dist/ and passes its URL; the
// bindings come from target/bindings/ (written by the build). nn.ts is read and compiled with
// esbuild at run time and never stored in the project. Figures go to BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const url = process.env.BACKSTEP_URL;
if (!url) throw new Error('BACKSTEP_URL is not set (run through `cargo xtask bench`)');
const reps = Number(process.env.BACKSTEP_REPS ?? 7);
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
  async ({ reps, withNn }) => {
    const wasm = await import('/bench/backstep_wasm.js');
    await wasm.default({ module_or_path: '/pkg/backstep_wasm_bg.wasm' });
    const nn = withNn ? await import('/bench/nn.js') : null;
    const b = await import('/bench/page.js');
    const checks = nn ? ['W1', 'W2', 'W4', 'W5'].map((w) => b.agree(wasm, nn, w)) : [];
    return { checks, rows: b.bench(wasm, nn, reps), ua: navigator.userAgent };
  },
  { reps, withNn: !!nn },
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
const TARGET = { W1: '≥ 5×', W2: '≥ 10×', W3: '≥ 20×', W4: '≥ 20×', W5: '≥ 2 000 steps/s' };
const unit = (name, ms) =>
  name === 'W3'
    ? `${ms.toFixed(2)} ms/grid`
    : ms < 0.1
      ? `${(ms * 1000).toFixed(2)} µs/update`
      : `${ms.toFixed(2)} ms/update`;
console.log(`| workload | TF Playground | backstep wasm | ratio | target |\n|---|---|---|---|---|`);
for (const r of result.rows) {
  const tf = r.playground == null ? '–' : unit(r.name, r.playground);
  const ratio = r.playground == null ? '–' : `${(r.playground / r.backstep).toFixed(1)}×`;
  const extra = r.name === 'W5' ? ` (${(1000 / r.backstep).toFixed(0)} steps/s)` : '';
  console.log(
    `| ${r.name} | ${tf} | ${unit(r.name, r.backstep)}${extra} | ${ratio} | ${TARGET[r.name]} |`,
  );
}
