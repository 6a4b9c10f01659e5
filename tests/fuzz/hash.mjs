// Fuzzing the URL hash, the page's one parser of a link (web/share/hash.js's readHash), and what a link
// then reaches: the settings it holds go to the wasm's `Trainer.fromSettings` and the page's
// limits check, as web/share/link.js sends them. Deterministic mutations of valid links (FUZZING.md).
// Run: `node tests/fuzz/hash.mjs [RUNS] [SEED]` (after `cargo xtask build`); the browser tests
// run a short version and replay tests/fuzz/hash-regressions.json.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIDEABLE, readHash, readsCore } from '../../web/share/hash.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The wasm's bindings and module, as the page loads them (written by `cargo xtask build`). */
export async function loadWasm() {
  const bindings = await import(join(root, 'target', 'bindings', 'backstep_wasm.js'));
  bindings.initSync({ module: readFileSync(join(root, 'dist', 'pkg', 'backstep_wasm_bg.wasm')) });
  readsCore(bindings);
  return bindings;
}

/** Valid links: each data set, every setting, the view, as teachers' links hold them. */
export const SEEDS = [
  'dataset=xor',
  'dataset=circle&seed=7&step=120&present=1&lang=ja&hide=settings',
  'dataset=spiral&hidden=16,16,16,16&points=625&activation=tanh&batch_size=0',
  'dataset=gaussians&optimizer=adam&lr=0.01&beta1=0.8&beta2=0.99&eps=1e-7',
  'dataset=quadrants&optimizer=momentum&momentum=0.5&init=he&noise=0.3&test_fraction=0.5',
  'dataset=regression&hidden=&output=sigmoid&skip=3&lang=en&hide=play,seed,export',
  'dataset=circle&hidden=8,8&activation=sigmoid&init=glorot&step=5&present=1',
  'present=1&lang=ja',
  'dataset=xor&lr=0.5&step=12&opt=5+sgd+0.05,9+adam+0.001',
  'dataset=circle&optimizer=momentum&step=30&opt=0+momentum+0.1',
  'dataset=xor&step=7&opt=5+adam+0.01&edit=5_w_0_1_2_0.5,6_b_2_0_-1.25e-3',
];

const TOKENS = [
  '&',
  '=',
  ',',
  '%',
  '%2',
  '%zz',
  '%00',
  '%0A',
  '%E3%81%82',
  '%FF',
  '%25',
  '#',
  '+',
  '-',
  '.',
  'e',
  'e999',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '9007199254740993',
  '4294967296',
  '1000000',
  '1000001',
  '99999999999999999999',
  '0.',
  '.5',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'dataset',
  'hidden',
  'opt',
  '+sgd+',
  '+adam+',
  'step',
  'present',
  'lang',
  'hide',
  'lock',
  'seed',
  'lr',
  'points',
  'batch_size',
  'xor',
  'spiral',
  'ja',
  'en',
  'relu',
  'adam',
  'settings',
  '16',
  '17',
  '0',
  '-1',
  '\u0000',
  '\n',
  '\u001b]0;x\u0007',
  '<img src=x onerror=1>',
  '\uD800',
  'あ',
  ' ',
  '%20',
];

/** A small deterministic generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** One mutation of `text`: a token inserted or put in place, a cut, a copy, a byte changed,
 *  a part repeated, grown digits. */
export function mutate(text, r) {
  const at = Math.floor(r() * (text.length + 1));
  const pick = (a) => a[Math.floor(r() * a.length)];
  switch (Math.floor(r() * 16)) {
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 8:
    case 9:
    case 10: {
      // A value changed: a token, a number, or another link's value for the same key.
      const parts = text.split('&');
      const i = Math.floor(r() * parts.length);
      const key = parts[i].split('=')[0];
      const values = [pick(TOKENS), String(Math.floor(r() * 2 ** (r() * 40))), String(r() * 10)];
      parts[i] = `${key}=${pick(values)}`;
      return parts.join('&');
    }
    case 0:
      return text.slice(0, at) + pick(TOKENS) + text.slice(at);
    case 1: {
      const end = at + Math.floor(r() * 12);
      return text.slice(0, at) + pick(TOKENS) + text.slice(end);
    }
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 8));
    case 3:
      return text.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(at);
    case 4: {
      const parts = text.split('&');
      return [...parts, pick(parts)].join('&');
    }
    case 5:
      return `${text}&${pick(SEEDS).split('&')[0]}`;
    case 6:
      return text.slice(0, at) + '9'.repeat(1 + Math.floor(r() * 30)) + text.slice(at);
    default:
      return (
        text.slice(0, at) +
        pick(['x', '&', '='][Math.floor(r() * 3)] ?? 'x').repeat(Math.floor(r() * 2500)) +
        text.slice(at)
      );
  }
}

