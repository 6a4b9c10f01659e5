// The matrices panel's heatmaps in presenter view, past the article's four samples: with a batch
// of 10 (circle's default net), forward through layers[0] shows W and b (as numbers at
// 1280×720), and x and z, too large ever to print, share a shelf of their own below them, large
// enough to read (they once took a shelf each between the others, with cells 3 px tall);
// nothing is cut.
import { call, expect, open, SHOTS, test } from './fixtures.mjs';

for (const [w, h, lang] of [
  [1280, 720, 'ja'],
  [1024, 768, 'en'],
]) {
  test(`${w}×${h} in ${lang}: a batch of 10's x and z side by side, cells of 8 px or more`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await open(page, `/#dataset=circle&present=1&lang=${lang}`);
    await call(page, 'substep');
    const find = (items, name) => items.find((i) => i.kind === 'matrix' && i.name === name);
    // The drawing of forward through layers[0] has reached the page.
    await expect
      .poll(async () => {
        const { items } = await call(page, 'layout');
        return ['x', 'W', 'b', 'y'].every((n) => find(items, n));
      })
      .toBe(true);
    const { viewport, items } = await call(page, 'layout');
    const [x, W, b, z] = ['x', 'W', 'b', 'y'].map((n) => find(items, n));
    for (const m of [x, W, b, z]) {
      expect(m.clipped, m.name).toBe(false);
      expect(m.y + m.h, m.name).toBeLessThanOrEqual(viewport.h);
    }
    // At 1024×768 a row of 8 numbers is wider than the panel: W and b are heatmaps there too.
    if (w === 1280) expect([W.fontPx, b.fontPx].every((px) => px >= 18)).toBe(true);
    expect([x.fontPx, z.fontPx]).toEqual([null, null]);
    // One shelf, under the numbers.
    expect(Math.abs(x.y - z.y)).toBeLessThan(1);
    expect(x.y).toBeGreaterThan(b.y);
    // Their cells (3 px before), as layout() reports them.
    for (const m of [x, z]) expect(m.cellPx, m.name).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: `${SHOTS}/heatmaps-${w}x${h}-${lang}.png` });
    expect(page.errors).toEqual([]);
  });
}
