// Playwright runs the page's tests (tests/e2e) against the site that `cargo xtask test` builds
// and serves; the browser is the system Chromium (see tests/e2e/fixtures.mjs).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  workers: 2,
  // No retry, on CI either: a test that fails once is a defect to fix (tests wait for
  // conditions, never for time).
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  // Reduced motion: a sub-step's pass along the edges (web/draw/flow.js) would otherwise be
  // in the network's pixels for half a second; tests/e2e/flow.spec.mjs turns it on.
  use: { baseURL: process.env.BACKSTEP_URL, reducedMotion: 'reduce' },
});
