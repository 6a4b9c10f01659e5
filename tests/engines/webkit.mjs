// The WebKit driver for the engine checks: WebKitGTK's MiniBrowser through WebKitWebDriver
// (Debian's webkit2gtk-driver), spoken to over WebDriver's HTTP protocol with fetch; run under
// xvfb-run, which gives MiniBrowser its display.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const DRIVER = process.env.BACKSTEP_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const BROWSER =
  process.env.BACKSTEP_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebDriver's codes for the keys the checks press. */
const KEYS = { ArrowRight: '\uE014', ArrowLeft: '\uE012', PageDown: '\uE00F', PageUp: '\uE00E' };

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Opens MiniBrowser; resolves to a driver (see run.mjs for what a driver offers). */
export async function webkit(base) {
  const port = await freePort();
  // Without accelerated compositing: under xvfb its OpenGL is Mesa's llvmpipe, whose LLVM
  // shader compiler crashed the web process in about half the runs of these checks (a core's
  // backtrace: llvm::SelectionDAG::LegalizeTypes under swrast_dri.so under libwebkit2gtk's
  // compositor), in a different check each time; none in 11 runs without it.
  const driver = spawn(DRIVER, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WEBKIT_DISABLE_COMPOSITING_MODE: '1' },
  });
  // MiniBrowser's messages come through the driver's stderr: passed on, and a crash of its web
  // process (WebKitGTK's, not the page's) counted.
  let crashes = 0;
  driver.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    crashes += String(chunk).split('WebProcess CRASHED').length - 1;
  });
  const root = `http://127.0.0.1:${port}`;
  const send = async (method, path, body) => {
    const r = await fetch(root + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  // The driver is ready when its status says so.
  for (;;) {
    const ready = await fetch(`${root}/status`).then(
      (r) => r.json().then((j) => j.value?.ready),
      () => false,
    );
    if (ready) break;
    if (driver.exitCode !== null) throw new Error(`${DRIVER} exited (${driver.exitCode})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const session = await send('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
      },
    },
  });
  const s = `/session/${session.sessionId}`;
  await send('POST', `${s}/timeouts`, { script: 120_000, pageLoad: 120_000 });
  const seen = [];
  const call = async (fn, args) => {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(...arguments[0])).then(
        (v) => done({ ok: v === undefined ? null : v }),
        (e) => done({ err: String(e && e.message || e) }));`;
    const out = await send('POST', `${s}/execute/async`, { script, args: [args] });
    if (out.err !== undefined) throw new Error(out.err);
    return out.ok;
  };
  // The page's own errors, recorded from the moment each document is opened by the checks.
  const record = () =>
    call(() => {
      if (window.backstepErrors) return;
      window.backstepErrors = [];
      const keep = console.error.bind(console);
      console.error = (...a) => {
        window.backstepErrors.push(a.join(' '));
        keep(...a);
      };
      window.addEventListener('error', (e) => window.backstepErrors.push(e.message));
      window.addEventListener('unhandledrejection', (e) =>
        window.backstepErrors.push(String(e.reason)),
      );
    }, []);
  // This document's errors so far, moved to `seen`.
  const collect = async () => {
    seen.push(...(await call(() => window.backstepErrors?.splice(0) ?? [], []).catch(() => [])));
  };
  return {
    /** How many times MiniBrowser's web process crashed in this session. */
    crashes: () => crashes,
    /** Whether it crashed more than `n` times, once its message is in (at most 1 s after a
     *  failed command: the driver may answer before MiniBrowser's line arrives). */
    crashedSince: async (n) => {
      for (let waited = 0; crashes <= n && waited < 1000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      return crashes > n;
    },
    errors: async () => {
      await collect();
      return seen;
    },
    goto: async (path) => {
      await collect();
      await send('POST', `${s}/url`, { url: new URL(path, base).href });
      await record();
    },
    eval: (fn, ...args) => call(fn.toString(), args),
    click: async (selector) => {
      const el = await send('POST', `${s}/element`, { using: 'css selector', value: selector });
      await send('POST', `${s}/element/${Object.values(el)[0]}/click`, {});
    },
    key: (key) => {
      const value = KEYS[key] ?? key;
      return send('POST', `${s}/actions`, {
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              { type: 'keyDown', value },
              { type: 'keyUp', value },
            ],
          },
        ],
      });
    },
    close: async () => {
      await send('DELETE', s).catch(() => {});
      driver.kill();
    },
  };
}
