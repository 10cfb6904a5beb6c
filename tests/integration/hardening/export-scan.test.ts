import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { LoketHost } from '../../../electron/host';
import { layoutLines, type ReceiptDoc } from '../../../shared/receipts/layout';
import { signInAs } from '../../support/host';
import { tempDir } from '../../support/tmp';
import { demoHost } from '../../support/demo-ledger';

// Issue 16 item 7: every output of a demo day leaves the NIK masked and names no worker's mother.
// Each export a user can take away (CSV, PDF, the technician's log file, every receipt and
// slip in the print queue, the data summary) is scanned for the demo participants' NIKs, for
// any 16-digit run, and for their mothers' names.

let t: ReturnType<typeof tempDir>;
let host: LoketHost;
let secrets: { niks: string[]; mothers: string[] };

beforeAll(async () => {
  t = tempDir();
  host = await demoHost(t.dir, { days: 2, seed: 23 });
  const people = host.services.db.prepare('SELECT nik, mother_name FROM participants').all() as { nik: string; mother_name: string | null }[];
  secrets = { niks: people.map((p) => p.nik), mothers: people.flatMap((p) => (p.mother_name ? [p.mother_name] : [])) };
}, 120_000);
afterAll(() => { host?.close(); t?.cleanup(); });

function expectClean(what: string, text: string): void {
  // Hashes quoted in an output (a closing report's) may hold 16 digits by chance: cut out first.
  const plain = text.replace(/[0-9a-f]{64}/g, '#');
  expect(plain, `${what}: a 16-digit run`).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  for (const nik of secrets.niks) expect(plain.includes(nik), `${what}: NIK ${nik.slice(0, 4)}…`).toBe(false);
  for (const m of secrets.mothers) expect(plain.toLowerCase().includes(m.toLowerCase()), `${what}: a mother's name`).toBe(false);
}

/** A receipt as the printer would print it: its lines and its QR payloads. */
const receiptText = (doc: ReceiptDoc, cpl: number) =>
  layoutLines(doc, cpl).map((l) => (l.kind === 'text' ? l.text : l.kind === 'qr' ? l.data : '')).join('\n');

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) });
  try { return (await parser.getText()).text; } finally { await parser.destroy(); }
}

async function as(username: string, pin: string) {
  const session = await signInAs(host, username, pin);
  return async (procedure: string, input: unknown = {}) => {
    const r = await host.router.call({ procedure, input, session }, 'direct');
    if (!r.ok) throw new Error(`${procedure}: ${JSON.stringify(r.error)}`);
    return r.output as any;
  };
}

describe('every output of a demo day', () => {
  it('has demo data to leak: participants with NIKs and mothers\' names, receipts, closed days', () => {
    expect(secrets.niks.length).toBeGreaterThan(3);
    expect(secrets.mothers.length).toBeGreaterThan(3);
  });

  it('CSV exports (history, monitoring)', async () => {
    const head = await as('kepala', '123456');
    const history = await head('history.exportCsv', { filter: {} });
    expect(history.rows).toBeGreaterThan(10);
    expectClean('history CSV', history.csv);
    expectClean('monitoring CSV', (await head('monitoring.exportCsv')).csv);
  });

  it('PDFs (receipts, closing reports, monitoring)', async () => {
    const head = await as('kepala', '123456');
    const entries = host.services.db.prepare("SELECT id FROM ledger_entries WHERE kind IN ('CONTRIBUTION', 'VOID') LIMIT 5").pluck().all() as string[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entryId of entries) {
      const text = await pdfText((await head('payment.receiptPdf', { entryId })).base64);
      expect(text).toMatch(/\d{4}\*{10}\d{2}/); // the NIK is there, masked: the text was read
      expectClean(`receipt PDF ${entryId}`, text);
    }
    const days = host.services.db.prepare('SELECT business_date FROM closings').pluck().all() as string[];
    expect(days.length).toBeGreaterThan(0);
    for (const businessDate of days) expectClean(`closing PDF ${businessDate}`, await pdfText((await head('closing.reportPdf', { businessDate })).base64));
    expectClean('monitoring PDF', await pdfText((await head('monitoring.exportPdf')).base64));
  });

  it('every receipt and slip in the print queue, and the data summary', async () => {
    const docs = host.services.db.prepare('SELECT kind, doc_json FROM print_jobs').all() as { kind: string; doc_json: string }[];
    expect(new Set(docs.map((d) => d.kind)).size).toBeGreaterThan(1);
    expect(receiptText(JSON.parse(docs[0].doc_json) as ReceiptDoc, 48)).toMatch(/\*{6}/); // a masked NIK is there to see
    for (const d of docs) expectClean(`print job ${d.kind}`, receiptText(JSON.parse(d.doc_json) as ReceiptDoc, 48));
    const teller = await as('siti', '111111');
    const someone = host.services.db.prepare("SELECT id FROM participants WHERE origin = 'local' LIMIT 1").pluck().get() as string;
    const report = await teller('participants.dataReport', { id: someone });
    const summary = receiptText(report.receipt, report.cpl);
    expect(summary).toContain('DATA PRIBADI YANG KAMI SIMPAN');
    expectClean('data summary', summary);
  });

  it('the logs, as kept and as exported for the technician', async () => {
    const tech = await as('teknisi', '999999');
    const exported = await tech('diagnostics.exportLogs');
    expect(exported.lines).toBeGreaterThan(0);
    expectClean('exported logs', Buffer.from(exported.base64, 'base64').toString('utf8'));
    const dir = join(t.dir, 'logs');
    for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isFile()) expectClean(`log ${f}`, readFileSync(join(dir, f), 'utf8'));
  });
});
