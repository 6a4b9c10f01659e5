// The page's pure helpers (the colour scale of matrix cells, the loss axis's ticks, the page's
// events the tools listen to, Play's pace), loaded straight from web/ and tested in Node, with no browser.

import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.mjs';

/** A page module with no imports, loaded as an ES module (the package's .js files are not
 *  marked as modules for node). */
const pageModule = (name) =>
  import(
    `data:text/javascript;base64,${readFileSync(new URL(`../../web/${name}`, import.meta.url)).toString('base64')}`
  );
const { cellIndex, cellScale } = await pageModule('draw/colors.js');
const { niceTicks, tickLabel } = await pageModule('draw/ticks.js');
const events = await pageModule('stage/events.js');
const pace = await pageModule('engine/pace.js');
const { TOOL_METHODS } = await pageModule('engine/tools.js');

test('loss axis ticks: decades on a log scale, scientific form when large', () => {
  expect(niceTicks(-3, 0, true)).toEqual([0.001, 0.01, 0.1, 1]);
  expect(niceTicks(-1, 0, true)).toEqual([0.1, 0.2, 0.5, 1]);
  expect(niceTicks(0, 10, false, 5)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(['1', '0.1', '0.01', '0.001'].map((s) => tickLabel(Number(s), true))).toEqual([
    '1',
    '0.1',
    '0.01',
    '0.001',
  ]);
  expect(tickLabel(1e36, true)).toBe('10³⁶');
  expect(tickLabel(2.5e-7)).toBe('2.5×10⁻⁷');
  expect(tickLabel(-250000)).toBe('−2.5×10⁵');
});

test('matrix cells that print 0.0000 are neutral; tiny matrices stay pale', () => {
  const scale = cellScale([0.00001, -0.00002]);
  expect(scale).toBe(0.01);
  expect(cellIndex(0.00001, scale)).toBe(128);
  expect(cellIndex(-0.00004, 0.00004)).toBe(128);
  // 0.00006 prints 0.0001: coloured, but pale next to a floor of 0.01.
  expect(Math.abs(cellIndex(0.00006, cellScale([0.00006])) - 128)).toBeLessThan(3);
  expect(cellIndex(-1, 1)).toBe(0);
  expect(cellIndex(1, 1)).toBe(255);
});

test("the page's events: every listener hears, in order, past one that throws; the API once", async () => {
  const heard = [];
  events.onState((s) => heard.push(`a${s.step}`));
  events.onState(() => {
    throw new Error('a broken tool');
  });
  events.onState((s) => heard.push(`b${s.step}`));
  events.onRun((r) => heard.push(`run${r.rows}`));
  events.onLanguage((lang) => heard.push(lang));
  const errors = console.error;
  console.error = () => {};
  events.emit('state', { step: 3 });
  console.error = errors;
  events.emit('run', { rows: 4 });
  events.emit('language', 'en');
  expect(heard).toEqual(['a3', 'b3', 'run4', 'en']);
  const early = events.whenApi();
  events.apiReady({ name: 'api' });
  expect((await early).name).toBe('api');
  expect((await events.whenApi()).name).toBe('api');
});

test("Play's pace: the stepping gets what the frame's other work leaves of a display frame", () => {
  const { FRAME_MS, MIN_STEP_MS, STEP_BUDGET_MS, createPacer, stepBudget } = pace;
  expect(stepBudget(0)).toBe(STEP_BUDGET_MS);
  expect(stepBudget(6)).toBe(FRAME_MS - 6);
  // Less than the fewest steps' time left: every other display frame instead.
  expect(stepBudget(FRAME_MS - MIN_STEP_MS + 1)).toBe(STEP_BUDGET_MS);
  expect(stepBudget(2 * FRAME_MS - 5)).toBe(5);
  // A fake clock: each step takes 0.5 ms, the drawing 6 ms.
  let clock = 0;
  const pacer = createPacer(() => clock);
  const frame = () => {
    const start = clock;
    const done = pacer.run(1000, (k) => {
      clock += 0.5 * k;
    });
    clock += 6;
    pacer.frameDone(clock - start);
    return done;
  };
  // (The first frames learn the step's and the drawing's times.)
  for (let i = 0; i < 20; i++) frame();
  const steady = frame();
  expect(steady * 0.5 + 6).toBeLessThanOrEqual(FRAME_MS + 0.5);
  expect(steady * 0.5).toBeGreaterThanOrEqual(MIN_STEP_MS);

  // Each frame's script takes 4 ms besides the stepping, 2 of them drawing the panels; the
  // canvases rasterise 3 ms after it, 2 of them the panels' known share. A frame whose
  // panels are expected to cost 3 ms leaves the stepping what the rest (2 + 1 ms) leaves of
  // FRAME_MS; one whose panels cost 4 ms more steps that much less; one whose panels leave
  // less than MIN_STEP_MS aims at two display frames.
  const drawn = (drawing) => {
    const start = clock;
    const done = pacer.run(
      1000,
      (k) => {
        clock += 0.5 * k;
      },
      drawing,
    );
    clock += 4;
    pacer.frameDone(clock - start, 2);
    pacer.afterFrame(3, 2);
    return done;
  };
  for (let i = 0; i < 20; i++) drawn(3);
  const light = drawn(3);
  expect(light * 0.5).toBeCloseTo(FRAME_MS - 3 - 3, 0);
  expect((light - drawn(7)) * 0.5).toBeCloseTo(4, 0);
  expect(drawn(12) * 0.5).toBeCloseTo(STEP_BUDGET_MS, 0);
  // 3 ms after each frame's script: the canvases rasterise on this thread; a pacer that saw
  // only short times after its frames (a GPU's) never has the panels read back.
  expect(pacer.rasterHere()).toBe(true);
  const gpu = createPacer(() => clock);
  for (let i = 0; i < 20; i++) gpu.afterFrame(0.3, 0);
  expect(gpu.rasterHere()).toBe(false);
});

test("the page's first wasm module is the full one without the tools: the same imports, the same exports but the tools'", () => {
  // The full module's bindings drive the first module too (xtask/src/wasm_pkg.rs).
  const module = (f) =>
    new WebAssembly.Module(readFileSync(new URL(`../../dist/pkg/${f}`, import.meta.url)));
  const [full, first] = ['backstep_wasm_bg.wasm', 'backstep_first_bg.wasm'].map(module);
  const names = (list) => list.map((e) => `${e.module ?? ''}.${e.name}:${e.kind}`);
  const fullImports = new Set(names(WebAssembly.Module.imports(full)));
  expect(names(WebAssembly.Module.imports(first)).filter((i) => !fullImports.has(i))).toEqual([]);
  const firstExports = new Set(WebAssembly.Module.exports(first).map((e) => e.name));
  const missing = WebAssembly.Module.exports(full)
    .map((e) => e.name)
    .filter((e) => !firstExports.has(e));
  expect(missing.sort()).toEqual(TOOL_METHODS.map((m) => `trainer_${m}`).sort());
  expect(
    [...firstExports].filter((e) => !WebAssembly.Module.exports(full).some((f) => f.name === e)),
  ).toEqual([]);
});
