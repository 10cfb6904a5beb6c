import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import type { LoketHost } from '../../electron/host';
import { newRecoveryKey } from '../../electron/services/backup/age-file';

// A technician on a counter set up before backups were encrypted (the demo's state): makes the
// recovery key on the backup screen (shown once, confirmed as stored), backs up to a "USB
// stick", and restores that backup with the key typed from the paper; a wrong key is said next
// to the field and changes nothing.

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

function recordEntry(host: LoketHost) {
  const user = host.services.auth.listUsers().find((u) => u.username === 'siti')!;
  host.services.ledger.record(
    { kind: 'CONTRIBUTION', userId: user.id, amount: 16800, paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] } },
    { actor: { userId: user.id, username: user.username }, action: 'payment.create' },
  );
}

test('a technician makes the recovery key, backs up encrypted, and restores with the key', async ({ page, host, dataDir }) => {
  for (let i = 0; i < 3; i++) recordEntry(host);
  const usb = join(dataDir, 'usb');
  mkdirSync(usb);

  await signIn(page, 'teknisi', '999999');
  await page.keyboard.press('F8');
  await expect(page.getByRole('heading', { name: 'Cadangan data' })).toBeVisible();
  await page.getByLabel('Folder cadangan').fill(usb);
  await page.getByRole('button', { name: 'Simpan pengaturan cadangan' }).click();
  await expect(page.getByText('Pengaturan cadangan tersimpan.')).toBeVisible();
  // No recovery key yet: backing up waits for one, and the screen says why.
  await expect(page.getByText(/belum punya kunci pemulihan/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cadangkan sekarang' })).toBeDisabled();

  // The key, shown once; it is saved only when the technician says they stored it.
  await page.getByRole('button', { name: 'Buat kunci pemulihan' }).click();
  const shown = page.locator('#recovery-key');
  await expect(shown).toContainText('AGE-SECRET-KEY-1');
  const onPaper = (await shown.textContent())!; // what the technician writes down, in groups of four
  expect(onPaper.replace(/\s+/g, '')).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
  const confirm = page.getByRole('button', { name: 'Kunci sudah disimpan' });
  await expect(confirm).toBeDisabled();
  expect(await seriousViolations(page), 'key shown').toEqual([]);
  await page.getByLabel('Saya sudah menyimpan kunci ini di tempat aman (brankas cabang).').check();
  await confirm.click();
  await expect(page.getByText('Kunci pemulihan tersimpan.', { exact: false })).toBeVisible();
  await expect(page.locator('#recovery-key')).toHaveCount(0); // never shown again
  expect(host.services.settings.get().backup.recoveryRecipient).toMatch(/^age1/);

  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  await expect(page.getByText(/Cadangan loket-64400-01-.*\.sqlite\.age dibuat dan lolos pemeriksaan/)).toBeVisible();
  const file = readdirSync(usb).find((f) => f.endsWith('.sqlite.age'))!;
  expect(readFileSync(join(usb, file)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  const row = page.getByRole('row').filter({ hasText: file });
  await expect(row).toContainText('Terenkripsi');
  recordEntry(host); // a payment after the backup

  // Restore: a wrong key first.
  await row.getByRole('button', { name: 'Pulihkan' }).click();
  const form = page.getByRole('form', { name: `Pulihkan dari ${file}` });
  const keyField = form.getByLabel('Kunci pemulihan', { exact: true });
  await keyField.fill((await newRecoveryKey()).identity);
  await form.getByLabel('Nama pengguna kepala cabang').fill('kepala');
  await form.getByLabel('PIN kepala cabang').fill('123456');
  await form.getByRole('button', { name: 'Pulihkan dengan persetujuan kepala' }).click();
  await expect(keyField).toHaveAccessibleDescription(/^Kunci pemulihan salah: berkas cadangan ini tidak dapat dibuka dengan kunci itu\. Tidak ada yang diubah\./);
  expect(existsSync(join(dataDir, 'ledger.sqlite.restore-pending'))).toBe(false);
  expect(await seriousViolations(page), 'restore form with an error').toEqual([]);

  // Something that is not a key at all is said before anything is sent.
  await keyField.fill('kunci di brankas');
  await form.getByRole('button', { name: 'Pulihkan dengan persetujuan kepala' }).click();
  await expect(keyField).toHaveAccessibleDescription(/^Kunci pemulihan tidak dikenali/);

  // The key typed from the paper, groups and all.
  await keyField.fill('');
  await keyField.pressSequentially(onPaper.toLowerCase());
  await form.getByRole('button', { name: 'Pulihkan dengan persetujuan kepala' }).click();
  await expect(form.getByText('Cadangan lolos pemeriksaan (3 entri) dan siap dipulihkan.', { exact: false })).toBeVisible();
  expect(existsSync(join(dataDir, 'ledger.sqlite.restore-pending'))).toBe(true);
  expect(host.services.ledger.count()).toBe(4); // the open ledger is untouched until the restart
});
