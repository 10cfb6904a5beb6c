import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringOverview } from '../../../shared/contract/monitoring';
import { testClock, testHost } from '../../support/host';
import { ok, register, sessions, type Host } from './monitoring-helpers';

// A counter never connected to a central server: the usual period and target, figures from its
// own ledger, no ranking. Only a head may open monitoring or export it; exports are audited.

const clock = testClock('2026-11-25T03:00:00.000Z');
let host: Host;
let s: Awaited<ReturnType<typeof sessions>>;
const call = (procedure: string, session: string) => host.router.call({ procedure, input: {}, session }, 'direct');

beforeAll(async () => {
  host = await testHost({ clock });
  await register(host, 'siti', 'Ahmad Fauzi');
  await register(host, 'agus', 'Bayu Pratama');
  s = await sessions(host);
}, 30_000);
afterAll(async () => { await host.cleanup(); });

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try { return (await parser.getText()).text; } finally { await parser.destroy(); }
}

describe('monitoring access', () => {
  for (const role of ['teller', 'technician'] as const) {
    it(`refuses a ${role} every monitoring procedure, and writes nothing`, async () => {
      const audits = () => (host.services.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'monitoring.%'").get() as { n: number }).n;
      const before = audits();
      for (const p of ['monitoring.overview', 'monitoring.exportCsv', 'monitoring.exportPdf']) {
        const r = await call(p, s[role]);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
      }
      expect(audits()).toBe(before);
      expect(existsSync(join(host.dir, 'reports'))).toBe(false);
    });
  }

  it('refuses a caller without a session', async () => {
    const r = await host.router.call({ procedure: 'monitoring.overview', input: {} }, 'direct');
    expect(r.ok).toBe(false);
  });
});

describe('monitoring of a counter that was never enrolled', () => {
  it('uses the usual period of 500 and says so; no ranking, other counters unknown', async () => {
    const o: MonitoringOverview = ok(await call('monitoring.overview', s.head));
    expect(o.central).toEqual({ state: 'notEnrolled', targetsFetchedAt: null });
    expect(o.periodSource).toBe('default');
    expect(o.period).toMatchObject({ from: '2026-09-01', to: '2026-12-31', target: 500 });
    expect(o.progress).toMatchObject({ thisCounter: 2, otherCounters: null, branchTotal: 2, remaining: 498, daysLeft: 37, paceNeeded: 14 });
    expect(o.standings).toEqual({ state: 'none', asOf: null, mine: null, branchesNational: 0, branchesInProvince: 0, province: [] });
    expect(o.perCounter).toEqual([{ counterId: '64400-01', thisCounter: true, registrations: 2, payments: 0, source: 'ledger' }]);
    expect(o.winBack.rows.map((w) => w.name)).toEqual(['Ahmad Fauzi', 'Bayu Pratama']);
  });
});

describe('exports', () => {
  it('gives the tables as CSV, phone numbers included, and audits the export', async () => {
    const out = ok<{ filename: string; csv: string }>(await call('monitoring.exportCsv', s.head));
    expect(out.filename).toBe('monitoring-64400-01-2026-P3-2026-11-25.csv');
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const lines = out.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Ringkasan');
    expect(lines).toContain('Target,500');
    expect(lines).toContain('Peserta baru cabang,2');
    expect(lines).toContain('Siti Rahayu,1,0,0');
    expect(lines).toContain('Per petugas (loket ini)');
    expect(lines.some((l) => l.startsWith('Ahmad Fauzi,,081234567890,2026-11-25,belum pernah,Iuran bulan ini belum dibayar'))).toBe(true);
    expect(lines).toContain('2026-11-25,2,0,2,352');
    const audit = host.services.db.prepare("SELECT target, username FROM audit_log WHERE action = 'monitoring.exportCsv'").all();
    expect(audit).toEqual([{ target: out.filename, username: 'kepala' }]);
  });

  it('renders a PDF, keeps it under reports/, returns the same bytes, and audits it', async () => {
    const out = ok<{ filename: string; base64: string; path: string }>(await call('monitoring.exportPdf', s.head));
    expect(out.path).toBe(join(host.dir, 'reports', 'monitoring-64400-01-2026-P3-2026-11-25.pdf'));
    const bytes = readFileSync(out.path);
    expect(Buffer.from(out.base64, 'base64').equals(bytes)).toBe(true);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(new Uint8Array(bytes));
    expect(text).toContain('Monitoring target peserta baru');
    expect(text).toContain('KCU Nganjuk');
    expect(text).toMatch(/Peserta baru cabang\s+2/);
    expect(text).toContain('081234567890');
    const audit = host.services.db.prepare("SELECT target FROM audit_log WHERE action = 'monitoring.exportPdf'").pluck().all();
    expect(audit).toEqual([out.filename]);
  });
});
