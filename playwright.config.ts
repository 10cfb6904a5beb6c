import { defineConfig } from '@playwright/test';
import { register } from 'node:module';

// JSON imports without `with { type: 'json' }` (fine for Vite, Vitest, tsx) must load here too.
register('./tests/e2e/json-import-hooks.mjs', import.meta.url);

// End-to-end tests: Debian's Chromium against the real UI through the loopback bridge.
// Each test gets its own data folder, services and bridge (tests/e2e/fixtures.ts).

const jsonFile = process.env.LOKET_PW_JSON;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 2,
  fullyParallel: true,
  // One retry on CI: a UI test that passes on its second try is reported as flaky, not hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: jsonFile ? [['list'], ['json', { outputFile: jsonFile }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-gpu',
        '--no-sandbox',
        '--disable-dev-shm-usage',
      ],
    },
  },
  outputDir: 'test-results/e2e',
});
