import { test, expect, signIn } from './fixtures';

// The technician opens Diagnostik and sees whether the data folder's disk is encrypted. This
// machine's disk is a plain virtual disk, so the screen warns (not encrypted, or cannot tell).

test('Diagnostik shows the disk encryption state and warns when the disk is not encrypted', async ({ page }) => {
  await signIn(page, 'teknisi');
  await page.keyboard.press('F9');
  await expect(page.getByRole('heading', { name: 'Diagnostik', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Diagnostik' });
  const row = table.getByRole('row').filter({ hasText: 'Enkripsi disk' });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('disk-encryption-warning'))
    .toHaveText(/tidak terenkripsi\. Jika komputer dicuri|Tidak diketahui: status enkripsi disk/);
});

test('Diagnostik says a counter has no printer in words, without the settings\' raw value', async ({ page }) => {
  await signIn(page, 'teknisi');
  await page.keyboard.press('F9');
  const row = page.getByRole('table', { name: 'Diagnostik' }).getByRole('row').filter({ hasText: 'Printer' });
  await expect(row).toContainText('Tidak ada printer · Tidak diatur');
  await expect(row).not.toContainText('none');
});
