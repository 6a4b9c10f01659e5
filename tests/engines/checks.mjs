// The core checks every engine must pass, written against the small driver of run.mjs (goto,
// eval, click, key, errors): the article's numbers by Step and Sub-step, presenter view and
// the keys, back and seek, the class link, save and resume, two runs side by side and a pass
// along the edges, no request off the page's origin under its Content-Security-Policy, and no
// console error.

import assert from 'node:assert/strict';

/** Waits until `fn` (run in the page) returns a value that `ok` accepts; resolves to it. */
export async function until(d, fn, ok, what, ...args) {
  const deadline = Date.now() + 30_000;
  let last;
  while (Date.now() < deadline) {
    last = await d.eval(fn, ...args);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waited 30 s for ${what}; last saw ${JSON.stringify(last)}`);
}

/** Pages opened so far: each gets its own query, so that it is a new document (a URL that
 *  differs from the last only in its hash would not reload the page). */
let opened = 0;

/** Opens `path` (`/` and maybe a hash) as a new document and waits for the automation API and
 *  the first frame. */
async function open(d, path = '/') {
  const [, hash = ''] = path.split('#');
  opened++;
  await d.goto(`/?page=${opened}${hash ? `#${hash}` : ''}`);
  await until(
    d,
    () => !!window.backstep && performance.getEntriesByName('backstep:first-frame').length > 0,
    Boolean,
    'the first frame',
  );
}

const state = (d) => d.eval(() => window.backstep.state());
const api = (d, fn, ...args) => d.eval((f, a) => window.backstep[f](...a), fn, args);
const stepIs = (d, n, what) =>
  until(
    d,
    () => window.backstep.state().step,
    (s) => s === n,
    what,
  );

export const CHECKS = [
  [
    'the page loads with its CSP, no request off its origin, and a worker takes the run',
    async (d) => {
      await open(d);
      await until(
        d,
        () => window.backstep.engine(),
        (e) => e === 'worker',
        'the worker',
      );
      const csp = await d.eval(
        () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
      );
      assert.match(csp ?? '', /default-src 'none'|default-src 'self'/);
      const off = await d.eval(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => !u.startsWith(location.origin) && !/^(blob|data):/.test(u)),
      );
      assert.deepEqual(off, []);
    },
  ],
  [
    "the article's run by Step prints 2.0640 then 0.7897",
    async (d) => {
      await open(d);
      await d.click('[data-action="step"]');
      await until(
        d,
        () => document.querySelector('#loss-value')?.textContent,
        (t) => t === '2.0640',
        '2.0640',
      );
      await d.click('[data-action="step"]');
      await until(
        d,
        () => document.querySelector('#loss-value')?.textContent,
        (t) => t === '0.7897',
        '0.7897',
      );
      assert.equal((await state(d)).step, 2);
    },
  ],
  [
    'Sub-step visits forward 0 1 2, the loss (2.0640), backward 2 1 0 and the update',
    async (d) => {
      await open(d);
      const seen = [];
      for (let i = 0; i < 8; i++) {
        const before = JSON.stringify(await state(d));
        await d.click('[data-action="substep"]');
        const s = await until(
          d,
          () => window.backstep.state(),
          (s) => JSON.stringify(s) !== before,
          'a sub-step',
        );
        seen.push(s.layer == null ? s.phase : `${s.phase} ${s.layer}`);
        if (s.phase === 'loss') assert.equal(s.loss.toFixed(4), '2.0640');
      }
      assert.deepEqual(seen, [
        'forward 0',
        'forward 1',
        'forward 2',
        'loss',
        'backward 2',
        'backward 1',
        'backward 0',
        'update',
      ]);
    },
  ],
  [
    'presenter view (F) and the keys → ← S PageDown PageUp',
    async (d) => {
      await open(d);
      await d.click('[data-action="reset"]');
      await d.key('f');
      await until(
        d,
        () => document.documentElement.classList.contains('presenter'),
        Boolean,
        'presenter view',
      );
      await d.key('ArrowRight');
      await stepIs(d, 1, '→ steps');
      await d.key('ArrowLeft');
      await stepIs(d, 0, '← goes back');
      await d.key('PageDown');
      await stepIs(d, 1, 'PageDown steps');
      await d.key('PageUp');
      await stepIs(d, 0, 'PageUp goes back');
      await d.key('s');
      await until(
        d,
        () => window.backstep.state().phase,
        (p) => p === 'forward',
        'S sub-steps',
      );
      await d.key('f');
      await until(
        d,
        () => document.documentElement.classList.contains('presenter'),
        (p) => !p,
        'presenter view off',
      );
    },
  ],
  [
    'back and seek equal a fresh run stepped k times',
    async (d) => {
      await open(d);
      await api(d, 'step', 6);
      await api(d, 'back', 2);
      const back = await api(d, 'snapshot');
      await api(d, 'seek', 1);
      const seek = await api(d, 'snapshot');
      await api(d, 'reset');
      await api(d, 'step', 4);
      assert.deepEqual(back, await api(d, 'snapshot'));
      await api(d, 'reset');
      await api(d, 'step', 1);
      assert.deepEqual(seek, await api(d, 'snapshot'));
    },
  ],
  [
    'the class link reopens the run at its step, exactly',
    async (d) => {
      await open(d, '/#lr=0.05&seed=7');
      await api(d, 'step', 9);
      const url = await until(
        d,
        () => window.backstep.url(),
        (u) => u.includes('step=9'),
        'the link',
      );
      const want = await api(d, 'snapshot');
      await open(d, `/${url.slice(url.indexOf('#'))}`);
      await stepIs(d, 9, 'the replayed step');
      assert.deepEqual(await api(d, 'snapshot'), want);
    },
  ],
  [
    'Save at step k, load it: the run resumes at k and its next step is the same',
    async (d) => {
      await open(d);
      await api(d, 'step', 5);
      const saved = await api(d, 'save');
      await api(d, 'step', 1);
      const want = await api(d, 'snapshot');
      await api(d, 'reset');
      await api(d, 'load', saved);
      assert.equal((await state(d)).step, 5);
      await api(d, 'step', 1);
      assert.deepEqual(await api(d, 'snapshot'), want);
    },
  ],
  [
    'two runs side by side step together; a sub-step sends its pass along the edges',
    async (d) => {
      await open(d);
      const spec = await api(d, 'spec');
      await api(d, 'load', { ...spec, optimizer: { ...spec.optimizer, lr: 0.5 } });
      await api(d, 'step', 4);
      const alone = await state(d);
      await open(d);
      await api(d, 'compare', { what: 'lr', value: 0.5 });
      await api(d, 'step', 4);
      const v = await api(d, 'compared');
      assert.deepEqual([v.step, v.lossAfter], [4, alone.lossAfter]);
      await api(d, 'compare', null);
      // This engine's default: motion allowed, so the sub-step through layers[0] sends x·W
      // (on the worker: a pass started before the hand-over is not replayed there).
      await api(d, 'handOver');
      await api(d, 'substep');
      assert.deepEqual((await api(d, 'flowing')).last, {
        forward: true,
        from: 0,
        to: 1,
        pulses: 8,
      });
    },
  ],
  [
    'no console error in any of the above',
    async (d) => {
      assert.deepEqual(await d.errors(), []);
    },
  ],
  [
    'the CSP is enforced: an inline script added to the page is refused, not run',
    async (d) => {
      // Last: the browser logs the refusal as an error on the console.
      await open(d);
      const got = await d.eval(
        () =>
          new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', (e) =>
              resolve(e.effectiveDirective),
            );
            const s = document.createElement('script');
            s.textContent = 'window.backstepInlineRan = true';
            document.head.append(s);
            // Either the refusal's event or the script's effect shows which happened.
            queueMicrotask(() => window.backstepInlineRan && resolve('ran'));
          }),
      );
      assert.match(got, /^script-src/);
    },
  ],
];
