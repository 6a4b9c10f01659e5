// The glass box: the lesson text with the real numbers, the notices on the article's run, the
// neuron inspector, weight edits, the gradient check and the PyTorch code, each checked
// against the run itself (and the code against PyTorch).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, DATASETS, expect, nextStepFrom, open, SHOTS, state, test } from './fixtures.mjs';

const where = (s) => (s.layer == null ? s.phase : `${s.phase} ${s.layer}`);

async function substepTo(page, target) {
  for (let i = 0; i < 20 && where(await state(page)) !== target; i++) await call(page, 'substep');
  await expect.poll(async () => where(await state(page))).toBe(target);
}

test("the formula shows the article's loss, then the numbers of dW", async ({ page }) => {
  await open(page, '/#lang=en');
  await substepTo(page, 'loss');
  await expect(page.locator('[data-formula]')).toContainText('2.0640');
  await expect(page.locator('[data-formula]')).toContainText('L = ½·Σ(y − t)²');
  await substepTo(page, 'backward 2');
  const snap = await call(page, 'inspect', 2, 0, 1);
  const formula = await page.locator('[data-formula]').textContent();
  expect(formula).toContain('dW = xᵀ·dout');
  // The entry it writes out is one of layer 2's dW, as the inspector reads it.
  const dw = snap.batchDw.map((v) => v.toFixed(4).replace('-', '−'));
  expect(dw.some((v) => formula.includes(`= ${v};`))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/20-formula-backward-en.png` });
  await open(page, '/#lang=ja');
  await substepTo(page, 'forward 0');
  await expect(page.locator('[data-formula]')).toContainText('知る: z = x·W + b');
});

test("the article's run: unit 0 of layers[1] dead since step 1, and a plateau", async ({
  page,
}) => {
  await open(page, '/#lang=en');
  await call(page, 'step', 2000);
  const notices = await call(page, 'notices');
  expect(notices).toContainEqual({ code: 'dead-unit', layer: 1, unit: 0, since: 1 });
  expect(notices.map((n) => n.code)).toContain('plateau');
  await expect(page.locator('#notices li[data-notice="dead-unit"]').first()).toContainText(
    'since step 1',
  );
  await expect(page.locator('#notices li[data-notice="plateau"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/21-notices-en.png` });
  // One click on an experiment (tanh for the dead unit) starts a run that solves XOR.
  await page.locator('#notices [data-experiment="activation"]').first().click();
  await expect.poll(() => call(page, 'spec').then((s) => s.layers[1].type)).toBe('tanh');
  await call(page, 'step', 2000);
  expect((await call(page, 'notices')).map((n) => n.code)).not.toContain('plateau');
  expect((await state(page)).loss).toBeLessThan(1e-3);
});

test('inspect equals the snapshot; setWeight equals load(spec with that weight) + step', async ({
  page,
}) => {
  await open(page);
  await call(page, 'step', 3);
  const snap = await call(page, 'snapshot');
  for (const [layer, unit, sample] of [
    [0, 1, 1],
    [0, 3, 2],
    [2, 0, 3],
  ]) {
    const n = await call(page, 'inspect', layer, unit, sample);
    expect(n.z).toBe(snap.outputs[layer][sample][unit]);
    expect(n.batchDw).toEqual(snap.grads[layer].dW.map((row) => row[unit]));
  }
  const bad = await page.evaluate(() =>
    window.backstep.inspect(7, 0, 0).then(
      () => null,
      (e) => e.message,
    ),
  );
  expect(bad).toMatch(/^layer/);
  // An edited weight: the next step equals a fresh run from a spec with the current weights.
  await call(page, 'setWeight', 0, 1, 2, 0.25);
  const spec = await call(page, 'spec');
  const now = await call(page, 'snapshot');
  spec.layers[0].W = now.params[0].W.map((row) => [...row]);
  spec.layers[0].b = [...now.params[0].b];
  spec.layers[2].W = now.params[2].W;
  spec.layers[2].b = now.params[2].b;
  spec.layers[0].W[1][2] = 0.25;
  await call(page, 'step', 1);
  const edited = await call(page, 'snapshot');
  const fresh = await nextStepFrom(page, spec);
  expect(edited.params).toEqual(fresh.params);
  expect(edited.loss).toBe(fresh.loss);
});

/** Chooses a data set in the form and waits for its run. */
async function choose(page, dataset) {
  await page.selectOption('select[name="dataset"]', dataset);
  await expect.poll(() => call(page, 'spec').then((s) => s.x.length > 0 && dataset)).toBe(dataset);
}

test('gradcheck is below 1e-3 on every preset', async ({ page }) => {
  await open(page);
  for (const dataset of DATASETS) {
    await choose(page, dataset);
    await call(page, 'step', 5);
    const g = await call(page, 'gradcheck');
    expect(g.maxRelErr, dataset).toBeLessThan(1e-3);
    expect(g.entries.length).toBeGreaterThan(0);
  }
});

/** Runs a generated script with python3: PyTorch, or the numpy stand-in that `cargo xtask test`
 *  names in BACKSTEP_TORCH_STANDIN when PyTorch is not installed. A failure shows Python's
 *  error output. */
function python(file) {
  const dir = process.env.BACKSTEP_TORCH_STANDIN;
  const env = dir ? { ...process.env, PYTHONPATH: dir } : process.env;
  try {
    return execFileSync('python3', [file], { encoding: 'utf8', env, stdio: 'pipe' });
  } catch (e) {
    throw new Error(`python3 ${file} failed (${e.status ?? e.code}):\n${e.stderr ?? e.message}`);
  }
}

test("python: the PyTorch code gives the page's next step on every preset", async ({ page }) => {
  test.skip(
    process.env.BACKSTEP_PYTHON === 'none',
    'python3 has neither torch nor numpy (python3 -m pip install numpy)',
  );
  // Python loads torch for each of the six scripts (several seconds each on this machine).
  test.setTimeout(300_000);
  await open(page);
  const dir = mkdtempSync(join(tmpdir(), 'backstep-code-'));
  for (const dataset of DATASETS) {
    await choose(page, dataset);
    await call(page, 'step', 5);
    const code = await call(page, 'code');
    const file = join(dir, `${dataset}.py`);
    writeFileSync(file, code);
    const got = JSON.parse(python(file).trim().split('\n').pop());
    await call(page, 'step', 1);
    const want = await call(page, 'snapshot');
    expect(Math.abs(got.loss - want.loss), dataset).toBeLessThan(1e-5 * Math.max(1, want.loss));
    const affine = want.grads.filter((g) => g.dW);
    expect(got.grads.length).toBe(affine.length);
    got.grads.forEach((gr, i) => {
      const scale = Math.max(1, ...affine[i].dW.flat().map(Math.abs));
      gr.dW.flat().forEach((v, k) => {
        expect(Math.abs(v - affine[i].dW.flat()[k]), dataset).toBeLessThan(1e-5 * scale);
      });
    });
  }
});

test("the lesson panel's buttons show the gradient check and the PyTorch code", async ({
  page,
}) => {
  await open(page, '/#lang=ja');
  await call(page, 'step', 3);
  await page.click('#gradcheck');
  const summary = page.locator('#glass-out [data-gradcheck]');
  await expect(summary).toContainText('一致');
  expect(Number(await summary.getAttribute('data-gradcheck'))).toBeLessThan(1e-3);
  await expect(page.locator('#glass-out tr')).not.toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/22-gradcheck-ja.png` });
  await page.click('#show-code');
  await expect(page.locator('#glass-out pre')).toContainText('import torch');
  expect(page.errors).toEqual([]);
});
