import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { formatRupiah } from '../../shared/money';
import { seedParticipant } from '../integration/payment/helpers';

// A teller finds a participant by name, pays 3 months in cash with change, the receipt comes
// out of the virtual printer; then a branch head's user name and PIN void it from Riwayat.

let printer: VirtualPrinter | null = null;
test.afterEach(async () => {
  await printer?.close();
  printer = null;
});

test('pay 3 months by name with change, the receipt prints, and a head voids it', async ({ page, host, dataDir }) => {
  const s = host.services;
  printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
  const port = printer.port;
  s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'virtual', port, paperWidth: 80, charsPerLine: 48 } }));
  const p = seedParticipant(s, { name: 'SRI WAHYUNI' });
  // The amounts come from the rate table for whatever month the test runs in.
  const quote = await s.payment.quote(p.id, 3);
  const cash = Math.ceil((quote.total + 1) / 10_000) * 10_000;

  await signIn(page, 'siti');
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pembayaran');
  const find = page.getByLabel('NIK, nomor KPJ atau nama');
  await find.fill('sri wahyuni');
  await find.press('Enter');
  const pick = page.getByRole('button', { name: 'Pilih SRI WAHYUNI' });
  await expect(pick).toBeFocused(); // Enter moves on to the first result
  await pick.press('Enter');

  await expect(page.getByRole('heading', { name: 'SRI WAHYUNI' })).toBeVisible();
  await expect(page.getByText('3201**********01')).toBeVisible();
  await page.getByLabel('3 bulan', { exact: true }).check();
  await expect(page.getByTestId('pay-total')).toHaveText(formatRupiah(quote.total));
  for (const r of quote.reductions) await expect(page.getByText(`Keringanan ${r.regulation}`)).toBeVisible();
  // Every month row adds up as a teller reads it: programs charged − reduction = amount due.
  const monthRows = page.getByRole('table', { name: 'Rincian iuran' }).locator('tbody tr');
  await expect(monthRows).toHaveCount(3);
  const rupiah = (text: string) => (/[-−]/.test(text) ? -1 : 1) * Number(text.replace(/\(.*\)/, '').replace(/\D/g, '') || 0);
  for (const cells of await monthRows.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')))) {
    const [reduction, due] = cells.slice(-2).map(rupiah);
    const charged = cells.slice(0, -2).map(rupiah).reduce((a, b) => a + b, 0);
    expect(charged + reduction, cells.join(' | ')).toBe(due);
  }

  const cashField = page.getByLabel('Uang diterima');
  await cashField.fill(String(quote.total - 100));
  await cashField.press('Enter');
  await expect(page.getByRole('button', { name: /^Bayar/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cashField).toHaveAccessibleDescription(new RegExp(`^Uang kurang dari total ${formatRupiah(quote.total).replace('.', '\\.')}`));
  expect(s.ledger.count()).toBe(1); // only the registration

  await cashField.fill(String(cash));
  await expect(page.getByTestId('pay-change')).toHaveText(formatRupiah(cash - quote.total));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Pembayaran tersimpan' })).toBeVisible();
  await expect(page.getByTestId('pay-done-change')).toHaveText(`Kembalian ${formatRupiah(cash - quote.total)}`);
  await expect(page.getByText('Struk tercetak.')).toBeVisible();

  const entry = s.ledger.entriesOfDay(s.ledger.today()).find((e) => e.kind === 'CONTRIBUTION')!;
  expect(entry.amount).toBe(quote.total);
  const job = await printer.waitForJob(1);
  expect(job.decoded.qr).toEqual([entry.receipt_no]);
  expect(job.decoded.lines.join('\n')).toContain('SRI WAHYUNI');
  expect(job.decoded.lines.some((l) => l.startsWith('TOTAL') && l.endsWith(formatRupiah(quote.total)))).toBe(true);
  expect(job.decoded.cuts).toBe(1);

  // Riwayat: open it and void it with the head's approval typed at the teller's session.
  await page.keyboard.press('F4');
  await page.getByRole('button', { name: `Buka ${entry.receipt_no}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Batalkan', exact: true }).click();
  await dialog.getByLabel('Alasan pembatalan').fill('Peserta salah bulan');
  await dialog.getByLabel('Nama pengguna kepala').fill('siti');
  await dialog.getByLabel('PIN kepala').fill('111111');
  await dialog.getByRole('button', { name: 'Batalkan transaksi' }).click();
  await expect(dialog.getByLabel('Nama pengguna kepala')).toHaveAccessibleDescription('Persetujuan harus dari kepala cabang.');
  expect(s.ledger.entriesOfDay(s.ledger.today()).some((e) => e.kind === 'VOID')).toBe(false);

  await dialog.getByLabel('Nama pengguna kepala').fill('kepala');
  await dialog.getByLabel('PIN kepala').fill('123456');
  await dialog.getByRole('button', { name: 'Batalkan transaksi' }).click();
  await expect(dialog.getByText(/^Transaksi dibatalkan dengan bukti /)).toBeVisible();
  const voided = s.ledger.entriesOfDay(s.ledger.today()).find((e) => e.kind === 'VOID')!;
  expect(voided).toMatchObject({ ref_entry_id: entry.id, amount: -quote.total });
  await expect(dialog.getByText(`Dibatalkan dengan ${voided.receipt_no}`)).toBeVisible();
  const slip = await printer.waitForJob(2);
  expect(slip.decoded.lines.join('\n')).toContain('BUKTI PEMBATALAN TRANSAKSI');
  await page.keyboard.press('Escape');
  await expect(page.locator(`tr[data-entry-id="${entry.id}"]`)).toContainText('Dibatalkan');
});

test('the search\'s Cari button stands on the line of its field, also while a message shows under it', async ({ page }) => {
  await signIn(page, 'siti');
  await page.keyboard.press('F3');
  const find = page.getByLabel('NIK, nomor KPJ atau nama');
  const cari = page.getByRole('button', { name: 'Cari' });
  const centre = async (l: typeof find) => { const b = (await l.boundingBox())!; return b.y + b.height / 2; };
  for (const size of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }]) {
    await page.setViewportSize(size);
    expect(Math.abs((await centre(find)) - (await centre(cari)))).toBeLessThanOrEqual(1);
  }
  await find.fill('tidak ada yang bernama begini');
  await find.press('Enter');
  await expect(page.getByText('Tidak ada peserta yang cocok.')).toBeVisible();
  await find.fill('x'.repeat(101));
  await find.press('Enter');
  await expect(find).toHaveAttribute('aria-invalid', 'true');
  expect(Math.abs((await centre(find)) - (await centre(cari)))).toBeLessThanOrEqual(1);
});
