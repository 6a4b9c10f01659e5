// Native and wasm agree bit for bit after 1 000 steps, for every data set's preset (the page's
// defaults, opened from a link), for softmax cross-entropy and the penalties (classes and
// regularization from the link), and for the page's largest net: the page's snapshot after
// step(1000) is the 1 000th record of `backstep trace` run on the page's own spec.

import { execFileSync } from 'node:child_process';
import { expect, open, test } from './fixtures.mjs';

const STEPS = 1000;

/** A parsed document with every number rounded to the nearest f32 (the CLI writes each f32 as
 *  its shortest decimal; the page gives the JS number of exactly its value). */
const asF32 = (doc) =>
  JSON.parse(JSON.stringify(doc), (_k, v) => (typeof v === 'number' ? Math.fround(v) : v));

const cases = [
  ...['xor', 'regression', 'circle', 'quadrants', 'gaussians', 'spiral', 'plane', 'hills'].map(
    (d) => [`the ${d} preset`, `dataset=${d}`, null],
  ),
  ['softmax on 3 spiral arms', 'dataset=spiral&classes=3', null],
  [
    'softmax on 5 gaussians with l2',
    'dataset=gaussians&classes=5&regularization=l2&regularization_rate=0.01',
    null,
  ],
  ['circle with l1', 'dataset=circle&regularization=l1&regularization_rate=0.001', null],
  ['circle in x1², x2², x1·x2', 'dataset=circle&features=x1_sq,x2_sq,x1_x2', null],
  [
    'every feature, 3 spiral arms under softmax with l2',
    'dataset=spiral&classes=3&features=x1,x2,x1_sq,x2_sq,x1_x2,sin_x1,sin_x2&regularization=l2',
    null,
  ],
  [
    'the largest net (4 × 16, 500 spiral points)',
    'dataset=spiral&hidden=16,16,16,16&points=625',
    500,
  ],
];

for (const [name, hash, rows] of cases) {
  test(`${name}: the page after step(${STEPS}) is the CLI's trace, bit for bit`, async ({
    page,
  }) => {
    await open(page, `/#${hash}`);
    const spec = await page.evaluate(() => window.backstep.spec());
    // The largest net: 500 training points (the page's limit), four hidden layers of 16.
    if (rows) {
      expect(spec.x).toHaveLength(rows);
      expect(spec.layers.filter((l) => l.type === 'affine').map((l) => l.b.length)).toEqual([
        16, 16, 16, 16, 1,
      ]);
    }
    const after = await page.evaluate((n) => window.backstep.step(n), STEPS);
    expect(after.step).toBe(STEPS);
    const snap = await page.evaluate(() => window.backstep.snapshot());
    const trace = execFileSync(process.env.BACKSTEP_CLI, ['trace', '-'], {
      input: JSON.stringify({ ...spec, steps: STEPS }),
      maxBuffer: 2 ** 30,
    });
    const native = JSON.parse(trace.toString());
    expect(native.steps).toHaveLength(STEPS);
    expect(snap.step).toBe(STEPS);
    // softmax's p and the penalty's term are recorded where the link chose them.
    expect(snap.probabilities !== undefined).toBe(hash.includes('classes'));
    expect(snap.penalty !== undefined).toBe(hash.includes('regularization'));
    // Compared as text: every f32 the same, in the same order.
    expect(JSON.stringify(snap)).toBe(JSON.stringify(asF32(native.steps[STEPS - 1])));
    expect(page.errors).toEqual([]);
  });
}
