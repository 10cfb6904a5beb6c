import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { startVirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { cupsUnavailable, startCups } from '../support/cups';

// A technician sets up a printer installed in the OS: a real cupsd (of the test's own) holds
// a raw queue whose device is the virtual printer. The queue is picked from the list (the
// default marked), nobody types its name, and the test page arrives as ESC/POS bytes.

const noCups = cupsUnavailable();
if (noCups) console.log(`[skip] e2e system printer: ${noCups}`);

test.skip(!!noCups, noCups ?? '');

test('a technician picks the CUPS printer from the list and prints the test page', async ({ page, dataDir }) => {
  const printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
  const cups = await startCups();
  const saved = process.env.CUPS_SERVER;
  process.env.CUPS_SERVER = cups.server; // the services run in this process: their lp/lpstat ask this cupsd
  try {
    cups.addRawQueue('Kantor_Laser', 'socket://127.0.0.1:9', { description: 'Kantor' });
    cups.addRawQueue('POS-80', `socket://127.0.0.1:${printer.port}`, { isDefault: true, description: 'Thermal 80 mm' });

    await signIn(page, 'teknisi');
    await page.keyboard.press('F8');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan');
    await page.getByLabel('Jenis printer').selectOption('system');
    const list = page.getByLabel('Printer terpasang');
    await expect(list.locator('option', { hasText: 'POS-80 (bawaan) — Thermal 80 mm' })).toHaveCount(1);
    await expect(list.locator('option', { hasText: 'Kantor_Laser' })).toHaveCount(1);
    await list.selectOption('POS-80');
    await page.getByLabel('Laci uang tersambung ke printer (dibuka saat pembayaran tunai)').check();
    await page.getByRole('button', { name: 'Cetak halaman uji' }).click();
    await expect(page.getByText('Halaman uji terkirim ke system://POS-80')).toBeVisible();

    const job = await printer.waitForJob(1);
    expect(job.decoded.cuts).toBeGreaterThanOrEqual(1);
    expect(job.decoded.lines.join('\n')).toContain('system://POS-80');
    expect(job.decoded.codePages[0]).toBe(19); // PC858, the default code page
    // What the screen shows as sent is what came out of the printer.
    const shown = await page.locator('pre').innerText();
    expect(shown).toContain('system://POS-80');

    // Saved: the form comes back with the printer chosen.
    await page.keyboard.press('F9');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diagnostik');
    await page.keyboard.press('F8');
    await expect(page.getByLabel('Printer terpasang')).toHaveValue('POS-80');
    await expect(page.getByLabel('Laci uang tersambung ke printer (dibuka saat pembayaran tunai)')).toBeChecked();
  } finally {
    if (saved === undefined) delete process.env.CUPS_SERVER;
    else process.env.CUPS_SERVER = saved;
    await cups.stop();
    await printer.close();
  }
});
