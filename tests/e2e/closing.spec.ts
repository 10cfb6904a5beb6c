import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { test, expect, signIn } from './fixtures';
import type { LoketHost } from '../../electron/host';

// A head closes the day through the real UI: a Rp5.000 short drawer, a reason, the PIN, and
// the PDF report in the data folder carries the right totals.

function seedDay(host: LoketHost): void {
  const s = host.services;
  const user = (name: string) => s.db.prepare('SELECT id, username, display_name FROM users WHERE username = ?').get(name) as { id: string; username: string; display_name: string };
  const head = user('kepala');
  const teller = user('siti');
  s.closing.cash.openingFloat({ userId: head.id, username: head.username }, 200_000);
  for (const [i, amount] of [50_400, 25_200].entries()) {
    s.ledger.record(
      { kind: 'CONTRIBUTION', userId: teller.id, participantId: `P-E2E-${i}`, amount, paymentMethod: 'CASH', payload: { months: ['2026-11'], cashReceived: 100_000 } },
      { actor: { userId: teller.id, username: teller.username }, action: 'test.payment' },
    );
  }
}

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(path)) });
  try { return (await parser.getText()).text; } finally { await parser.destroy(); }
}

test('a head counts a drawer Rp5.000 short, gives a reason, confirms with PIN; the PDF report has the totals', async ({ page, host, dataDir }) => {
  seedDay(host);
  await signIn(page, 'kepala');
  await page.keyboard.press('F6');
  await expect(page.getByRole('heading', { name: 'Tutup Hari', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Mulai tutup hari' }).click();
  await expect(page.getByText(/Pengiriman selesai|Server pusat tidak terjangkau/)).toBeVisible();
  await expect(host.services.ledger.dayState()).toBe('CLOSING');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await page.getByRole('button', { name: 'Cocokkan dengan pusat' }).click();
  await expect(page.getByText('Belum direkonsiliasi', { exact: true })).toBeVisible(); // this counter has no central server
  await page.getByRole('button', { name: 'Lanjut' }).click();

  // The blind count, typed: Enter moves down the list. 2×100.000 + 50.000 + 20.000 + 500 + 100.
  await expect(page.getByLabel('Uang kertas Rp100.000')).toBeFocused();
  const typed = ['2', '1', '1', '', '', '', '', '', '1', '', '1', ''];
  for (const v of typed) {
    if (v) await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('counted-total')).toHaveText('Rp270.600');
  await expect(page.getByTestId('expected')).toHaveCount(0); // blind until submitted
  await expect(page.getByText('Rp275.600')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kirim hitungan' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('expected')).toHaveText('Rp275.600');
  await expect(page.getByTestId('difference')).toHaveText('-Rp5.000');
  await page.getByLabel('PIN Anda').fill('123456');
  await page.getByRole('button', { name: 'Konfirmasi & tutup hari' }).click();
  const reason = page.getByLabel('Alasan selisih');
  await expect(reason).toHaveAccessibleDescription(/tulis alasannya/);
  await reason.fill('uang receh kurang');
  await page.getByLabel('PIN Anda').fill('123456');
  await page.getByRole('button', { name: 'Konfirmasi & tutup hari' }).click();
  await expect(page.locator('#closing-done')).toContainText('ditutup');
  expect(host.services.ledger.dayState()).toBe('CLOSED');

  const files = readdirSync(join(dataDir, 'closings')).filter((f) => f.endsWith('.pdf'));
  expect(files).toHaveLength(1);
  const text = await pdfText(join(dataDir, 'closings', files[0]));
  expect(text).toMatch(/Total dihitung\s+Rp270\.600/);
  expect(text).toMatch(/Kas seharusnya\s+Rp275\.600/);
  expect(text).toMatch(/Selisih\s+-Rp5\.000/);
  expect(text).toContain('uang receh kurang');
  expect(text).toMatch(/Modal awal\s+Rp200\.000/);
  expect(text).toContain('BELUM DIREKONSILIASI');

  // The report re-opens from the screen as a download of the same PDF.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Buka PDF' }).first().click();
  expect((await download).suggestedFilename()).toBe(files[0]);
  await expect(page.getByRole('heading', { name: 'Riwayat tutup hari' })).toBeVisible();
});

test("Tutup Hari's step list shows each number once, and its labels stand apart", async ({ page }) => {
  await signIn(page, 'kepala');
  await page.keyboard.press('F6');
  const steps = page.getByRole('navigation', { name: 'Tutup Hari' }).getByRole('listitem');
  await expect(steps).toHaveText(['1. Mulai', '2. Rekonsiliasi', '3. Hitung laci', '4. Konfirmasi', '5. Laporan']);
  const boxes = await steps.evaluateAll((items) => items.map((li) => {
    const r = li.getBoundingClientRect();
    // A list marker would draw a second number beside the one in the text.
    return { left: r.left, right: r.right, top: r.top, marker: getComputedStyle(li).display === 'list-item' && getComputedStyle(li).listStyleType !== 'none' };
  }));
  expect(boxes.filter((b) => b.marker)).toEqual([]);
  for (let i = 1; i < boxes.length; i++) {
    if (boxes[i].top !== boxes[i - 1].top) continue; // wrapped to a new line
    expect(boxes[i].left - boxes[i - 1].right, `gap before step ${i + 1}`).toBeGreaterThanOrEqual(12);
  }
});
