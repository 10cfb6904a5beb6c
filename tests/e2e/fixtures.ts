import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLoketHost, type LoketHost } from '../../electron/host';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { seedDemoCounter, DEMO_USERS } from '../../electron/demo/seed';
import { logMark, logSince, useTestLogFile } from '../support/test-logs';

// Every test gets a counter of its own: a fresh data folder, the real services seeded with
// the demo branch and users, and the loopback bridge serving the built renderer. The page is
// already open at the bridge's address (token in the fragment).

const STATIC_DIR = resolve(process.env.LOKET_RENDERER_DIR ?? 'dist/renderer');
// A mutating procedure that writes no audit row fails the call in tests.
process.env.LOKET_STRICT_AUDIT = '1';
useTestLogFile();

export interface LoketFixtures {
  host: LoketHost;
  bridge: Bridge;
  dataDir: string;
  /** Content-Security-Policy violations the page reported; checked empty after each test. */
  cspViolations: string[];
}

export const test = base.extend<LoketFixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use, testInfo) => {
    const mark = logMark();
    const host = createLoketHost({ dataDir, logToStderr: true });
    await seedDemoCounter(host.services);
    await use(host);
    await host.close();
    // The services' log goes to a file; a failing test carries its own lines in the report.
    if (testInfo.status !== testInfo.expectedStatus) {
      const lines = logSince(mark);
      if (lines) await testInfo.attach('service-log', { body: lines, contentType: 'text/plain' });
    }
  },
  bridge: async ({ host }, use) => {
    const bridge = await startBridge({ router: host.router, staticDir: STATIC_DIR });
    await use(bridge);
    await bridge.close();
  },
  cspViolations: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text()) && /Refused/i.test(msg.text())) seen.push(msg.text());
    });
    await use(seen);
  },
  page: async ({ page, bridge, cspViolations }, use) => {
    await page.goto(bridge.url);
    await use(page);
    expect(cspViolations, 'the page broke its Content-Security-Policy').toEqual([]);
  },
});

export { expect };

export function demoUser(username: string) {
  const u = DEMO_USERS.find((d) => d.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}

/** Fills the sign-in form and submits it; does not wait for the outcome. */
export async function submitSignIn(page: Page, username: string, pin: string): Promise<void> {
  await page.getByLabel('Nama pengguna').or(page.getByLabel('User name')).fill(username);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
}

/** Signs in and waits for the shell (its status bar) to be there. */
export async function signIn(page: Page, username: string, pin?: string): Promise<void> {
  await submitSignIn(page, username, pin ?? demoUser(username).pin);
  await expect(page.getByRole('contentinfo')).toBeVisible();
}
