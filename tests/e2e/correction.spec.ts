import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { startVirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { seedParticipant } from '../integration/payment/helpers';
import AxeBuilder from '@axe-core/playwright';
import { createPersonalDataStore } from '../../electron/services/participants/personal-data';
import { layoutProblems } from '../support/layout-check';

// Issue 16 item 2: a teller corrects a worker's name and phone from the payment screen, with the
// worker present; a head types their user name and PIN on the same dialog. The screen reads the
// new data at once, and the old version stays kept for the audit.

test('a teller corrects a name and a phone with a head\'s PIN; the screen reads the new data, and the worker gets a print of what is held', async ({ page, host, dataDir }) => {
  const s = host.services;
  const printer = await startVirtualPrinter({ dir: join(dataDir, 'printer') });
  s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'virtual', port: printer.port, paperWidth: 80, charsPerLine: 48 } }));
  const p = seedParticipant(s, { name: 'SRI WAHYUNI', phone: '+6281234567890' });
  await signIn(page, 'siti');
  await page.keyboard.press('F3');
  const find = page.getByLabel('NIK, nomor KPJ atau nama');
  await find.fill('sri wahyuni');
  await find.press('Enter');
  await page.getByRole('button', { name: 'Pilih SRI WAHYUNI' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'SRI WAHYUNI' })).toBeVisible();

  await page.getByRole('button', { name: 'Koreksi data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Koreksi data peserta' });
  const name = dialog.getByLabel('Nama lengkap (sesuai KTP)');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('SRI WAHYUNI');
  await expect(dialog.getByLabel('Tanggal lahir')).toHaveValue('05/05/1980');
  // Readable by a screen reader, and laid out on an old 1024×768 monitor.
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await layoutProblems(page)).toEqual([]);

  // Nothing changed yet: said, and nothing written.
  const entries = s.ledger.count();
  await dialog.getByLabel('Alasan koreksi').fill('salah ketik nama');
  await dialog.getByLabel('Nama pengguna kepala').fill('kepala');
  await dialog.getByLabel('PIN kepala').fill('123456');
  await dialog.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Tidak ada data yang berubah: ubah paling sedikit satu isian.');

  await name.fill('SRI WAHYUNINGSIH');
  await dialog.getByLabel('Nomor HP').fill('0813 1111 2222');
  await dialog.getByLabel('PIN kepala').fill('000000');
  await dialog.getByRole('button', { name: 'Simpan koreksi' }).click();
  await expect(dialog.getByLabel('PIN kepala')).toHaveAccessibleDescription(/^PIN salah/);
  expect(s.ledger.count()).toBe(entries);

  await dialog.getByLabel('PIN kepala').fill('123456');
  await dialog.getByLabel('PIN kepala').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Data peserta dikoreksi (versi 2).' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'SRI WAHYUNINGSIH' })).toBeVisible();
  expect(s.ledger.count()).toBe(entries + 1);
  const row = s.participants.byId(p.id)!;
  expect(row).toMatchObject({ name: 'SRI WAHYUNINGSIH', phone: '+6281311112222', mother_name: 'SUMINAH' });
  // Registered before personal data left the chain: its version 1 is the old entry; the correction is version 2.
  expect(createPersonalDataStore(s.db).versions(p.id).map((v) => v.version)).toEqual([2]);

  // "Data yang kami simpan": previewed, then printed for the worker.
  await page.getByRole('button', { name: 'Data yang kami simpan' }).click();
  const report = page.getByRole('dialog', { name: 'Data pribadi yang kami simpan' });
  const preview = report.getByRole('figure', { name: 'Pratinjau ringkasan data' });
  await expect(preview).toContainText('SRI WAHYUNINGSIH');
  await expect(preview).toContainText('v2 Dikoreksi');
  await expect(preview).not.toContainText('SUMINAH');
  await report.getByRole('button', { name: 'Cetak' }).click();
  await expect(report.getByRole('status')).toHaveText('Ringkasan dicetak.');
  const job = await printer.waitForJob(1);
  const text = job.decoded.lines.join('\n');
  expect(text).toContain('DATA PRIBADI YANG KAMI SIMPAN');
  expect(text).toContain('SRI WAHYUNINGSIH');
  expect(text).not.toContain(p.nik);
  // Esc closes the dialog and only the dialog: the teller is still on this participant.
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { name: 'SRI WAHYUNINGSIH' })).toBeVisible();
  await printer.close();
});

test('a head erases a participant\'s personal data by BPJS\'s order, with their PIN again', async ({ page, host }) => {
  const s = host.services;
  const { form } = await import('../integration/registration/helpers');
  const input = form({ name: 'RATNA SARI', motherName: 'DEWI LESTARI' });
  const reg = await s.registration.create(input, { userId: 'seed', username: 'siti', displayName: 'Siti Rahayu' });
  // Central has acknowledged the registration (its data travelled with it).
  s.db.prepare("INSERT INTO sync_acks (entry_id, status, acked_at, kpj) VALUES (?, 'accepted', ?, '26000000001')").run(reg.entryId, new Date().toISOString());
  s.db.prepare('DELETE FROM outbox WHERE entry_id = ?').run(reg.entryId);

  await signIn(page, 'kepala');
  await page.keyboard.press('F3');
  const find = page.getByLabel('NIK, nomor KPJ atau nama');
  await find.fill('ratna sari');
  await find.press('Enter');
  await page.getByRole('button', { name: 'Pilih RATNA SARI' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Hapus data pribadi peserta' });
  // Esc backs out of the dialog only, with focus in its field: the head stays on this participant.
  await page.getByRole('button', { name: 'Hapus data (perintah BPJS)' }).click();
  await expect(dialog.getByLabel('Nomor surat perintah BPJS')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'RATNA SARI' })).toBeVisible();
  await page.getByRole('button', { name: 'Hapus data (perintah BPJS)' }).click();
  await expect(dialog).toContainText('Tidak dapat dibatalkan');
  await dialog.getByRole('button', { name: 'Hapus data' }).click();
  await expect(dialog.getByLabel('Nomor surat perintah BPJS')).toHaveAccessibleDescription('Nomor surat perintah BPJS wajib diisi.');
  await dialog.getByLabel('Nomor surat perintah BPJS').fill('BPJS/PDP/2026/017');
  await dialog.getByLabel('Nama pengguna kepala').fill('kepala');
  await dialog.getByLabel('PIN kepala').fill('123456');
  await dialog.getByRole('button', { name: 'Hapus data' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Data pribadi peserta dihapus (1 versi).' })).toBeVisible();
  const row = JSON.stringify(s.participants.byId(reg.participant.id));
  for (const secret of [input.nik, 'RATNA', 'DEWI', 'Merdeka']) expect(row).not.toContain(secret);
  expect((await s.verifyLedger()).ok).toBe(true);
});
