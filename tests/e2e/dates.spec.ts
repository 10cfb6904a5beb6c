import { test, expect, signIn } from './fixtures';

// Tellers read and type dates as DD/MM/YYYY. Many counter PCs run an English Windows, whose
// browser date fields show mm/dd/yyyy: Loket's date fields must not follow the OS language.
test.use({ locale: 'en-US' });

test('on an English PC, the birth date shows and takes DD/MM/YYYY, and a date that does not exist is named next to the field', async ({ page }) => {
  await signIn(page, 'siti');
  await page.keyboard.press('F2');
  await page.getByLabel('NIK (16 angka)').fill('3518015705900001');
  const birth = page.getByLabel('Tanggal lahir');
  await expect(birth).toHaveValue('17/05/1990'); // from the NIK, day first

  await birth.fill('');
  await birth.pressSequentially('31021990');
  await expect(birth).toHaveValue('31/02/1990');
  await page.keyboard.press('Control+s');
  await expect(birth).toHaveAccessibleDescription(/Tanggal lahir harus tanggal yang ada/);

  // Typed day first, read day first: 17 May 1990 agrees with the NIK, so nothing is flagged.
  await birth.fill('');
  await birth.pressSequentially('17051990');
  await expect(birth).toHaveValue('17/05/1990');
  await expect(birth).not.toHaveAccessibleDescription(/harus tanggal yang ada|berbeda dengan yang diketik/);

  // 05/17 read month first would be another day: typed as 12/05/1990 it is the 12th of May.
  await birth.fill('');
  await birth.pressSequentially('12/5/1990');
  await expect(birth).toHaveValue('12/05/1990');
  await expect(birth).toHaveAccessibleDescription(/berbeda dengan yang diketik \(12 Mei 1990\)|12\/05\/1990/);
});

test("on an English PC, Riwayat's date range is typed DD/MM/YYYY", async ({ page }) => {
  await signIn(page, 'siti');
  await page.keyboard.press('F4');
  const from = page.getByLabel('Dari tanggal');
  await from.pressSequentially('01112026');
  await expect(from).toHaveValue('01/11/2026');
  await expect(from).toHaveAttribute('type', 'text');
  await expect(from).toHaveAttribute('placeholder', 'hh/bb/tttt');
});
