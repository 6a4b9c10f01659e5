// What the presenter-view tests check the stage by (the article's 2-4-1 net): the matrices each
// micro-step lists and computes, labels over one another or over a neuron, and waiting until
// the page shows the engine's drawing of a state. Shared by stage.spec.mjs and labels.spec.mjs.
import { mkdirSync } from 'node:fs';
import { SHOTS } from './fixtures.mjs';

/** Where the stage's screenshots go. */
export const STAGE = `${SHOTS}/stage`;
mkdirSync(STAGE, { recursive: true });

/** The matrices a micro-step computes, as [name, layer] pairs (the article's 2-4-1 net). */
export function expected(s) {
  const { phase, layer, step } = s;
  if (phase === 'loss') return ['y', 't', 'dy'].map((n) => [n, null]);
  if (phase === 'forward')
    return (layer === 1 ? ['x', 'mask', 'y'] : ['x', 'W', 'b', 'y']).map((n) => [n, layer]);
  if (phase === 'backward')
    return (layer === 1 ? ['dout', 'mask', 'dx'] : ['dout', 'dx', 'dW', 'db']).map((n) => [
      n,
      layer,
    ]);
  const names = step > 0 ? ['W_before', 'dW', 'W', 'b_before', 'db', 'b'] : ['W', 'b'];
  return [0, 2].flatMap((l) => names.map((n) => [n, l]));
}

/** The matrices a micro-step writes, which must show their numbers (not a heatmap). */
export function computed(s) {
  const { phase, layer, step } = s;
  if (phase === 'loss') return ['dy'];
  if (phase === 'forward') return layer === 1 ? ['mask', 'y'] : ['y'];
  if (phase === 'backward') return layer === 1 ? ['dx'] : ['dx', 'dW', 'db'];
  return step > 0 ? ['W', 'b'] : [];
}

const overlap = (a, b) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const inside = (a, b) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** Labels over one another, or across a neuron's outline (a value sits inside its circle or
 *  beside it), and neurons too small to read, among layout()'s items. */
export function labelProblems(items) {
  const problems = [];
  const labels = items.filter((i) => i.kind === 'label');
  const neurons = items.filter((i) => i.kind === 'neuron');
  for (const [k, a] of labels.entries()) {
    for (const b of labels.slice(k + 1))
      if (a.panel === b.panel && overlap(a, b)) problems.push(`labels ${a.name} / ${b.name}`);
    for (const n of neurons)
      if (a.panel === n.panel && overlap(a, n) && !inside(a, n))
        problems.push(`label ${a.name} over neuron ${n.name}`);
  }
  for (const n of neurons) if (n.w < 28) problems.push(`neuron ${n.name} ${n.w} px`);
  return problems;
}

/** Waits (at most 15 s) until the page shows the engine's drawing of `s` (the worker's frame
 *  report), fitted to this window: for 5 animation frames in a row the state is `s` and nothing
 *  scrolls (a longer formula refits the stage a frame later); then until layout() lists the
 *  phase's matrices. On a timeout, checkStage says what is wrong. */
export async function drawn(page, s) {
  await page.evaluate(() => {
    window.stageHeld = 0;
  });
  await page
    .waitForFunction(
      ([step, phase]) => {
        const now = window.backstep.state();
        const fits = document.scrollingElement.scrollHeight <= window.innerHeight;
        const ok = now.step === step && now.phase === phase && fits;
        window.stageHeld = ok ? window.stageHeld + 1 : 0;
        return window.stageHeld >= 5;
      },
      [s.step, s.phase],
      { timeout: 15_000, polling: 'raf' },
    )
    .catch(() => {});
  await page
    .waitForFunction(
      async (names) => {
        const { items } = await window.backstep.layout();
        return names.every((n) => items.some((i) => i.kind === 'matrix' && i.name === n));
      },
      expected(s).map(([n]) => n),
      { timeout: 15_000 },
    )
    .catch(() => {});
}
