import { afterEach, describe, expect, it } from 'vitest';
import { signInAs } from '../../support/host';
import { paymentHost, seedParticipant, type PaymentHost } from './helpers';

// Riwayat over the router: filters, search, paging, one entry opened, and the CSV export.

let h: PaymentHost | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function day(ph: PaymentHost) {
  const sri = seedParticipant(ph.services);
  const budi = seedParticipant(ph.services, { nik: '3518011203850003', name: 'BUDI "=CMD" SANTOSO', kpj: '12345678901' });
  const agus = await signInAs(ph.host, 'agus', '222222');
  const a = await ph.ok('payment.create', { participantId: sri.id, months: 1, cashTendered: 10_000 });
  const b = await ph.ok('payment.create', { participantId: budi.id, months: 3, cashTendered: 50_000 }, agus);
  const c = await ph.ok('payment.create', { participantId: sri.id, months: 1, cashTendered: 10_000 });
  const v = await ph.ok('payment.void', { entryId: c.entryId, reason: 'Dobel bayar', approval: { username: 'kepala', pin: '123456' } });
  return { sri, budi, a, b, c, v };
}

describe('history', () => {
  it('lists newest first with filters by kind, teller and search text, and pages', async () => {
    h = await paymentHost({ printer: false });
    const { a, b, c, v, budi } = await day(h);
    const all = await h.ok('history.list', {});
    expect(all.rows.map((r: { receiptNo: string | null }) => r.receiptNo).slice(0, 4)).toEqual([v.receiptNo, c.receiptNo, b.receiptNo, a.receiptNo]);
    expect(all.today).toBe('2026-11-25');
    expect(all.users.map((u: { displayName: string }) => u.displayName)).not.toContain('Dedi Kurniawan'); // the technician

    const voided = all.rows.find((r: { id: string }) => r.id === c.entryId);
    expect(voided).toMatchObject({ kind: 'CONTRIBUTION', voidedBy: { id: v.voidEntryId, receiptNo: v.receiptNo }, months: { from: '2026-12', to: '2026-12', count: 1 } });
    const voidRow = all.rows.find((r: { id: string }) => r.id === v.voidEntryId);
    expect(voidRow).toMatchObject({ kind: 'VOID', amount: -8_400, refReceiptNo: c.receiptNo, userName: 'Siti Rahayu' });

    const contributions = await h.ok('history.list', { filter: { kind: 'CONTRIBUTION' } });
    expect(contributions.total).toBe(3);
    expect(contributions.totalAmount).toBe(8_400 + 33_600 + 8_400);

    const agusId = all.rows.find((r: { id: string }) => r.id === b.entryId).userId;
    const byAgus = await h.ok('history.list', { filter: { userId: agusId } });
    expect(byAgus.rows.map((r: { id: string }) => r.id)).toEqual([b.entryId]);

    const byName = await h.ok('history.list', { filter: { q: 'santoso', kind: 'CONTRIBUTION' } });
    expect(byName.rows.map((r: { participantId: string }) => r.participantId)).toEqual([budi.id]);
    const byNik = await h.ok('history.list', { filter: { q: '3518 0112', kind: 'CONTRIBUTION' } });
    expect(byNik.total).toBe(1);
    const byKpj = await h.ok('history.list', { filter: { q: '45678901' } });
    expect(byKpj.rows.every((r: { participantId: string }) => r.participantId === budi.id)).toBe(true);
    const byReceipt = await h.ok('history.list', { filter: { q: b.receiptNo } });
    expect(byReceipt.rows.map((r: { id: string }) => r.id)).toEqual([b.entryId]);
    const wildcard = await h.ok('history.list', { filter: { q: '%' } });
    expect(wildcard.total).toBe(0);

    const page2 = await h.ok('history.list', { page: 2, pageSize: 2 });
    expect(page2.rows).toHaveLength(2);
    expect(page2.total).toBe(all.total);
    expect(page2.rows[0].id).toBe(all.rows[2].id);

    const empty = await h.ok('history.list', { filter: { from: '2026-11-26', to: '2026-11-30' } });
    expect(empty.total).toBe(0);
    const badRange = await h.call('history.list', { filter: { from: '2026-11-26', to: '2026-11-01' } });
    expect(!badRange.ok && badRange.error.fields).toEqual([{ path: 'filter.to', key: 'err.history.range' }]);
  });

  it('opens one entry with its receipt and whether it may be voided', async () => {
    h = await paymentHost({ printer: false });
    const { a, c, v } = await day(h);
    const open = await h.ok('history.get', { id: a.entryId });
    expect(open).toMatchObject({ canVoid: true, voidBlockedKey: null, canReprint: true, cashTendered: 10_000, change: 1_600, monthList: ['2026-11'] });
    expect(open.programs).toEqual([{ code: 'JKK', amount: 10_000 }, { code: 'JKM', amount: 6_800 }]);
    expect(open.reductions).toEqual([{ regulation: 'PP 50/2025', amount: 8_400 }]);
    expect(open.receipt.blocks.some((b: { type: string; data?: string }) => b.type === 'qr' && b.data === a.receiptNo)).toBe(true);
    expect(open.print).toMatchObject({ status: 'queued', errorKey: 'printing.err.notConfigured' });

    const gone = await h.ok('history.get', { id: c.entryId });
    expect(gone).toMatchObject({ canVoid: false, voidBlockedKey: 'err.payment.alreadyVoided' });
    const slip = await h.ok('history.get', { id: v.voidEntryId });
    expect(slip).toMatchObject({ reason: 'Dobel bayar', approvedBy: 'Bambang Wijaya', canVoid: false });
    const missing = await h.call('history.get', { id: '01JUNKNOWN000000000000000' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('exports the filtered list as CSV with the NIK masked, audited', async () => {
    h = await paymentHost({ printer: false });
    const { b, budi } = await day(h);
    const out = await h.ok('history.exportCsv', { filter: { kind: 'CONTRIBUTION' } });
    expect(out.filename).toBe('riwayat-64400-01-20261125.csv');
    expect(out.rows).toBe(3);
    const lines = out.csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Waktu,Tanggal buku,Jenis,No. bukti,Petugas,Peserta,NIK,No. KPJ,Periode,Jumlah (Rp),Bukti asal,Status');
    expect(lines).toHaveLength(4);
    const budiLine = lines.find((l: string) => l.includes(b.receiptNo))!;
    expect(budiLine).toContain('3518**********03');
    expect(out.csv).not.toContain(budi.nik);
    expect(budiLine).toContain('"BUDI ""=CMD"" SANTOSO"');
    expect(budiLine).toContain('2026-11..2027-01');
    expect(budiLine).toContain(',33600,');
    expect(lines.filter((l: string) => l.endsWith(',DIBATALKAN'))).toHaveLength(1);
    const audited = h.services.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'history.exportCsv'").get() as { n: number };
    expect(audited.n).toBe(1);
  });
});
