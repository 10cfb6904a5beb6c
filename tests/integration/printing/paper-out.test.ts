import { afterEach, describe, expect, it } from 'vitest';
import { count, paymentHost, seedParticipant, type PaymentHost } from '../payment/helpers';

// The virtual printer answers DLE EOT like a real one; here its paper runs out during a
// payment, and a cash drawer hangs on it.

let h: PaymentHost | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

describe('paper out during a payment (network printer, DLE EOT)', () => {
  it('saves the payment, queues the receipt, shows "paper out", prints it once paper is loaded', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services, { name: 'ʿABD AL-RAḤMĀN' });
    h.printer!.setCondition({ paperOut: true });
    const out = await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 });
    expect(out.print).toMatchObject({ status: 'queued', errorKey: 'printing.err.paperOut' });
    expect(h.services.ledger.byId(out.entryId)).toMatchObject({ kind: 'CONTRIBUTION', amount: 33_600 });
    expect(count(h.services, "SELECT COUNT(*) AS n FROM print_jobs WHERE ref_id = ? AND status = 'queued'", out.entryId)).toBe(1);
    expect((await h.ok('status.get', {})).printer).toBe('paperOut');
    // The printer was asked and nothing was sent to it.
    expect(h.printer!.statusRequests()).toBeGreaterThanOrEqual(3);
    expect(h.printer!.jobs()).toHaveLength(0);

    h.printer!.setCondition({});
    expect(await h.services.printing.refreshStatus()).toBe('ready');
    const job = await h.printer!.waitForJob(1);
    expect(job.decoded.lines.some((l) => /^TOTAL +Rp33\.600$/.test(l))).toBe(true);
    expect(job.decoded.lines.join('\n')).toContain("'ABD AL-RAHMAN");
    expect(job.decoded.qr).toEqual([out.receiptNo]);
    await expect.poll(() => count(h!.services, "SELECT COUNT(*) AS n FROM print_jobs WHERE ref_id = ? AND status = 'printed'", out.entryId)).toBe(1);
    expect(h.printer!.jobs()).toHaveLength(1);
  });

  it('the cover open is its own light and error', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    h.printer!.setCondition({ coverOpen: true });
    const out = await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 20_000 });
    expect(out.print).toMatchObject({ status: 'queued', errorKey: 'printing.err.coverOpen' });
    expect((await h.ok('status.get', {})).printer).toBe('coverOpen');
  });
});

describe('cash drawer on the printer', () => {
  it('kicks the drawer (ESC p) with a cash payment only when set, never on a copy', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 20_000 });
    expect((await h.printer!.waitForJob(1)).decoded.drawerKicks).toBe(0);

    h.services.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, cashDrawer: true } }));
    const out = await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 20_000 });
    const job = await h.printer!.waitForJob(2);
    expect(job.decoded.drawerKicks).toBe(1);
    // ESC p 0 t1 t2: pin 2, 50 ms on, 500 ms off, before the first line prints.
    expect(job.bytes.indexOf(Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]))).toBeLessThan(job.bytes.indexOf(Buffer.from('Rp', 'latin1')));
    await h.ok('payment.reprint', { entryId: out.entryId });
    expect((await h.printer!.waitForJob(3)).decoded.drawerKicks).toBe(0);
  });
});
