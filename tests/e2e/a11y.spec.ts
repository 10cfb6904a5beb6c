import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { menuFor } from '../../shared/menu';
import type { Role } from '../../shared/roles';

// axe-core on every screen each role can open, and on sign-in and the help overlay:
// no serious or critical violation.

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('sign-in has no serious accessibility violation', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

const users: Record<Role, string> = { teller: 'siti', head: 'kepala', technician: 'teknisi' };

for (const role of ['teller', 'head', 'technician'] as const) {
  test(`every screen a ${role} can open has no serious accessibility violation`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, users[role]);
    expect(await seriousViolations(page), 'home').toEqual([]);
    for (const item of menuFor(role)) {
      await page.keyboard.press(item.fnKey);
      await expect(page.locator('main')).toBeVisible();
      await page.waitForTimeout(300); // let the screen's first data arrive
      expect(await seriousViolations(page), item.id).toEqual([]);
    }
    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), 'help overlay').toEqual([]);
  });
}
