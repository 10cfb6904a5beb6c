import { afterEach, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { count, paymentHost, seedParticipant, type PaymentHost } from './helpers';

// Void with a head's approval (over the router), and a printer that is down during a payment.

let h: PaymentHost | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

async function paid(ph: PaymentHost) {
  const p = seedParticipant(ph.services);
  const out = await ph.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 });
  await ph.printer?.waitForJob(1);
  return { p, out };
}

const voidsOf = (ph: PaymentHost, id: string) => count(ph.services, "SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'VOID' AND ref_entry_id = ?", id);

describe('void', () => {
  it("refuses a teller's void without a head's PIN, whatever is sent instead", async () => {
    h = await paymentHost();
    const { out } = await paid(h);
    const base = { entryId: out.entryId, reason: 'Salah pilih peserta' };

    const none = await h.call('payment.void', base);
    expect(!none.ok && none.error.code).toBe('INVALID_INPUT');
    expect(!none.ok && none.error.fields?.map((f) => f.path)).toContain('approval');

    const own = await h.call('payment.void', { ...base, approval: { username: 'siti', pin: '111111' } });
    expect(!own.ok && own.error).toMatchObject({ code: 'FORBIDDEN', key: 'approval.notHead' });

    const wrong = await h.call('payment.void', { ...base, approval: { username: 'kepala', pin: '000000' } });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'WRONG_PIN' });
    expect(!wrong.ok && wrong.error.fields?.[0]?.path).toBe('approval.pin');

    const noReason = await h.call('payment.void', { ...base, reason: ' ', approval: { username: 'kepala', pin: '123456' } });
    expect(!noReason.ok && noReason.error.fields).toEqual([{ path: 'reason', key: 'err.payment.reasonRequired' }]);

    // A head signed in must approve with the PIN too.
    const headNoPin = await h.call('payment.void', base, h.head);
    expect(!headNoPin.ok && headNoPin.error.code).toBe('INVALID_INPUT');

    expect(voidsOf(h, out.entryId)).toBe(0);
    expect(count(h.services, 'SELECT COUNT(*) AS n FROM participant_months WHERE voided_by IS NULL')).toBe(3);
  });

  it("a head's PIN at the teller's session voids: a VOID entry reverses it, the original stays, the months are payable again", async () => {
    h = await paymentHost();
    const { p, out } = await paid(h);
    const r = await h.ok('payment.void', {
      entryId: out.entryId, reason: 'Salah jumlah bulan', approval: { username: 'kepala', pin: '123456' },
    });
    expect(r).toMatchObject({ amount: -33_600, receiptNo: '64400-01-20261125-0002' });
    expect(r.print.status).toBe('printed');
    const v = h.services.ledger.byId(r.voidEntryId)!;
    expect(v).toMatchObject({ kind: 'VOID', amount: -33_600, ref_entry_id: out.entryId, participant_id: p.id });
    const payload = JSON.parse(v.payload!);
    expect(payload).toMatchObject({ reason: 'Salah jumlah bulan', originalReceiptNo: out.receiptNo, approvedBy: { username: 'kepala' } });
    expect(h.services.ledger.byId(out.entryId)).toMatchObject({ kind: 'CONTRIBUTION', amount: 33_600 });
    expect(count(h.services, 'SELECT COUNT(*) AS n FROM participant_months WHERE voided_by = ?', v.id)).toBe(3);
    expect(count(h.services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'payment.void' AND target = ? AND username = 'siti'", out.entryId)).toBe(1);
    expect(count(h.services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.approval' AND username = 'kepala'")).toBe(1);

    const slip = await h.printer!.waitForJob(2);
    const text = slip.decoded.lines.join('\n');
    expect(text).toContain('BUKTI PEMBATALAN TRANSAKSI');
    expect(text).toContain(out.receiptNo);
    expect(text).toContain('-Rp33.600');
    expect(text).toContain('Salah jumlah bulan');
    expect(text).toContain('Bambang Wijaya');
    expect(slip.decoded.qr).toEqual([r.receiptNo]);

    const o = await h.ok('payment.options', { participantId: p.id });
    expect(o.coverage.paidUntil).toBeNull();
    expect(o.payableMonths[0]).toBe('2026-11');

    const twice = await h.call('payment.void', { entryId: out.entryId, reason: 'lagi', approval: { username: 'kepala', pin: '123456' } });
    expect(!twice.ok && twice.error).toMatchObject({ code: 'CONFLICT', key: 'err.payment.alreadyVoided' });
    const ofVoid = await h.call('payment.void', { entryId: r.voidEntryId, reason: 'lagi', approval: { username: 'kepala', pin: '123456' } });
    expect(!ofVoid.ok && ofVoid.error.key).toBe('err.payment.voidKind');
    expect(voidsOf(h, out.entryId)).toBe(1);

    // The months may be paid again after the void.
    const again = await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 8_400 });
    expect(again.months).toEqual(['2026-11']);
  });

  it("refuses to void another business day's payment", async () => {
    h = await paymentHost();
    const { out } = await paid(h);
    h.clock.advance(24 * 3600_000);
    await h.relogin();
    const r = await h.call('payment.void', { entryId: out.entryId, reason: 'Terlambat', approval: { username: 'kepala', pin: '123456' } });
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', key: 'err.payment.voidOtherDay' });
    expect(voidsOf(h, out.entryId)).toBe(0);
    // Nothing was asked of the head: the refusal comes before the PIN.
    expect(count(h.services, "SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'auth.approval%'")).toBe(0);
  });
});

