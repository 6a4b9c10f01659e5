// Differential test, page against CLI: every text of differential-corpus.mjs goes to `backstep
// trace -` and to the page's `load(text)`. Both must accept it or both refuse it, and a refusal
// must name the same field (`layers[0].W[1]`, `steps`, …) or none on both sides.

import { spawnSync } from 'node:child_process';
import { CORPUS } from './differential-corpus.mjs';
import { expect, open, test } from './fixtures.mjs';

/** The field a message names at its start (`x[0][1]: …`, `layers[0] (affine): …`), or ''. */
export const field = (message) =>
  /^([A-Za-z_]+(?:\[\d+\]|\.[A-Za-z_0-9]+)*)(?: \([a-z]+\))?: /.exec(message ?? '')?.[1] ?? '';

function cli(text) {
  const r = spawnSync(process.env.BACKSTEP_CLI, ['trace', '-'], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 2 ** 28,
  });
  if (r.status === 0) return { ok: true, message: null };
  const lines = r.stderr.trimEnd().split('\n');
  // One line, as every CLI error is (user text escaped).
  expect(lines, r.stderr).toHaveLength(1);
  return { ok: false, message: lines[0].replace(/^backstep: /, '') };
}

test('the page and the CLI accept and refuse the same spec texts, naming the same field', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(CORPUS.length).toBeGreaterThanOrEqual(50);
  await open(page);
  const rows = [];
  for (const [name, text] of CORPUS) {
    const native = cli(text);
    const mine = await page.evaluate(async (s) => {
      try {
        await window.backstep.load(s);
        return { ok: true, message: null };
      } catch (e) {
        return { ok: false, message: e.message };
      }
    }, text);
    rows.push({ name, native, mine });
  }
  const differ = rows.filter(
    (r) => r.native.ok !== r.mine.ok || field(r.native.message) !== field(r.mine.message),
  );
  expect(differ).toEqual([]);
  // Both sides refuse at least the hostile texts, and accept the valid ones.
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  for (const name of ['the base spec', 'steps: 3', 'optimizer: adam', 'trailing white space'])
    expect(byName[name].native.ok, name).toBe(true);
  for (const name of ['trailing garbage', 'two documents', 'steps: -1', 'x with 1e400'])
    expect(byName[name].native.ok, name).toBe(false);
  // Most refusals name a field; the nesting limit is where the CLI's JSON parser stops.
  expect(rows.filter((r) => field(r.native.message) !== '').length).toBeGreaterThanOrEqual(25);
  expect(field(byName['x nested 126 deep'].native.message)).toBe('x[0][0]');
  expect(field(byName['x nested 127 deep'].native.message)).toBe('');
  expect(byName['an unknown field nested 126 deep'].native.message).toMatch(/unknown field/);
  expect(byName['an unknown field nested 127 deep'].native.message).toMatch(/recursion limit/);
  // Each message is one short line on the page too.
  for (const r of rows.filter((r) => !r.mine.ok)) {
    expect(r.mine.message, r.name).not.toMatch(/\p{Cc}/u);
    expect(r.mine.message.length, r.name).toBeLessThanOrEqual(640);
  }
  expect(page.errors).toEqual([]);
});
