import { join } from 'node:path';
import { test as base, expect, signIn } from './fixtures';
import { createLoketHost, type LoketHost } from '../../electron/host';
import { startCentralServer, type CentralServer } from '../central/server';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { DEMO_BRANCH } from '../../electron/demo/seed';

// A technician sets up a counter from an empty data folder: the wizard enrols it with the
// central double, sets up the virtual printer and prints a test page, makes the branch's
// recovery key (printed for the safe), creates the first head and their own account; then they
// add a teller, who can sign in.

const test = base.extend<{ central: CentralServer; printer: VirtualPrinter }>({
  // The same host as the fixture's, but NOT seeded: a fresh install.
  host: async ({ dataDir }, use) => {
    const host: LoketHost = createLoketHost({ dataDir, logToStderr: true });
    await use(host);
    await host.close();
  },
  central: async ({ dataDir }, use) => {
    const central = await startCentralServer({ dbPath: join(dataDir, 'central', 'central.sqlite') });
    central.admin.createBranch(DEMO_BRANCH);
    await use(central);
    await central.close();
  },
  printer: async ({ dataDir }, use) => {
    const printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
    await use(printer);
    await printer.close();
  },
});

test('a technician runs the wizard, prints a test page, and a teller signs in afterwards', async ({ page, host, central, printer }) => {
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await expect(page.getByRole('heading', { name: 'Penyiapan Loket' })).toBeVisible();

  // 1. The central server.
  await page.getByLabel('Alamat server pusat').fill('http://tidak ada');
  await page.getByRole('button', { name: 'Periksa server' }).click();
  await expect(page.getByLabel('Alamat server pusat')).toHaveAccessibleDescription(/^Isi alamat lengkap/);
  // Plain http:// to another machine would carry workers' personal data in clear.
  await page.getByLabel('Alamat server pusat').fill('http://10.20.30.40:8080');
  await page.getByRole('button', { name: 'Periksa server' }).click();
  await expect(page.getByLabel('Alamat server pusat')).toHaveAccessibleDescription(/^Server pusat harus memakai https:\/\//);
  await page.getByLabel('Alamat server pusat').fill(central.url);
  await page.getByRole('button', { name: 'Periksa server' }).click();

  // 2. Enrolment: a wrong code is said next to its field, then the right one enrols.
  await page.getByLabel('Kode cabang (5 angka)').fill(DEMO_BRANCH.code);
  await page.getByLabel('Nomor loket').fill('1');
  await page.getByLabel('Kode pendaftaran sekali pakai').fill('ZZZZ-9999');
  await page.getByRole('button', { name: 'Daftarkan loket' }).click();
  await expect(page.getByLabel('Kode pendaftaran sekali pakai')).toHaveAccessibleDescription(/^Kode pendaftaran tidak dikenal/);
  await page.getByLabel('Kode pendaftaran sekali pakai').fill(code);
  await page.getByRole('button', { name: 'Daftarkan loket' }).click();
  await expect(page.getByText(/Terdaftar sebagai KCU Nganjuk, loket 1 \(64400-01\), zona waktu WIB/)).toBeVisible();
  expect(host.services.settings.get().central.token).not.toBe('');

  // 3. The printer: the virtual one, a test page that arrives there.
  await page.getByLabel('Jenis printer').selectOption('virtual');
  await page.getByLabel('Port').fill(String(printer.port));
  await page.getByLabel('Lebar kertas').selectOption('80');
  await page.getByLabel('Karakter per baris').fill('48');
  // Short numbers get short fields, not the page's width.
  for (const label of ['Port', 'Karakter per baris']) expect((await page.getByLabel(label, { exact: true }).boundingBox())!.width).toBeLessThanOrEqual(144);
  await page.getByRole('button', { name: 'Cetak halaman uji' }).click();
  await expect(page.getByText(`Halaman uji terkirim ke tcp://127.0.0.1:${printer.port}`)).toBeVisible();
  const job = await printer.waitForJob(1);
  expect(job.decoded.lines).toContain('HALAMAN UJI PRINTER');
  await expect(page.getByLabel('Cetak halaman uji', { exact: true })).toContainText('HALAMAN UJI PRINTER');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // 4. The branch's recovery key: shown once, printed for the safe, confirmed as stored.
  await expect(page.getByText('Langkah 4 dari 5')).toBeVisible();
  await page.getByRole('button', { name: 'Buat kunci pemulihan' }).click();
  await expect(page.locator('#recovery-key')).toContainText('AGE-SECRET-KEY-1');
  const shownKey = (await page.locator('#recovery-key').textContent())!.replace(/\s+/g, '');
  await page.getByRole('button', { name: 'Cetak untuk brankas' }).click();
  await expect(page.getByText(`Kunci tercetak di tcp://127.0.0.1:${printer.port}.`)).toBeVisible();
  const slip = await printer.waitForJob(2);
  expect(slip.decoded.lines).toContain('KUNCI PEMULIHAN CADANGAN');
  expect(slip.decoded.lines.join('').replace(/\s+/g, '')).toContain(shownKey);
  const stored = page.getByRole('button', { name: 'Kunci sudah disimpan' });
  await expect(stored).toBeDisabled();
  await page.getByLabel('Saya sudah menyimpan kunci ini di tempat aman (brankas cabang).').check();
  await stored.click();
  expect(host.services.settings.get().backup.recoveryRecipient).toMatch(/^age1/);
  expect(JSON.stringify(host.services.settings.get())).not.toContain(shownKey.slice(16));

  // 5. The first head and the technician's own account.
  const head = page.getByRole('group', { name: 'Kepala cabang' });
  await head.getByLabel('Nama lengkap').fill('Bambang Wijaya');
  await head.getByLabel('Nama pengguna').fill('kepala');
  await head.getByLabel('PIN (6 angka)').fill('123456');
  await head.getByLabel('Ulangi PIN').fill('123456');
  const tech = page.getByRole('group', { name: 'Akun teknisi' });
  await tech.getByLabel('Nama lengkap').fill('Dedi Kurniawan');
  await tech.getByLabel('Nama pengguna').fill('teknisi');
  await tech.getByLabel('PIN (6 angka)').fill('999999');
  await tech.getByLabel('Ulangi PIN').fill('999998');
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();
  await expect(tech.getByLabel('Ulangi PIN')).toHaveAccessibleDescription('Kedua PIN tidak sama.');
  await tech.getByLabel('Ulangi PIN').fill('999999');
  await page.getByRole('button', { name: 'Selesaikan penyiapan' }).click();
  await expect(page.getByText('Penyiapan selesai.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Ke halaman masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();

  // The technician adds a teller on the users screen.
  await signIn(page, 'teknisi', '999999');
  await expect(page.getByRole('contentinfo')).toContainText('Siap'); // the printer light is real
  await page.keyboard.press('F10');
  await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Tambah pengguna' });
  await form.getByLabel('Nama lengkap').fill('Siti Rahayu');
  await form.getByLabel('Nama pengguna').fill('siti');
  await form.getByLabel('Peran').selectOption('teller');
  await form.getByLabel('PIN (6 angka)').fill('111111');
  await form.getByLabel('Ulangi PIN').fill('111111');
  await form.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pengguna siti dibuat.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Daftar pengguna' })).toContainText('Siti Rahayu');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk', level: 1 })).toBeVisible();

  // The teller signs in on the set-up counter.
  await signIn(page, 'siti', '111111');
  await expect(page.getByRole('contentinfo')).toContainText('KCU Nganjuk');
  await expect(page.getByRole('contentinfo')).toContainText('Siti Rahayu');
});
