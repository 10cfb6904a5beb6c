import { join } from 'node:path';
import { X509Certificate, createHash } from 'node:crypto';
import { test as base, expect } from './fixtures';
import { createLoketHost, type LoketHost } from '../../electron/host';
import { startCentralServer, type CentralServer } from '../central/server';
import { DEMO_BRANCH } from '../../electron/demo/seed';
import { selfSignedServer } from '../support/tls-certs';

// Issue 16 item 4: a technician points the wizard at central over https. The server's
// certificate fingerprint is shown to compare with head office's before going on; enrolment pins
// it, and the counter talks to central over that pinned TLS from then on.

const test = base.extend<{ central: CentralServer & { fingerprint: string; pin: string } }>({
  host: async ({ dataDir }, use) => {
    const host: LoketHost = createLoketHost({ dataDir, logToStderr: true });
    await use(host);
    await host.close();
  },
  central: async ({ dataDir }, use) => {
    const tls = await selfSignedServer();
    const central = await startCentralServer({ dbPath: join(dataDir, 'central', 'central.sqlite'), tls });
    central.admin.createBranch(DEMO_BRANCH);
    const x509 = new X509Certificate(tls.cert);
    const pin = `sha256/${createHash('sha256').update(x509.publicKey.export({ type: 'spki', format: 'der' })).digest('base64')}`;
    await use(Object.assign(central, { fingerprint: x509.fingerprint256, pin }));
    await central.close();
  },
});

test('the wizard shows the https server\'s fingerprint, and enrolment pins it', async ({ page, host, central }) => {
  const { fingerprint } = central;
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await expect(page.getByRole('heading', { name: 'Penyiapan Loket' })).toBeVisible();
  // The step line stands apart from the first field's label (they ran together).
  const stepLine = (await page.getByText(/^Langkah 1 dari 5/).boundingBox())!;
  const firstLabel = (await page.locator('label', { hasText: 'Alamat server pusat' }).boundingBox())!;
  expect(firstLabel.y - (stepLine.y + stepLine.height)).toBeGreaterThanOrEqual(8);
  expect(central.url).toMatch(/^https:/);
  await page.getByLabel('Alamat server pusat').fill(central.url);
  await page.getByRole('button', { name: 'Periksa server' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Sertifikat server disematkan' });
  await expect(notice).toContainText(fingerprint);
  // Nothing goes on until the technician says the fingerprint matches.
  await expect(page.getByLabel('Kode pendaftaran sekali pakai')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sidik jari cocok, lanjut' }).click();

  await page.getByLabel('Kode cabang (5 angka)').fill(DEMO_BRANCH.code);
  await page.getByLabel('Nomor loket').fill('1');
  await page.getByLabel('Kode pendaftaran sekali pakai').fill(code);
  await page.getByRole('button', { name: 'Daftarkan loket' }).click();
  await expect(page.getByText(/Terdaftar sebagai KCU Nganjuk, loket 1/)).toBeVisible();
  expect(host.services.settings.get().central).toMatchObject({ url: central.url, tlsPin: central.pin });
});
