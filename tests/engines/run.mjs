// Runs the core checks (checks.mjs) in one engine, `node tests/engines/run.mjs firefox|webkit`,
// against the site at BACKSTEP_URL (`cargo xtask engines` serves it). Prints one line per
// check, `ENGINE ok NAME` or `ENGINE FAILED NAME: why`, which the xtask counts; exits 1 if any
// failed. A driver offers goto(path), eval(fn, ...args), click(selector), key(name), errors()
// and close(), and may offer crashes(): how often the browser's own content process crashed.
// A check during which that process crashed (its own output says so, or the WebDriver dropped
// the session for a page crash) runs once more in a new session, and its line says so; a check
// that fails without a crash, or fails again, is a failure.

import { CHECKS } from './checks.mjs';
import { firefox } from './firefox.mjs';
import { webkit } from './webkit.mjs';

const engine = process.argv[2];
const drivers = { firefox, webkit };
if (!drivers[engine]) {
  console.error(`usage: node tests/engines/run.mjs ${Object.keys(drivers).join('|')}`);
  process.exit(2);
}
const base = process.env.BACKSTEP_URL;
let d = await drivers[engine](base);
let failed = 0;
const crashes = () => d.crashes?.() ?? 0;
try {
  for (const [name, check] of CHECKS) {
    const start = Date.now();
    const before = crashes();
    let note = '';
    try {
      try {
        await check(d);
      } catch (e) {
        // A crash shows in the browser's own output (crashedSince), or in the WebDriver's
        // answer when it dropped the session for it ("session deleted because of page crash").
        const dropped = /page crash/.test(String(e?.message));
        if (!dropped && !(await d.crashedSince?.(before))) throw e;
        // The engine's content process crashed under the check: a new session, once.
        note = '; the browser crashed, so it ran again in a new session';
        await d.close();
        d = await drivers[engine](base);
        await check(d);
      }
      console.log(`${engine} ok ${name} (${((Date.now() - start) / 1000).toFixed(1)}s${note})`);
    } catch (e) {
      failed++;
      console.log(
        `${engine} FAILED ${name}: ${String(e.message).split('\n').slice(0, 6).join(' | ')}`,
      );
    }
  }
} finally {
  await d.close();
}
process.exit(failed ? 1 : 0);
