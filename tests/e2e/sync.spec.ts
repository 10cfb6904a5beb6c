import { test, expect, signIn } from './fixtures';
import { enrol, testCentral } from '../support/central';

test('the status bar shows entries waiting, and "Kirim sekarang" sends them to the central server', async ({ page, host }) => {
  const central = await testCentral();
  try {
    await enrol(host, central);
    const s = host.services;
    const teller = s.auth.listUsers().find((u) => u.username === 'siti')!;
    for (const amount of [16800, 18800]) {
      s.ledger.record(
        { kind: 'CONTRIBUTION', userId: teller.id, participantId: '01KE2EPARTICIPANT000000001', amount, paymentMethod: 'CASH', payload: { months: ['2026-11'] } },
        { actor: { userId: teller.id, username: teller.username }, action: 'payment.create' },
      );
    }
    await signIn(page, 'siti');
    const bar = page.getByRole('contentinfo');
    await expect(bar).toContainText('2 menunggu kirim');
    await bar.getByRole('button', { name: 'Kirim sekarang' }).click();
    await expect(bar.getByRole('status')).toHaveText('2 terkirim');
    await expect(bar).toContainText('0 menunggu kirim');
    await expect(bar).toContainText('Daring');
    expect(central.admin.counts().entries).toBe(2);
  } finally {
    await central.dispose();
  }
});
