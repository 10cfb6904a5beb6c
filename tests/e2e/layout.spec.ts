import type { Locator, Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { menuFor } from '../../shared/menu';
import type { Role } from '../../shared/roles';
import { layoutProblems, VIEWPORTS } from '../support/layout-check';
import { seedParticipant } from '../integration/payment/helpers';
import type { LoketHost } from '../../electron/host';

/** A few paid months with long names, so that the history and the tables have rows to lay out. */
async function somePayments(host: LoketHost): Promise<void> {
  const s = host.services;
  const u = s.db.prepare("SELECT id, username, display_name FROM users WHERE username = 'siti'").get() as { id: string; username: string; display_name: string };
  for (const [i, name] of ['SRI WAHYUNINGSIH PURBANEGARA', 'MUHAMMAD ABDURRAHMAN HIDAYATULLAH', 'RATNA KUSUMAWARDHANI'].entries()) {
    const p = seedParticipant(s, { name, nik: `35180157059000${String(10 + i)}` });
    await s.payment.create({ participantId: p.id, months: 3, cashTendered: 100_000 }, { userId: u.id, username: u.username, displayName: u.display_name });
  }
}

// Every screen for every role, in Indonesian and English, at 1366×768 and at 1024×768 (older
// counter monitors): no text out of its box or over other text, no sideways scrolling.

const users: Record<Role, string> = { teller: 'siti', head: 'kepala', technician: 'teknisi' };

async function check(page: Page, where: string, seen: string[]): Promise<void> {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    for (const p of await layoutProblems(page)) seen.push(`${where} @${size.width}: ${p.kind} ${p.where} ${p.detail}`);
  }
}

test('sign-in lays out at both monitor sizes', async ({ page }) => {
  const seen: string[] = [];
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  await check(page, 'sign-in', seen);
  expect(seen).toEqual([]);
});

for (const role of ['teller', 'head', 'technician'] as const) {
  test(`every screen a ${role} opens lays out at 1366×768 and 1024×768, in both languages`, async ({ page, host }) => {
    test.setTimeout(300_000);
    const seen: string[] = [];
    await somePayments(host);
    await signIn(page, users[role]);
    for (const lang of ['id', 'en'] as const) {
      if (lang === 'en') await page.keyboard.press('Alt+l');
      await page.keyboard.press('Escape');
      await check(page, `${lang} home`, seen);
      for (const item of menuFor(role)) {
        await page.keyboard.press(item.fnKey);
        await expect(page.locator('main h1')).toBeVisible();
        await page.waitForTimeout(300); // the screen's first data
        await check(page, `${lang} ${item.id}`, seen);
      }
      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, `${lang} help`, seen);
      await page.keyboard.press('Escape');
    }
    expect(seen).toEqual([]);
  });
}

test('the layout check finds text out of its box, text over text, and sideways scrolling', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
  expect(await layoutProblems(page)).toEqual([]);
  await page.evaluate(() => {
    const add = (css: Partial<CSSStyleDeclaration>, text: string) => {
      const d = document.createElement('div');
      Object.assign(d.style, css);
      d.textContent = text;
      document.body.append(d);
    };
    add({ position: 'absolute', left: '20px', top: '100px', width: '60px', whiteSpace: 'nowrap' }, 'Golongan penghasilan per bulan');
    add({ position: 'absolute', left: '300px', top: '300px' }, 'Rekonsiliasi');
    add({ position: 'absolute', left: '310px', top: '302px' }, 'Hitung laci');
    add({ width: '3000px', height: '4px' }, '.');
  });
  const kinds = (await layoutProblems(page)).map((p) => `${p.kind} ${p.where}`);
  expect(kinds).toEqual(expect.arrayContaining([
    expect.stringMatching(/^sideways page/),
    expect.stringMatching(/^overflow div "Golongan penghasilan/),
    expect.stringMatching(/^overlap div "Rekonsiliasi"/),
  ]));
});

/** How many lines of text each matched element takes, and each of its `pieces` (a selector inside it). */
async function textLines(elements: Locator, pieces?: string): Promise<{ text: string; lines: number; pieces: number[] }[]> {
  return elements.evaluateAll((els, sel) => els.map((el) => {
    const linesOf = (node: Node) => {
      const tops = new Set<number>();
      const texts = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = texts.nextNode(); t; t = texts.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    };
    return { text: el.textContent ?? '', lines: linesOf(el), pieces: sel ? [...el.querySelectorAll(sel)].map(linesOf) : [] };
  }), pieces);
}

test('Riwayat\'s receipt numbers read as two whole pieces at most, at both monitor sizes', async ({ page, host }) => {
  await somePayments(host);
  await signIn(page, 'siti');
  await page.keyboard.press('F4');
  const table = page.getByRole('table', { name: /^Riwayat/ });
  await expect(table).toBeVisible();
  const numbers = table.getByRole('button').filter({ hasText: /^\d{5}-\d{2}-\d{8}-\d{4}$/ });
  await expect.poll(() => numbers.count()).toBeGreaterThanOrEqual(3);
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    for (const s of await textLines(numbers, '.receipt-no > span')) {
      expect(s.lines, `${s.text} @${size.width}`).toBeLessThanOrEqual(2);
      expect(s.pieces, `${s.text} @${size.width}`).toEqual([1, 1]);
    }
  }
});

test('Pengguna: each row\'s buttons read on one line, and the new user\'s form is as wide as its entries', async ({ page }) => {
  await signIn(page, 'kepala');
  await page.keyboard.press('F10');
  const table = page.getByRole('table', { name: 'Daftar pengguna' });
  await expect(table.getByRole('button', { name: 'Ganti PIN' })).toHaveCount(3);
  const form = page.getByRole('form', { name: 'Tambah pengguna' });
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    for (const s of await textLines(table.getByRole('button'))) expect(s.lines, `${s.text} @${size.width}`).toBe(1);
    // A PIN is six digits; a name is a line of a form, not the screen's whole width.
    for (const label of ['PIN (6 angka)', 'Ulangi PIN']) expect((await form.getByLabel(label).boundingBox())!.width, label).toBeLessThanOrEqual(160);
    expect((await form.getByLabel('Nama lengkap').boundingBox())!.width).toBeLessThanOrEqual(560);
  }
});
