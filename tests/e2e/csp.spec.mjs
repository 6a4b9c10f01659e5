// The Content-Security-Policy (xtask/src/csp.rs) on the served page and on the single file: with
// every non-local request blocked, each still runs the article's steps, in the page and in the
// worker, with no policy violation; and the policy refuses inline code and remote origins.

import { pathToFileURL } from 'node:url';
import { expect, open, test } from './fixtures.mjs';

/** Blocks every request that leaves this machine, and records policy violations in the page. */
async function offline(page) {
  page.blocked = [];
  await page.context().route('**/*', (route) => {
    const u = new URL(route.request().url());
    const local =
      ['file:', 'blob:', 'data:'].includes(u.protocol) ||
      u.hostname === '127.0.0.1' ||
      u.hostname === 'localhost';
    if (local) return route.continue();
    page.blocked.push(u.href);
    return route.abort();
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

for (const [name, url] of [
  ['the served page', () => '/'],
  ['the single file', () => pathToFileURL(process.env.BACKSTEP_BUNDLE).href],
]) {
  test(`${name} runs under its Content-Security-Policy with the network blocked`, async ({
    page,
  }) => {
    await offline(page);
    await open(page, url());
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
    );
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toMatch(/https?:|\*/);
    await page.click('[data-action="step"]');
    await expect(page.locator('#loss-value')).toHaveText('2.0640');
    // The worker compiles the same wasm under the same policy (from a blob URL in the single file).
    expect(await page.evaluate(() => window.backstep.handOver())).toBe('worker');
    await page.click('[data-action="step"]');
    await expect(page.locator('#loss-value')).toHaveText('0.7897');
    const s = await page.evaluate(() => window.backstep.step(10));
    expect(s.step).toBe(12);
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(page.blocked).toEqual([]);
    // The policy refuses what the page never does: inline code, and a request to another origin.
    const probes = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        (e) => e.name,
      );
      return { inline: window.inlineRan ?? false, fetched };
    });
    expect(probes).toEqual({ inline: false, fetched: 'TypeError' });
    const directives = () =>
      page.evaluate(() => window.cspViolations.map((v) => v.split(' ')[0]).sort());
    await expect.poll(directives).toEqual(['connect-src', 'script-src-elem']);
  });
}
