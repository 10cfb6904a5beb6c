import { test, expect, signIn } from './fixtures';
import { enrol, testCentral } from '../support/central';
import { seedParticipant } from '../integration/payment/helpers';

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
    // The link as the last batch found it: round trip and throughput.
    await expect(bar.getByTestId('link-quality')).toHaveText(/^ · jaringan \d+ ms · \d+(\.\d)? (B|KB|MB)\/dtk$/);
    expect(central.admin.counts().entries).toBe(2);
  } finally {
    await central.dispose();
  }
});

test('the KPJ number appears on the open payment screen when the registration reaches central', async ({ page, host }) => {
  const central = await testCentral();
  try {
    await enrol(host, central);
    const p = seedParticipant(host.services, { name: 'RATNA KUSUMA' });
    await signIn(page, 'siti');
    await page.keyboard.press('F3');
    const find = page.getByLabel('NIK, nomor KPJ atau nama');
    await find.fill('ratna kusuma');
    await find.press('Enter');
    await page.getByRole('button', { name: 'Pilih RATNA KUSUMA' }).press('Enter');
    await expect(page.getByRole('heading', { name: 'RATNA KUSUMA' })).toBeVisible();
    await expect(page.getByText('menunggu nomor KPJ')).toBeVisible();

    const bar = page.getByRole('contentinfo');
    await bar.getByRole('button', { name: 'Kirim sekarang' }).click();
    await expect(bar).toContainText('0 menunggu kirim');
    const kpj = host.services.participants.byId(p.id)?.kpj;
    expect(kpj).toMatch(/^\d{11}$/);
    // Without leaving or reopening the screen.
    await expect(page.getByText(kpj!)).toBeVisible();
    await expect(page.getByText('menunggu nomor KPJ')).toHaveCount(0);
  } finally {
    await central.dispose();
  }
});
