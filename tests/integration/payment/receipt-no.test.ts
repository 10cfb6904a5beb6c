import { afterEach, describe, expect, it } from 'vitest';
import { testHost } from '../../support/host';
import { createReceiptNumbers, receiptPrefix } from '../../../electron/services/payment/receipt-no';

// Receipt numbers past 9999 in a day: the look-up orders by length first, so 10000 follows 9999
// (a plain text order would put "…-9999" after "…-10000" and hand out 10000 twice).

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

describe('receipt numbers', () => {
  it('follow 9999 with 10000 and 10001, and ignore other counters\' numbers of the same day', async () => {
    const h = await testHost();
    cleanup = h.cleanup;
    const s = h.services;
    const st = s.settings.get();
    const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
    const numbers = createReceiptNumbers(s.db);
    const parts = { branchCode: st.branch.code, counterNumber: st.counter.number, counterId: st.counter.id, businessDate: s.ledger.today() };
    const prefix = receiptPrefix(parts);
    const drawAndWrite = s.db.transaction((receiptNo?: string) => {
      const no = receiptNo ?? numbers.next(parts);
      s.ledger.append({ kind: 'CASH_IN', userId: teller.id, amount: 1000, paymentMethod: 'CASH', receiptNo: no, payload: { note: 'test' } });
      return no;
    });
    drawAndWrite(`${prefix}9998`);
    // Another counter's prefix on this counter's day must not be read as ours.
    drawAndWrite(`${receiptPrefix({ ...parts, counterNumber: parts.counterNumber + 1 })}99999`);
    expect(drawAndWrite()).toBe(`${prefix}9999`);
    expect(drawAndWrite()).toBe(`${prefix}10000`);
    expect(drawAndWrite()).toBe(`${prefix}10001`);
  });
});
