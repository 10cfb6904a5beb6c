import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paymentHost, seedParticipant, type PaymentHost } from './helpers';
import { form } from '../registration/helpers';
import { walPageCounter } from '../../support/wal-pages';

// Issue 15's commit rate: a durable commit's cost grows with the pages it writes to the WAL
// (each B-tree the transaction touches is at least one 4 KiB page, and the fsync flushes them
// all). Counted, not timed: the WAL's growth per payment and per registration, with automatic
// checkpoints off so that nothing is moved out of it while counting. Before migration 15 a
// payment wrote 25.4 pages and a registration about 30; now 16 and 27.

let h: PaymentHost | null = null;
afterEach(async () => { await h?.cleanup(); h = null; });

describe('pages a commit writes', () => {
  it('a payment (entry, 3 months, print job, outbox, audit) writes at most 17 pages; a registration at most 28', async () => {
    h = await paymentHost({ printer: false });
    const people = Array.from({ length: 40 }, (_, i) => seedParticipant(h!.services, { nik: `3518014708${String(900000 + i).padStart(6, '0')}`, name: `PESERTA ${i}` }));
    // Warm up: the day's first entries create pages every later one only updates.
    for (const p of people.slice(0, 10)) await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 });
    const pages = walPageCounter(h.services.db, join(h.host.dir, 'ledger.sqlite'));
    const n = 30;
    const before = pages();
    expect(before).toBe(0);
    for (const p of people.slice(10, 10 + n)) await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 });
    const perPayment = (pages() - before) / n;
    expect(perPayment).toBeGreaterThan(5);
    expect(perPayment).toBeLessThanOrEqual(17);

    const afterPayments = pages();
    for (let i = 0; i < n; i++) await h.ok('registration.create', form({ name: `Peserta ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}` }));
    const perRegistration = (pages() - afterPayments) / n;
    expect(perRegistration).toBeGreaterThan(5);
    expect(perRegistration).toBeLessThanOrEqual(28);
  });
});
