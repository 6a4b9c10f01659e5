// Playwright runs the page's tests (tests/e2e) against the site that `cargo xtask test` builds
// and serves; the browser is the system Chromium (see tests/e2e/fixtures.mjs).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  workers: 2,
  // On CI a test that fails once runs again (a shared 2-core machine); a flaky one is reported.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: { baseURL: process.env.BACKSTEP_URL },
});
