// The network's value labels in presenter view: after a divergence (a value too long for its
// circle) at both sizes and in both languages, and through circle's 2-8-8-1 cycle at both
// sizes, no value lies over a circle, a caption or another label.
import { call, expect, open, state, test } from './fixtures.mjs';
import { drawn, labelProblems, STAGE } from './stage-checks.mjs';

test("circle's 2-8-8-1 at both sizes: no value over a circle, a caption or another", async ({
  page,
}) => {
  // At 1024×768 the hidden columns' values once lay under the next column's circles.
  for (const [w, h, lang] of [
    [1280, 720, 'en'],
    [1024, 768, 'ja'],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await open(page, `/#dataset=circle&present=1&lang=${lang}`);
    for (let k = 0; k <= 9; k++) {
      const s = k ? await call(page, 'substep') : await state(page);
      await drawn(page, s);
      const { items } = await call(page, 'layout');
      expect(labelProblems(items), `${w}×${h} ${k} ${s.phase} ${s.layer}`).toEqual([]);
    }
  }
  expect(page.errors).toEqual([]);
});

test('after a divergence, a value too long for its circle sits beside it, over nothing', async ({
  page,
}) => {
  // At 1024×768 the output's tab once went left of it, over the hidden neurons.
  for (const [w, h] of [
    [1280, 720],
    [1024, 768],
  ]) {
    for (const lang of ['ja', 'en']) {
      await page.setViewportSize({ width: w, height: h });
      await open(page, `/#present=1&lang=${lang}&lr=100`);
      await call(page, 'handOver');
      await page.evaluate(() => window.backstep.step(50).catch(() => null));
      const s = await state(page);
      expect(s.error).toBeTruthy();
      await drawn(page, s);
      const { items } = await page.evaluate(() => window.backstep.layout());
      // The output's value is past 1e4 (printed as 1.30e+18 and the like), wider than its
      // circle.
      const where = `${w}×${h} ${lang}`;
      expect(
        items.some((i) => i.kind === 'label' && /^value 2:/.test(i.name)),
        where,
      ).toBe(true);
      expect(labelProblems(items), where).toEqual([]);
      await page.screenshot({ path: `${STAGE}/diverged-${w}x${h}-${lang}.png` });
    }
  }
  expect(page.errors).toEqual([]);
});
