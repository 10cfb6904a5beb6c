import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { RENDERER_CSP } from '../../shared/csp';
import { seedParticipant } from '../integration/payment/helpers';

// The real Electron shell, where an Electron binary is present (scripts/test.mjs runs this under
// xvfb-run only then, and says so when it is not): a teller signs in and takes a payment in the
// window, through IPC (the page is the packaged file, not the loopback bridge), the window's
// security switches are checked as Electron reports them at run time, and the app quits.

const require = createRequire(import.meta.url);

test('the shell starts, a teller takes a payment through IPC, and the window is locked down', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-electron-'));
  try {
    // A counter with its users and one worker, written by the plain-Node services.
    const seed = createLoketHost({ dataDir, logToStderr: true });
    await seedDemoCounter(seed.services);
    seedParticipant(seed.services, { name: 'SRI WAHYUNI' });
    await seed.close();

    const app = await electron.launch({
      executablePath: require('electron') as unknown as string,
      args: [resolve('.')],
      env: { ...process.env, LOKET_DATA_DIR: dataDir } as Record<string, string>,
    });
    const win = await app.firstWindow();
    expect(win.url()).toMatch(/^file:.*\/dist\/renderer\/index\.html/);

    // Security, as Electron has it at run time.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return wc.getLastWebPreferences?.() ?? null;
    });
    if (prefs) expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    // Whatever the Electron version reports: the page itself has no Node and sees only the preload's one API.
    expect(await win.evaluate(() => Object.keys((globalThis as { loket?: object }).loket ?? {}))).toEqual(['call']);
    expect(await win.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await win.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(RENDERER_CSP);

    // A teller signs in and takes one month's contribution, by keyboard as at the counter.
    await win.getByLabel('Nama pengguna').fill('siti');
    await win.getByLabel('PIN', { exact: true }).fill('111111');
    await win.getByRole('button', { name: 'Masuk' }).click();
    await expect(win.getByRole('contentinfo')).toBeVisible();
    await win.keyboard.press('F3');
    const find = win.getByLabel('NIK, nomor KPJ atau nama');
    await find.fill('sri wahyuni');
    await find.press('Enter');
    await win.getByRole('button', { name: 'Pilih SRI WAHYUNI' }).press('Enter');
    await win.getByLabel('1 bulan', { exact: true }).check();
    await win.getByLabel('Uang diterima').fill('100000');
    await win.keyboard.press('Control+Enter');
    await expect(win.getByRole('heading', { name: 'Pembayaran tersimpan' })).toBeVisible();
    await app.close();

    // The payment is in the ledger file the shell wrote.
    const after = createLoketHost({ dataDir, logToStderr: true });
    const kinds = after.services.db.prepare('SELECT kind FROM ledger_entries ORDER BY seq').pluck().all();
    await after.close();
    expect(kinds).toEqual(['REGISTRATION', 'CONTRIBUTION']);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
