import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { test, expect, signIn } from './fixtures';
import { startCentralServer } from '../central/server';
import { DEMO_BRANCH } from '../../electron/demo/seed';
import { pinOf } from '../../electron/services/central/tls';
import { selfSignedServer } from '../support/tls-certs';

// Issue 16 item 4, in the field: head office changed its server's key. Sync is refused; the
// technician sees the new certificate's fingerprint in Diagnostik, compares it with head
// office's, and pins the new key.

test('a technician re-pins the central server\'s new key from Diagnostik', async ({ page, host, dataDir }) => {
  const tls = await selfSignedServer();
  const central = await startCentralServer({ dbPath: join(dataDir, 'central', 'central.sqlite'), tls });
  try {
    central.admin.createBranch(DEMO_BRANCH);
    const oldPin = pinOf({ raw: new X509Certificate((await selfSignedServer()).cert).raw });
    const newPin = pinOf({ raw: new X509Certificate(tls.cert).raw });
    const fingerprint = new X509Certificate(tls.cert).fingerprint256;
    host.services.settings.update((cur) => ({ ...cur, central: { ...cur.central, url: central.url, token: 'x'.repeat(40), deviceId: 'dev-1', tlsPin: oldPin } }));

    await signIn(page, 'teknisi');
    await page.keyboard.press('F9');
    const warning = page.getByTestId('tls-other-key');
    await expect(warning).toContainText(fingerprint);
    await page.getByRole('button', { name: 'Sidik jari cocok dengan kantor pusat: sematkan kunci baru' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kunci server yang baru disematkan.' })).toBeVisible();
    await expect(warning).toHaveCount(0);
    expect(host.services.settings.get().central.tlsPin).toBe(newPin);
  } finally {
    await central.close();
  }
});
