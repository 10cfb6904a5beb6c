import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { m0003 } from '../../../electron/services/db/migrations/0003-print-queue';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { runMigrations } from '../../../electron/services/db/migrate';
import { createPrintQueue } from '../../../electron/services/printing/print-queue';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { createConnection } from '../../../electron/services/printing/connection';
import { renderEscPos } from '../../../electron/services/printing/escpos';
import { paymentReceipt } from '../../../shared/receipts/builders';
import { printerSettingsSchema } from '../../../shared/settings';
import { payment } from '../../unit/receipts/fixtures';

let printer: VirtualPrinter | null = null;
let db: Database.Database | null = null;
let dir = '';
afterEach(async () => {
  await printer?.close();
  db?.close();
  printer = null;
  db = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setup(cpl = 48) {
  dir = mkdtempSync(join(tmpdir(), 'loket-queue-'));
  db = new Database(join(dir, 'ledger.sqlite'));
  db.pragma('journal_mode = WAL');
  db.transaction(() => m0003.up(db!))();
  // Stand-in for the money table: the queue must never undo what it holds.
  db.exec('CREATE TABLE payments (receipt_no TEXT PRIMARY KEY, total INTEGER NOT NULL) STRICT');
  printer = await startVirtualPrinter({ dir: join(dir, 'printer'), cpl });
  const conn = createConnection(printerSettingsSchema.parse({ kind: 'virtual', port: printer.port, charsPerLine: cpl }));
  let sends = 0;
  const queue = createPrintQueue(db, {
    send: async (bytes) => { sends++; await conn.send(bytes); },
    render: (doc, width) => renderEscPos(doc, { cpl: width }),
    cpl,
  });
  return { db, printer, queue, sends: () => sends };
}

const doc = paymentReceipt(payment);

describe('print queue over SQLite and the virtual printer', () => {
  it('migration 3 runs after the others through the runner', () => {
    dir = mkdtempSync(join(tmpdir(), 'loket-queue-'));
    db = new Database(join(dir, 'ledger.sqlite'));
    const steps = [...MIGRATIONS.filter((m) => m !== m0003), m0003];
    expect(runMigrations(db, steps)).toContain(3);
    expect(db.prepare("SELECT name FROM schema_migrations WHERE version = 3").get()).toEqual({ name: 'print-queue' });
  });

  it('migration 3 creates print_jobs with the columns the queue needs', async () => {
    const { db } = await setup();
    const cols = (db.prepare('PRAGMA table_info(print_jobs)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['id', 'created_at', 'kind', 'ref_id', 'doc_json', 'copy', 'status', 'attempts', 'last_error', 'printed_at']);
    expect(m0003).toMatchObject({ version: 3, name: 'print-queue' });
    expect(() => db.prepare("INSERT INTO print_jobs (id, created_at, kind, ref_id, doc_json, status) VALUES ('x', 't', 'k', 'r', '{}', 'lost')").run()).toThrow();
  });

  it('prints a queued receipt once and records it', async () => {
    const { queue, printer } = await setup();
    const job = queue.enqueue('payment', payment.receiptNo, doc);
    expect(job).toMatchObject({ status: 'queued', attempts: 0, copy: false, refId: payment.receiptNo });
    const out = await queue.printNow(job.id);
    expect(out.ok).toBe(true);
    expect(queue.get(job.id)).toMatchObject({ status: 'printed', attempts: 1, lastError: null });
    expect(queue.get(job.id)!.printedAt).not.toBeNull();
    expect(printer.jobs()).toHaveLength(1);
    expect(printer.jobs()[0].decoded.qr).toEqual([payment.receiptNo]);
    // Printing a printed job again does nothing; a second copy is a reprint.
    expect((await queue.printNow(job.id)).ok).toBe(true);
    expect(printer.jobs()).toHaveLength(1);
    expect(queue.pending()).toEqual([]);
  });

  it('printer offline: the money write stands, the job stays queued with the error; back online, retryPending prints it', async () => {
    const { db, queue, printer } = await setup();
    await printer.setOnline(false);
    // The caller's transaction: money row and queued receipt commit together.
    const job = db.transaction(() => {
      db.prepare('INSERT INTO payments VALUES (?, ?)').run(payment.receiptNo, payment.total);
      return queue.enqueue('payment', payment.receiptNo, doc);
    })();
    const out = await queue.printNow(job.id);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('PRINTER_UNREACHABLE');
      expect(out.error.key).toBe('printing.err.unreachable');
    }
    expect(db.prepare('SELECT total FROM payments').get()).toEqual({ total: 25_200 });
    const stuck = queue.get(job.id)!;
    expect(stuck.status).toBe('queued');
    expect(stuck.attempts).toBe(1);
    expect(stuck.lastError).toMatch(/^PRINTER_UNREACHABLE: /);
    expect(queue.pending().map((j) => j.id)).toEqual([job.id]);

    const second = queue.enqueue('payment', 'KRW02-20260110-000124', doc);
    const down = await queue.retryPending();
    expect(down).toEqual({ printed: 0, failed: 1, remaining: 2 }); // stops at the first sign the printer is down
    expect(queue.get(second.id)!.attempts).toBe(0);

    await printer.setOnline(true);
    expect(await queue.retryPending()).toEqual({ printed: 2, failed: 0, remaining: 0 });
    expect(queue.get(job.id)).toMatchObject({ status: 'printed', attempts: 3, lastError: null });
    expect(printer.jobs().map((j) => j.decoded.qr[0])).toEqual([payment.receiptNo, payment.receiptNo]);
  });

  it('a reprint is a new job marked SALINAN at the top and the bottom; the original stays as it was', async () => {
    const { queue, printer } = await setup(32);
    const original = queue.enqueue('payment', payment.receiptNo, doc);
    await queue.printNow(original.id);
    const copy = queue.reprint(payment.receiptNo);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ copy: true, status: 'queued', kind: 'payment', refId: payment.receiptNo });
    expect((await queue.printNow(copy.id)).ok).toBe(true);

    const [first, second] = printer.jobs();
    expect(first.decoded.lines).not.toContain('SALINAN');
    expect(second.decoded.lines.filter((l) => l === 'SALINAN')).toHaveLength(2);
    expect(second.decoded.boldSpans).toContain('SALINAN');
    expect(second.decoded.lines.some((l) => /^TOTAL +Rp25\.200$/.test(l))).toBe(true);
    expect(queue.jobsFor(payment.receiptNo).map((j) => j.copy)).toEqual([false, true]);
    expect(() => queue.reprint('NO-SUCH-RECEIPT')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('never throws into the caller: a failing sender, a broken document, an unknown job', async () => {
    const { db } = await setup();
    const queue = createPrintQueue(db, {
      send: async () => { throw new Error('kabel putus'); },
      render: (d, w) => renderEscPos(d, { cpl: w }),
    });
    const job = queue.enqueue('payment', 'R-1', doc);
    const out = await queue.printNow(job.id);
    expect(out).toMatchObject({ ok: false, error: { code: 'PRINTER_IO' } });
    expect(queue.get(job.id)).toMatchObject({ status: 'queued', lastError: 'PRINTER_IO: kabel putus' });

    const broken = queue.enqueue('payment', 'R-2', { blocks: [{ type: 'qr', data: '' }] });
    expect(broken.status).toBe('failed');
    expect(broken.lastError).toMatch(/^INVALID_DOC/);
    db.prepare("UPDATE print_jobs SET doc_json = 'not json' WHERE id = ?").run(job.id);
    expect(await queue.printNow(job.id)).toMatchObject({ ok: false, error: { code: 'PRINTER_RENDER' } });
    expect(queue.get(job.id)!.status).toBe('failed');
    expect(await queue.printNow('nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('two print requests for the same job at once print it once', async () => {
    const { queue, printer, sends } = await setup();
    const job = queue.enqueue('payment', payment.receiptNo, doc);
    const [a, b] = await Promise.all([queue.printNow(job.id), queue.printNow(job.id)]);
    expect(a.ok && b.ok).toBe(true);
    expect(sends()).toBe(1);
    expect(printer.jobs()).toHaveLength(1);
  });
});