/** The rule every input must keep: readHash returns a well-formed result or throws an Error
 *  whose message is one short line; the settings it returns reach the wasm and the limits
 *  check without anything but an Error. Returns 'accepted', 'refused' (by readHash) or 'built' (refused by the wasm or the page's
 *  limits); throws otherwise. */
export function check(hash, wasm) {
  let wanted;
  try {
    wanted = readHash(hash);
  } catch (e) {
    oneLine(e, hash);
    return 'refused';
  }
  if (wanted === null) return 'accepted';
  const ok =
    typeof wanted.settings === 'object' &&
    Number.isInteger(wanted.step) &&
    wanted.step >= 0 &&
    wanted.step <= 1_000_000 &&
    typeof wanted.present === 'boolean' &&
    typeof wanted.lock === 'boolean' &&
    [null, 'ja', 'en'].includes(wanted.lang) &&
    wanted.hide.every((h) => HIDEABLE.includes(h)) &&
    Object.getPrototypeOf(wanted.settings) === Object.prototype &&
    !Object.hasOwn(wanted.settings, '__proto__') &&
    wanted.changes.every(
      (c, i) =>
        Number.isInteger(c.step) &&
        c.step <= wanted.step &&
        c.step >= (wanted.changes[i - 1]?.step ?? 0) &&
        /^[a-z]+$/.test(c.type) &&
        c.lr > 0 &&
        Number.isFinite(c.lr),
    ) &&
    wanted.edits.every(
      (c, i) =>
        Number.isInteger(c.step) &&
        c.step <= wanted.step &&
        c.step >= (wanted.edits[i - 1]?.step ?? 0) &&
        ['weight', 'bias'].includes(c.change.type) &&
        Number.isInteger(c.change.layer) &&
        Number.isInteger(c.change.col) &&
        Number.isFinite(c.change.value),
    );
  if (!ok) throw new Error(`readHash gave a malformed result for ${JSON.stringify(hash)}`);
  let trainer;
  try {
    trainer = wasm.Trainer.fromSettings(wanted.settings);
  } catch (e) {
    oneLine(e, hash);
    return 'built';
  }
  try {
    const over = trainer.overLimits();
    return over ? 'built' : 'accepted';
  } finally {
    trainer.free();
  }
}

function oneLine(e, hash) {
  const m = e instanceof Error ? e.message : null;
  if (
    typeof m !== 'string' ||
    m === '' ||
    m.length > 400 ||
    /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u.test(m)
  ) {
    throw new Error(`not one clear line for ${JSON.stringify(hash)}: ${JSON.stringify(m)}`);
  }
}

/** Runs `runs` mutated links from `seed` (each a chain of 1–4 mutations of a seed link or of
 *  an earlier input), returning {runs, accepted, refused, built, ms, slowest: {ms, hash}}. */
export function fuzz(wasm, runs, seed = 1) {
  const r = rng(seed);
  const pool = [...SEEDS];
  const out = { runs, accepted: 0, refused: 0, built: 0, ms: 0, slowest: { ms: 0, hash: '' } };
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    let hash = pool[Math.floor(r() * pool.length)];
    const n = 1 + Math.floor(r() ** 3 * 4);
    for (let k = 0; k < n; k++) hash = mutate(hash, r);
    if (r() < 0.5) hash = `#${hash}`;
    const start = performance.now();
    const result = check(hash, wasm);
    out[result]++;
    const ms = performance.now() - start;
    if (ms > out.slowest.ms) out.slowest = { ms, hash: hash.slice(0, 80) };
    // Inputs readHash takes become mutation bases (a bounded pool).
    if (result !== 'refused' && pool.length < 4096 && hash.length < 300 && r() < 0.05)
      pool.push(hash.replace(/^#/, ''));
  }
  out.ms = performance.now() - t0;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1);
  const wasm = await loadWasm();
  const regressions = JSON.parse(
    readFileSync(join(root, 'tests', 'fuzz', 'hash-regressions.json'), 'utf8'),
  );
  for (const hash of regressions) check(hash, wasm);
  const o = fuzz(wasm, runs, seed);
  console.log(
    `hash fuzz: ${o.runs} runs (seed ${seed}) in ${(o.ms / 1000).toFixed(1)} s ` +
      `(${Math.round(o.runs / (o.ms / 1000))} exec/s): ${o.accepted} accepted, ` +
      `${o.refused} refused by readHash, ${o.built} by the wasm or the page's limits; slowest ${o.slowest.ms.toFixed(1)} ms (${JSON.stringify(o.slowest.hash)})`,
  );
}
