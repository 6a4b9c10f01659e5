// The Firefox driver for the engine checks: Debian's firefox-esr, driven over WebDriver BiDi
// by puppeteer-core (no downloaded browser), with a fresh profile, headless.

import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.BACKSTEP_FIREFOX || '/usr/bin/firefox-esr';

/** Opens Firefox; resolves to a driver (see run.mjs for what a driver offers). */
export async function firefox(base) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1366, height: 900 },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    errors: async () => errors,
    goto: (path) => page.goto(new URL(path, base).href),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    key: (key) => page.keyboard.press(key),
    close: () => browser.close(),
  };
}
