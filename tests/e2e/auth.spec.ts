import { test, expect, signIn, submitSignIn } from './fixtures';
import { formatDate, zonedParts } from '../../shared/dates';
import type { LoketHost } from '../../electron/host';
import type { Page } from '@playwright/test';

/** An accessible description that starts with `text` (the field's hint follows the error). */
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const MONEY_SCREENS = ['Pendaftaran', 'Pembayaran', 'Riwayat', 'Tutup Hari', 'Monitoring'];

/** What the server thinks of the page's session (read through the same router the UI calls). */
async function serverSession(page: Page, host: LoketHost) {
  const session = await page.evaluate(() => sessionStorage.getItem('loket.session'));
  const r = await host.router.call({ procedure: 'auth.me', input: {}, session }, 'direct');
  return r.ok ? (r.output as { locked: boolean; user: { username: string } }) : null;
}

test('a wrong PIN is shown next to the PIN field, then the right PIN opens the shell', async ({ page, host, bridge }) => {
  // The bridge token left the address bar once the page had it.
  await expect(page).toHaveURL(`${bridge.origin}/`);
  await submitSignIn(page, 'siti', '000000');
  const pin = page.getByLabel('PIN', { exact: true });
  await expect(pin).toHaveAccessibleDescription(startsWith('PIN salah. Sisa percobaan: 4.'));
  await expect(pin).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveText('PIN salah. Sisa percobaan: 4.');
  await expect(page.getByLabel('Nama pengguna')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('contentinfo')).toHaveCount(0);

  await signIn(page, 'siti', '111111');
  const bar = page.getByRole('contentinfo');
  await expect(bar).toContainText('KCU Nganjuk');
  await expect(bar).toContainText('Loket 1');
  await expect(bar).toContainText('Siti Rahayu');
  await expect(bar).toContainText('(Teller)');
  await expect(bar).toContainText(`${formatDate(host.services.businessDate(), 'id')} WIB`);
  await expect(bar).toContainText(/\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} WIB/);
  await expect(bar).toContainText('Luring'); // no central server is set up on this counter
  await expect(bar).toContainText('0 menunggu kirim');
  await expect(bar).toContainText('Printer');
  await expect(bar).toContainText('Tidak diatur');
  await expect(page.getByRole('heading', { name: 'Selamat datang, Siti Rahayu.' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Menu' });
  for (const name of ['Pendaftaran', 'Pembayaran', 'Riwayat']) await expect(nav.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  await expect(nav.getByRole('button', { name: /Tutup Hari/ })).toHaveCount(0); // a head's screen
  expect((await serverSession(page, host))?.user.username).toBe('siti');
});

test('an unknown user name is shown next to the user name field', async ({ page }) => {
  await submitSignIn(page, 'nobody', '111111');
  await expect(page.getByLabel('Nama pengguna')).toHaveAccessibleDescription('Nama pengguna tidak dikenal.');
  await expect(page.getByLabel('PIN', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
});

test('a PIN that is not 6 digits is refused by the form itself', async ({ page, host }) => {
  await submitSignIn(page, 'siti', '12a');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveAccessibleDescription(startsWith('PIN berupa 6 angka.'));
  const calls = host.services.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'auth.signIn%'").get() as { n: number };
  expect(calls.n).toBe(0); // nothing reached the service
});

test('five wrong PINs lock the user, and then even the right PIN is refused', async ({ page, host }) => {
  const pin = page.getByLabel('PIN', { exact: true });
  for (let remaining = 4; remaining >= 1; remaining--) {
    await submitSignIn(page, 'agus', '000000');
    await expect(pin).toHaveAccessibleDescription(startsWith(`PIN salah. Sisa percobaan: ${remaining}.`));
  }
  await submitSignIn(page, 'agus', '000000');
  await expect(page.getByRole('alert')).toContainText('dikunci sampai');
  const row = host.services.db.prepare('SELECT locked_until FROM users WHERE username = ?').get('agus') as { locked_until: string };
  expect(row.locked_until).toBeTruthy();
  const hhmm = zonedParts(row.locked_until, 'Asia/Jakarta').time.slice(0, 5);
  await expect(pin).toHaveAccessibleDescription(startsWith(`Terlalu banyak PIN salah. Pengguna dikunci sampai ${hhmm} WIB.`));

  await submitSignIn(page, 'agus', '222222');
  await expect(pin).toHaveAccessibleDescription(/dikunci sampai \d{2}:\d{2} WIB/);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  // Another user at the same counter is not affected.
  await signIn(page, 'siti');
});

test('a technician sees no money screens and their keys do nothing', async ({ page }) => {
  await signIn(page, 'teknisi');
  const nav = page.getByRole('navigation', { name: 'Menu' });
  await expect(nav.getByRole('button', { name: /Pengaturan/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /Diagnostik/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /Pengguna/ })).toBeVisible();
  for (const name of MONEY_SCREENS) await expect(nav.getByRole('button', { name: new RegExp(name) })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText('(Teknisi)');

  await page.keyboard.press('F2');
  await page.keyboard.press('Alt+KeyB');
  await page.keyboard.press('F6');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Dedi Kurniawan.');
  // Its own keys do work.
  await page.keyboard.press('F8');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan');
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaturan');
  // The help lists no money shortcut either.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Pintasan keyboard' });
  await expect(help).toContainText('Buka Diagnostik');
  await expect(help).not.toContainText('Pendaftaran');
  await expect(help.getByRole('cell', { name: 'F2', exact: true })).toHaveCount(0);
});

test('a teller opens screens with function keys and Alt letters', async ({ page }) => {
  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Pendaftaran/);
  await expect(page.getByRole('navigation').getByRole('button', { name: /Pendaftaran/ })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+KeyB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pembayaran');
  await page.keyboard.press('F9'); // diagnostics: a technician's screen
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pembayaran');
  // Esc first leaves the field the screen put the focus in, then the screen.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Siti Rahayu.');
});

test('F1 shows every shortcut in a dialog that keeps focus and closes with Esc', async ({ page }) => {
  await signIn(page, 'kepala');
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Pintasan keyboard' });
  await expect(help).toBeVisible();
  for (const key of ['F1', 'Esc', 'Ctrl+L', 'Alt+L', 'Alt+H', 'F2', 'Alt+D', 'F3', 'F4', 'F6', 'F7', 'F8', 'F10']) {
    await expect(help.getByText(key, { exact: true }).first()).toBeVisible();
  }
  await expect(help).toContainText('Kunci layar');
  await expect(help).toContainText('Ganti bahasa');
  await expect(help).toContainText('Buka Tutup Hari');
  await expect(help).not.toContainText('Buka Diagnostik'); // F9 is the technician's
  // Focus stays in the dialog however far one tabs.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('F1');
  await expect(help).toBeVisible();
  await page.keyboard.press('F1');
  await expect(help).toHaveCount(0);
});

test('the language switches to English and back, and the choice is kept', async ({ page, host }) => {
  await signIn(page, 'siti');
  await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Menu' });
  await expect(nav.getByRole('button', { name: /Registration/ })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Offline');
  await expect(page.getByRole('contentinfo')).toContainText(`${formatDate(host.services.businessDate(), 'en')} WIB`);
  await expect.poll(() => host.services.settings.get().language).toBe('en');
  // The open screen stays open, re-worded.
  await page.keyboard.press('F3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment');
  await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pembayaran');
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payment');

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('button', { name: /Registration/ })).toBeVisible();

  await page.keyboard.press('Alt+KeyL');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(nav.getByRole('button', { name: /Pendaftaran/ })).toBeVisible();
  await expect.poll(() => host.services.settings.get().language).toBe('id');
});

test('sign-out returns to sign-in and ends the session on the server', async ({ page, host }) => {
  await signIn(page, 'siti');
  const session = await page.evaluate(() => sessionStorage.getItem('loket.session'));
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  const r = await host.router.call({ procedure: 'auth.me', input: {}, session }, 'direct');
  expect(r.ok).toBe(false);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
});

test('idle minutes lock the screen; the PIN unlocks it', async ({ page, host }) => {
  host.services.settings.update((s) => ({ ...s, security: { ...s.security, idleLockMinutes: 1 } }));
  await page.clock.install();
  await page.reload();
  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Pendaftaran/);

  await page.clock.fastForward('00:30');
  await expect(page.getByRole('dialog', { name: 'Layar terkunci' })).toHaveCount(0);
  await page.clock.fastForward('00:35');
  const lock = page.getByRole('dialog', { name: 'Layar terkunci' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Siti Rahayu');
  await expect(page.getByRole('contentinfo')).toContainText('KCU Nganjuk'); // the status bar stays
  await expect.poll(async () => (await serverSession(page, host))?.locked).toBe(true);
  // Keys do not reach the shell behind the lock.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Pintasan keyboard' })).toHaveCount(0);

  const pin = lock.getByLabel('PIN', { exact: true });
  await pin.fill('000000');
  await lock.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(pin).toHaveAccessibleDescription('PIN salah. Sisa percobaan: 4.');
  await pin.fill('111111');
  await lock.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(lock).toHaveCount(0);
  // Back where the teller was, with the session open again.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Pendaftaran/);
  expect((await serverSession(page, host))?.locked).toBe(false);
});

test('Ctrl+L locks at once, and switching user signs the user out', async ({ page, host }) => {
  await signIn(page, 'siti');
  const session = await page.evaluate(() => sessionStorage.getItem('loket.session'));
  await page.keyboard.press('Control+KeyL');
  const lock = page.getByRole('dialog', { name: 'Layar terkunci' });
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: 'Ganti pengguna' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  const r = await host.router.call({ procedure: 'auth.me', input: {}, session }, 'direct');
  expect(r.ok).toBe(false);
  await signIn(page, 'agus');
  await expect(page.getByRole('contentinfo')).toContainText('Agus Santoso');
});

test('when the service cannot be reached, the UI says so instead of failing silently', async ({ page, bridge }) => {
  await signIn(page, 'siti');
  await bridge.close();
  await expect(page.getByRole('contentinfo')).toContainText('Tidak dapat menghubungi layanan Loket.');
  await page.getByRole('button', { name: 'Keluar' }).click(); // signs out locally even so
  await submitSignIn(page, 'siti', '111111');
  await expect(page.getByRole('alert')).toHaveText('Tidak dapat menghubungi layanan Loket.');
});