describe('printer down during a payment', () => {
  it('keeps the payment, queues the receipt, says offline; "Cetak ulang" prints one SALINAN when the printer is back', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    await h.printer!.setOnline(false);
    const out = await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 });
    expect(out.print).toMatchObject({ status: 'queued', errorKey: 'printing.err.unreachable' });
    expect(h.services.ledger.byId(out.entryId)).toMatchObject({ kind: 'CONTRIBUTION', amount: 33_600 });
    expect(count(h.services, "SELECT COUNT(*) AS n FROM print_jobs WHERE ref_id = ? AND status = 'queued'", out.entryId)).toBe(1);
    const status = await h.ok('status.get', {});
    expect(status.printer).toBe('offline');
    expect(await h.ok('payment.printStatus', { entryId: out.entryId })).toMatchObject({ status: 'queued', copy: false });

    await h.printer!.setOnline(true);
    const again = await h.ok('payment.reprint', { entryId: out.entryId });
    expect(again).toMatchObject({ status: 'printed', copy: true, errorKey: null });
    const job = await h.printer!.waitForJob(1);
    const lines = job.decoded.lines;
    expect(lines.filter((l) => l.trim() === 'SALINAN')).toHaveLength(2); // top and bottom
    expect(lines.some((l) => /^TOTAL +Rp33\.600$/.test(l))).toBe(true);
    expect(job.decoded.qr).toEqual([out.receiptNo]);
    expect(count(h.services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'payment.reprint' AND target = ?", out.entryId)).toBe(1);

    // The original that never came out does not print as well later.
    const sweep = await h.services.printing.retryPending();
    expect(sweep).toEqual({ printed: 0, failed: 0, remaining: 0 });
    expect(h.printer!.jobs()).toHaveLength(1);
    expect((await h.ok('status.get', {})).printer).toBe('ready');
  });

  it('a later reprint of a printed receipt says SALINAN too', async () => {
    h = await paymentHost({ cpl: 32 });
    const { out } = await paid(h);
    expect(h.printer!.jobs()[0].decoded.lines.join('\n')).not.toContain('SALINAN');
    await h.ok('payment.reprint', { entryId: out.entryId });
    const copy = await h.printer!.waitForJob(2);
    expect(copy.decoded.lines.filter((l) => l.trim() === 'SALINAN')).toHaveLength(2);
    expect(copy.decoded.lines.filter((l) => l.length > 32)).toEqual([]);
  });

  it('gives the receipt as a PDF copy too', async () => {
    h = await paymentHost();
    const { out } = await paid(h);
    const pdf = await h.ok('payment.receiptPdf', { entryId: out.entryId });
    expect(pdf.filename).toBe(`struk-${out.receiptNo}.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      const text = (await parser.getText()).text;
      expect(text).toContain(out.receiptNo);
      expect(text).toContain('SALINAN');
      expect(text).toContain('3201**********01');
    } finally {
      await parser.destroy();
    }
  });
});
