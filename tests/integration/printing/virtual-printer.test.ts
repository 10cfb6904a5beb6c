import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { createConnection, probePrinter, sendTcp, textPathOf } from '../../../electron/services/printing/connection';
import { renderEscPos } from '../../../electron/services/printing/escpos';
import { decodeEscPos } from '../../../electron/services/printing/escpos-decode';
import { PrinterError } from '../../../electron/services/printing/errors';
import { paymentReceipt, testPage } from '../../../shared/receipts/builders';
import { renderText } from '../../../shared/receipts/render-text';
import { printerSettingsSchema } from '../../../shared/settings';
import { payment, test as testData } from '../../unit/receipts/fixtures';

let printer: VirtualPrinter | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await printer?.close();
  printer = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'loket-print-'));
  dirs.push(d);
  return d;
}

const virtualSettings = (port: number, cpl = 48) =>
  printerSettingsSchema.parse({ kind: 'virtual', port, paperWidth: cpl === 32 ? 58 : 80, charsPerLine: cpl });

describe('virtual printer over real TCP', () => {
  it('receives a payment receipt: lines, total, masked NIK, QR = receipt number, a cut; files on disk', async () => {
    const dir = tempDir();
    printer = await startVirtualPrinter({ dir, cpl: 48 });
    const conn = createConnection(virtualSettings(printer.port));
    await conn.send(renderEscPos(paymentReceipt(payment), { cpl: 48 }));

    // send() resolves once the printer has stored the job.
    const [job] = printer.jobs();
    expect(job.n).toBe(1);
    const d = job.decoded;
    expect(d.lines.some((l) => /^TOTAL +Rp25\.200$/.test(l))).toBe(true);
    expect(d.lines.some((l) => /^NIK +3201\*{10}01$/.test(l))).toBe(true);
    expect(d.lines.join('\n')).not.toContain('3201234505800001');
    expect(d.lines).toContain('Simpan sebagai bukti pembayaran yang sah');
    expect(d.qr).toEqual([payment.receiptNo]);
    expect(d.cuts).toBe(1);
    for (const l of d.lines) expect(l.length).toBeLessThanOrEqual(48);

    expect(readFileSync(job.binPath).equals(job.bytes)).toBe(true);
    expect(readFileSync(job.txtPath, 'utf8')).toBe(renderText(paymentReceipt(payment), { cpl: 48 }));
    expect(job.binPath.startsWith(dir)).toBe(true);
  });

  it('keeps 58 mm receipts within 32 characters a line', async () => {
    printer = await startVirtualPrinter({ dir: tempDir(), cpl: 32 });
    await sendTcp('127.0.0.1', printer.port, renderEscPos(paymentReceipt(payment), { cpl: 32 }));
    await sendTcp('127.0.0.1', printer.port, renderEscPos(testPage({ ...testData, cpl: 32 }), { cpl: 32 }));
    const jobs = printer.jobs();
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      for (const l of job.decoded.styled) expect(l.text.length * (l.size === 'double' ? 2 : 1)).toBeLessThanOrEqual(32);
      for (const row of job.text.split('\n')) expect(row.length).toBeLessThanOrEqual(32);
    }
    expect(jobs[1].decoded.lines).toContain('12345678901234567890123456789012');
    expect(jobs[1].decoded.qr).toEqual(['LOKET-TEST']);
  });

  it('goes offline (connections refused, PRINTER_UNREACHABLE) and comes back on the same port', async () => {
    printer = await startVirtualPrinter({ dir: tempDir() });
    const settings = virtualSettings(printer.port);
    expect(await probePrinter(settings)).toBe('ready');
    expect(printer.jobs()).toHaveLength(0); // a probe is not a job

    await printer.setOnline(false);
    expect(await probePrinter(settings)).toBe('offline');
    const err = await createConnection(settings).send(Buffer.from('halo\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('PRINTER_UNREACHABLE');
    expect((err as PrinterError).key).toBe('printing.err.unreachable');
    expect((err as PrinterError).toAppError().code).toBe('UNAVAILABLE');

    await printer.setOnline(true);
    expect(await probePrinter(settings)).toBe('ready');
    await createConnection(settings).send(Buffer.from('halo\n'));
    expect(printer.jobs().map((j) => j.decoded.lines)).toEqual([['halo']]);
  });

  it('a file printer appends the bytes and keeps the decoded text beside them', async () => {
    const path = join(tempDir(), 'spool', 'counter2.bin');
    const conn = createConnection(printerSettingsSchema.parse({ kind: 'file', filePath: path, charsPerLine: 32 }));
    expect(await conn.probe()).toBe('offline'); // its folder does not exist yet
    const bytes = renderEscPos(paymentReceipt(payment), { cpl: 32 });
    await conn.send(bytes);
    await conn.send(bytes);
    expect(await conn.probe()).toBe('ready');
    const stored = readFileSync(path);
    expect(stored.length).toBe(bytes.length * 2);
    expect(decodeEscPos(stored).cuts).toBe(2);
    expect(existsSync(textPathOf(path))).toBe(true);
    expect(readFileSync(textPathOf(path), 'utf8')).toBe(renderText(paymentReceipt(payment), { cpl: 32 }).repeat(2));
  });

  it("kind 'none' refuses to print with PRINTER_NOT_CONFIGURED and probes offline", async () => {
    const settings = printerSettingsSchema.parse({});
    expect(await probePrinter(settings)).toBe('offline');
    await expect(createConnection(settings).send(Buffer.from('x'))).rejects.toMatchObject({ code: 'PRINTER_NOT_CONFIGURED' });
  });
});
