import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { enrolCounter } from '../../electron/services/enrolment';
import { DEMO_BRANCH } from '../../electron/demo/seed';
import { startCentralServer, type CentralServer } from '../central/server';
import { seedParticipant } from '../integration/payment/helpers';

// A teller files a JKK claim with two attachments (a PNG and a PDF chosen as files), the tanda
// terima comes out of the virtual printer; central moves the claim and the teller sees it.

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('scan of a KTP')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let printer: VirtualPrinter | null = null;
let central: CentralServer | null = null;
test.afterEach(async () => {
  await printer?.close();
  await central?.close();
  printer = null;
  central = null;
});

test('a teller files a JKK claim with two attachments, prints the receipt, and sees the status central gives it', async ({ page, host, dataDir }) => {
  const s = host.services;
  printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
  const port = printer.port;
  s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'virtual', port, paperWidth: 80, charsPerLine: 48 } }));
  central = await startCentralServer({ dbPath: join(dataDir, 'central.sqlite'), port: 0, adminSecret: 'secret' });
  central.admin.createBranch(DEMO_BRANCH);
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'test' });
  seedParticipant(s, { name: 'SRI WAHYUNI' });

  await signIn(page, 'siti');
  await page.keyboard.press('F5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klaim');
  const find = page.getByLabel('NIK, nomor KPJ atau nama');
  await find.fill('sri wahyuni');
  await find.press('Enter');
  await page.getByRole('button', { name: 'Pilih SRI WAHYUNI' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'SRI WAHYUNI' })).toBeVisible();
  // JHT is not among her programs: offered but not available.
  await expect(page.getByLabel(/Jaminan Hari Tua/)).toBeDisabled();
  await page.getByLabel('Jaminan Kecelakaan Kerja (JKK)').check();

  // Submitting with nothing ticked says what is missing, next to the checklist.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Masih ada dokumen wajib yang belum dicentang.')).toBeVisible();
  for (const box of await page.getByRole('group', { name: 'Dokumen yang diperlihatkan' }).getByRole('checkbox').all()) await box.check();

  const accident = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('textbox', { name: 'Tanggal kecelakaan' }).pressSequentially(accident.split('-').reverse().join('')); // DDMMYYYY
  await page.getByRole('textbox', { name: 'Tempat kecelakaan' }).fill('Pasar Wage, Nganjuk');
  await page.getByLabel('Bank', { exact: true }).selectOption('BRI');
  await page.getByRole('textbox', { name: 'Nomor rekening' }).fill('0123 4567 8901');
  await expect(page.getByRole('textbox', { name: 'Nama pemilik rekening' })).toHaveValue('SRI WAHYUNI');

  // A file that only pretends to be a PNG is refused next to the field.
  const files = page.getByLabel('Tambah berkas');
  await files.setInputFiles({ name: 'palsu.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image') });
  await expect(files).toHaveAccessibleDescription(/Isi berkas tidak sesuai jenisnya/);
  await files.setInputFiles([
    { name: 'ktp.png', mimeType: 'image/png', buffer: PNG },
    { name: 'surat-dokter.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect(page.getByRole('list', { name: 'Berkas terlampir' }).getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: /^Kirim klaim/ }).click();
  await expect(page.getByRole('heading', { name: 'Klaim tersimpan' })).toBeVisible();
  await expect(page.getByText('Tanda terima tercetak.')).toBeVisible();
  const receipt = (await printer.waitForJob(1)).decoded.lines.join('\n');
  expect(receipt).toContain('TANDA TERIMA KLAIM');
  expect(receipt).toContain('SRI WAHYUNI');
  expect(receipt).toContain('ktp.png');
  expect(receipt).toContain('surat-dokter.pdf');
  const claim = s.claims.list({}).claims[0];
  expect(claim.type).toBe('JKK');
  expect(s.ledger.byId(claim.entryId)?.kind).toBe('CLAIM_SUBMITTED');

  // Looking the status up sends the waiting claim and its files; central numbers it.
  await page.getByRole('button', { name: 'Cek status' }).click();
  await expect(page.getByTestId('claim-status')).toHaveText('Status: Diterima');
  const claimNumber = s.claims.list({}).claims[0].claimNumber!;
  expect(claimNumber).toMatch(/^KLM/);
  await expect(page.getByText(`Nomor klaim: ${claimNumber}`)).toBeVisible();
  expect(central.admin.claimFileCount(claim.id)).toBe(2);

  central.admin.setClaimStatus({ claimId: claim.id, status: 'diverifikasi' });
  central.admin.setClaimStatus({ claimId: claim.id, status: 'dibayar' });
  await page.getByRole('button', { name: 'Cek status' }).click();
  await expect(page.getByTestId('claim-status')).toHaveText('Status: Dibayar');
  await page.getByRole('button', { name: 'Cetak status' }).click();
  await expect(page.getByText('Status klaim tercetak.')).toBeVisible();
  const slip = (await printer.waitForJob(2)).decoded.lines.join('\n');
  expect(slip).toContain('STATUS KLAIM');
  expect(slip).toContain('Dibayar');
  expect(slip).toContain(claimNumber);
});
