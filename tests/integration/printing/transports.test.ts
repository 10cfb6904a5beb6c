import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { startVirtualSerialPrinter, type VirtualSerialPrinter } from '../../../electron/services/printing/virtual-serial-printer';
import { createConnection } from '../../../electron/services/printing/connection';
import { discoverPrinters } from '../../../electron/services/printing/discovery';
import { renderEscPos } from '../../../electron/services/printing/escpos';
import { PrinterError } from '../../../electron/services/printing/errors';
import { paymentReceipt } from '../../../shared/receipts/builders';
import { printerSettingsSchema } from '../../../shared/settings';
import { payment } from '../../unit/receipts/fixtures';
import { cupsUnavailable, startCups, type TestCups } from '../../support/cups';
import { socatUnavailable, startPtyPair, type PtyPair } from '../../support/pty-pair';
import { tempDir } from '../../support/tmp';

// The same receipt through each real transport: a CUPS raw queue (a cupsd of the test's own,
// its device the virtual printer's socket) and a serial line (a socat pty pair). What arrives
// must be the very bytes sent, decoded back to the names with their accents.

const receipt = renderEscPos(paymentReceipt({ ...payment, participantName: 'JOSÉ ʿABD AL-RAḤMĀN' }), { cpl: 48, charset: 'PC858_EURO' });
const NAME_LINE = /JOSÉ 'ABD AL-RAHMAN/;

const noCups = cupsUnavailable();
if (noCups) console.log(`[skip] CUPS printing tests: ${noCups}`);

describe.skipIf(!!noCups)('system printer through a real cupsd (raw queue)', () => {
  let cups: TestCups;
  let printer: VirtualPrinter;
  let tmp: ReturnType<typeof tempDir>;
  const saved = process.env.CUPS_SERVER;
  beforeAll(async () => {
    tmp = tempDir('loket-cups-test-');
    printer = await startVirtualPrinter({ dir: join(tmp.dir, 'printer') });
    cups = await startCups();
    process.env.CUPS_SERVER = cups.server;
    cups.addRawQueue('Other_Laser', 'socket://127.0.0.1:9', { description: 'Office laser' });
    cups.addRawQueue('POS-80', `socket://127.0.0.1:${printer.port}`, { isDefault: true, description: 'Thermal 80 mm' });
  }, 30_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.CUPS_SERVER;
    else process.env.CUPS_SERVER = saved;
    await cups?.stop();
    await printer?.close();
    tmp?.cleanup();
  });

  it('discovery lists the queues, the default first and marked', async () => {
    const d = await discoverPrinters();
    expect(d.problemKey).toBeNull();
    expect(d.system).toEqual([
      { name: 'POS-80', description: 'Thermal 80 mm', isDefault: true },
      { name: 'Other_Laser', description: 'Office laser', isDefault: false },
    ]);
  });

  it('a receipt printed to the queue by name arrives as the same ESC/POS bytes', async () => {
    const conn = createConnection(printerSettingsSchema.parse({ kind: 'system', printerName: 'POS-80' }));
    expect(conn.target).toBe('system://POS-80');
    await conn.send(receipt);
    const job = await printer.waitForJob(1);
    expect(job.bytes.equals(receipt)).toBe(true);
    expect(new Set(job.decoded.codePages)).toEqual(new Set([19])); // PC858, selected again after each cut
    expect(job.decoded.lines.some((l) => NAME_LINE.test(l))).toBe(true);
    expect(await conn.probe()).toBe('ready');
  }, 20_000);

  it('an unknown queue is an unreachable printer', async () => {
    const conn = createConnection(printerSettingsSchema.parse({ kind: 'system', printerName: 'No_Such_Printer' }));
    const err = await conn.send(receipt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('PRINTER_UNREACHABLE');
    expect(await conn.probe()).toBe('offline');
  });

  it('with the printer off CUPS keeps the job, the light says offline, and it prints when the printer is back', async () => {
    const conn = createConnection(printerSettingsSchema.parse({ kind: 'system', printerName: 'POS-80' }));
    const before = printer.jobs().length;
    await printer.setOnline(false);
    await conn.send(receipt); // CUPS has it: it is the spooler's now
    await expect.poll(() => conn.probe(), { timeout: 15_000, interval: 500 }).toBe('offline');
    await printer.setOnline(true);
    const job = await printer.waitForJob(before + 1);
    expect(job.bytes.equals(receipt)).toBe(true);
    await expect.poll(() => conn.probe(), { timeout: 10_000, interval: 500 }).toBe('ready');
  }, 60_000);
});

const noSocat = socatUnavailable();
if (noSocat) console.log(`[skip] serial printing tests: ${noSocat}`);

describe.skipIf(!!noSocat)('serial printer over a pty pair (socat)', () => {
  let pty: PtyPair;
  let printer: VirtualSerialPrinter;
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    tmp = tempDir('loket-serial-test-');
    pty = await startPtyPair();
    printer = await startVirtualSerialPrinter({ dir: tmp.dir, path: pty.printer });
  });
  afterAll(async () => {
    await printer?.close();
    await pty?.close();
    tmp?.cleanup();
  });
  const settings = () => printerSettingsSchema.parse({ kind: 'serial', serialPath: pty.app, baudRate: 115200 });

  it('a receipt arrives as the same bytes, after a DLE EOT the printer answered', async () => {
    const conn = createConnection(settings());
    expect(conn.target).toBe(`serial://${pty.app}`);
    await conn.send(receipt);
    const job = await printer.waitForJob(1);
    expect(job.bytes.equals(receipt)).toBe(true);
    expect(job.decoded.lines.some((l) => NAME_LINE.test(l))).toBe(true);
    expect(printer.statusRequests()).toBe(3);
  });

  it('paper out: the job is refused and nothing is sent; the probe says so; it prints once paper is in', async () => {
    const conn = createConnection(settings());
    const before = printer.jobs().length;
    printer.setCondition({ paperOut: true });
    const err = await conn.send(receipt).catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('PRINTER_PAPER_OUT');
    expect(await conn.probe()).toBe('paperOut');
    printer.setCondition({ coverOpen: true });
    expect(await conn.probe()).toBe('coverOpen');
    await new Promise((r) => setTimeout(r, 150));
    expect(printer.jobs()).toHaveLength(before);
    printer.setCondition({});
    expect(await conn.probe()).toBe('ready');
    await conn.send(receipt);
    expect((await printer.waitForJob(before + 1)).bytes.equals(receipt)).toBe(true);
  });

  it('a port that is not there is an unreachable printer', async () => {
    const conn = createConnection(printerSettingsSchema.parse({ kind: 'serial', serialPath: '/dev/ttyLOKETNONE' }));
    const err = await conn.send(receipt).catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('PRINTER_UNREACHABLE');
    expect(await conn.probe()).toBe('offline');
  });
});
