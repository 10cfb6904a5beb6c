import { defineConfig } from '@playwright/test';
import { register } from 'node:module';

register('./tests/e2e/json-import-hooks.mjs', import.meta.url);

// The Electron smoke test (tests/electron): run by `npm test` under xvfb-run where an Electron
// binary is present; see scripts/test.mjs.
const jsonFile = process.env.LOKET_PW_JSON;
export default defineConfig({
  testDir: 'tests/electron',
  workers: 1,
  retries: 0,
  timeout: 180_000,
  reporter: jsonFile ? [['list'], ['json', { outputFile: jsonFile }]] : [['list']],
  outputDir: 'test-results/electron',
});
