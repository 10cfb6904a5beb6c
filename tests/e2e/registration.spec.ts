import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { formatRupiah } from '../../shared/money';

// A teller registers a worker with the keyboard only: NIK first (it fills birth date, sex and
// region), Enter from field to field, selects by arrow keys, Ctrl+S to save; the slip comes out
// of the virtual printer and the payment screen opens with the worker chosen. A NIK already
// registered shows where and when, and leads to payment instead.

// A whole form by keyboard takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

let printer: VirtualPrinter | null = null;
test.afterEach(async () => {
  await printer?.close();
  printer = null;
});

test('registers a worker by keyboard only, prints the slip and lands on payment', async ({ page, host, dataDir }) => {
  const s = host.services;
  printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
  const port = printer.port;
  s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'virtual', port, paperWidth: 80, charsPerLine: 48 } }));
  const quote = s.registration.quote({ incomeBand: 1, jht: true, occupationCode: 'TRN01' });

  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { name: 'Pendaftaran Peserta BPU' })).toBeVisible();
  const nik = page.getByLabel('NIK (16 angka)');
  await expect(nik).toBeFocused();
  await page.keyboard.type('3518015705900001');
  await expect(nik).toHaveAccessibleDescription(/Menurut NIK: lahir 17 Mei 1990, Perempuan, diterbitkan di Sawahan/);
  const next = async (text?: string) => {
    if (text) await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  await next();
  await expect(page.getByLabel('Nama lengkap (sesuai KTP)')).toBeFocused();
  await next('SITI AMINAH');
  await next('SRI WAHYUNI'); // mother's maiden name
  await next('NGANJUK');
  await expect(page.getByLabel('Tanggal lahir')).toHaveValue('17/05/1990'); // from the NIK, day first
  await next();
  await expect(page.getByLabel('Jenis kelamin')).toHaveValue('F');
  await next();
  await next('0812-3456-7890');
  await next('Jl. Merdeka 1 RT 01/RW 02');
  await expect(page.getByLabel('Provinsi')).toHaveValue('35');
  await next();
  await expect(page.getByLabel('Kabupaten/Kota')).toHaveValue('3518');
  await next();
  await expect(page.getByLabel('Kecamatan')).toHaveValue('351801');
  await next();
  const village = page.getByLabel('Desa/Kelurahan');
  await expect(village).toBeFocused();
  await expect(village.locator('option')).not.toHaveCount(1); // the villages have loaded
  await page.keyboard.press('ArrowDown');
  await expect(village).toHaveValue('3518012001');
  await next();
  await page.keyboard.press('ArrowDown'); // the first occupation: ojek pangkalan (transport)
  await expect(page.getByLabel('Pekerjaan')).toHaveValue('TRN01');
  await next();
  const band = page.getByLabel('Golongan penghasilan per bulan');
  await expect(band.locator('option')).toHaveCount(34);
  await page.keyboard.press('ArrowDown');
  await expect(band).toHaveValue('1');
  await next();
  await expect(page.getByLabel('Ikut JHT (Jaminan Hari Tua, pilihan)')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('reg-total')).toHaveText(formatRupiah(quote.total));
  if (quote.reduction) await expect(page.getByRole('rowheader', { name: `Keringanan ${quote.reduction.regulation}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /Simpan pendaftaran Ctrl\+S \/ F12/ })).toBeVisible();
  await page.keyboard.press('Control+s');

  await expect(page.getByRole('heading', { level: 1, name: /^Pembayaran/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'SITI AMINAH' })).toBeVisible();
  const p = s.participants.byNik('3518015705900001')!;
  expect(p).toMatchObject({ name: 'SITI AMINAH', sex: 'F', phone: '+6281234567890', village_code: '3518012001', kpj: null, origin: 'local' });
  const job = await printer.waitForJob(1);
  expect(job.text).toContain('BUKTI PENDAFTARAN PESERTA');
  expect(job.text).toContain('SITI AMINAH');
  expect(job.text).toContain(formatRupiah(quote.total));
  const entry = s.ledger.byId(p.registration_entry_id!)!;
  expect(job.decoded.qr).toEqual([entry.receipt_no]);
});

test('a NIK already registered shows where and when, and leads to payment', async ({ page, host }) => {
  const s = host.services;
  const teller = { userId: 'seed', username: 'siti', displayName: 'Siti Rahayu' };
  await s.registration.create({
    nik: '3518011705900002', name: 'BUDI SANTOSO', birthPlace: 'Nganjuk', birthDate: '1990-05-17', sex: 'M', motherName: 'Sri',
    phone: '081234567890', address: 'Jl. Merdeka 2', provinceCode: '35', regencyCode: '3518', districtCode: '351801',
    villageCode: '3518012001', occupationCode: 'TRD01', incomeBand: 1, jht: false,
  }, teller);

  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  await page.getByLabel('NIK (16 angka)').pressSequentially('3518 0117 0590 0002');
  const alert = page.getByRole('alert').filter({ hasText: 'Peserta sudah terdaftar' });
  await expect(alert).toContainText('BUDI SANTOSO terdaftar di KCU Nganjuk pada');
  await expect(alert).toContainText('Terdaftar di loket ini.');
  const toPay = page.getByRole('button', { name: 'Ke pembayaran peserta ini' });
  await expect(toPay).toBeFocused();
  await expect(page.getByRole('button', { name: /Simpan pendaftaran/ })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Pembayaran/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'BUDI SANTOSO' })).toBeVisible();
  expect(s.ledger.count()).toBe(1);
});

test('the form\'s lists stand as tall as the text fields beside them', async ({ page }) => {
  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  const height = async (label: string) => (await page.getByLabel(label, { exact: true }).boundingBox())!.height;
  const field = await height('Nomor HP');
  expect(Math.abs((await height('Jenis kelamin')) - field)).toBeLessThanOrEqual(1);
  expect(Math.abs((await height('Provinsi')) - field)).toBeLessThanOrEqual(1);
});
