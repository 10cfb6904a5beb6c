import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, signIn } from './fixtures';
import { addDays } from '../../shared/dates';
import { DEMO_BRANCH } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import type { LoketHost } from '../../electron/host';
import { startCentralServer, type CentralServer } from '../central/server';

// A head opens Monitoring and sees the progress, the trend chart (and its values as a table) and
// the branch's rank from a real central double with 12 other branches; a teller cannot open it.
// The fixture fails a test on any Content-Security-Policy violation (Chart.js included).

let serial = 0;
const registrationForm = (name: string) => {
  serial += 1;
  return {
    nik: `351801170590${String(8000 + serial).padStart(4, '0')}`, name, birthPlace: 'Nganjuk', birthDate: '1990-05-17', sex: 'M' as const,
    motherName: 'Sri Wahyuni', phone: '0812 3456 7890', address: 'Jl. Merdeka 1 RT 01/RW 02', provinceCode: '35',
    regencyCode: '3518', districtCode: '351801', villageCode: '3518012001', occupationCode: 'TRD01', incomeBand: 1, jht: false,
  };
};

/** Central double with a period around today (target 50) and other branches; the counter enrolled. */
async function withCentral(host: LoketHost, dataDir: string): Promise<CentralServer> {
  const s = host.services;
  const today = s.ledger.today();
  const central = await startCentralServer({ dbPath: join(dataDir, 'central', 'central.sqlite'), port: 0, adminSecret: 'e2e' });
  central.admin.createBranch({ ...DEMO_BRANCH });
  central.admin.setPeriods([{ id: 'E2E-1', name: 'Periode Uji', from: addDays(today, -20), to: addDays(today, 20), target: 50 }]);
  central.admin.seedBranches({ seed: 9, count: 12, minPerBranch: 1, maxPerBranch: 40, periodId: 'E2E-1' });
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'e2e' });
  return central;
}

/** Three registrations by siti through the registration service, pushed to central. */
async function seedRegistrations(host: LoketHost): Promise<void> {
  const s = host.services;
  const u = s.db.prepare("SELECT id, username, display_name FROM users WHERE username = 'siti'").get() as { id: string; username: string; display_name: string };
  for (const name of ['Ahmad Fauzi', 'Bayu Pratama', 'Citra Lestari']) {
    await s.registration.create(registrationForm(name), { userId: u.id, username: u.username, displayName: u.display_name });
  }
  const sent = await s.sync.sendNow();
  expect(sent.accepted).toBe(3);
}

test('a head opens monitoring and sees the progress, the chart with its table, the rank; exports CSV and PDF', async ({ page, host, dataDir }) => {
  const central = await withCentral(host, dataDir);
  try {
    await seedRegistrations(host);
    await signIn(page, 'kepala');
    await page.keyboard.press('F7');
    await expect(page.getByRole('heading', { name: 'Monitoring Target', level: 1 })).toBeVisible();
    await expect(page.getByText('Periode Uji:')).toBeVisible();

    const bar = page.getByRole('progressbar', { name: 'Kemajuan menuju target peserta baru' });
    await expect(bar).toHaveAttribute('aria-valuenow', '3');
    await expect(bar).toHaveAttribute('aria-valuemin', '0');
    await expect(bar).toHaveAttribute('aria-valuemax', '50');
    await expect(bar).toHaveAttribute('aria-valuetext', '3 dari 50 peserta baru (6%)');
    await expect(page.getByTestId('progress-text')).toContainText('3 dari target 50 (6%)');
    await expect(page.getByTestId('days-left')).toHaveText('21 hari');
    await expect(page.getByTestId('pace-needed')).toHaveText('3 peserta/hari'); // ceil(47 / 21)

    const chart = page.getByRole('img', { name: /^Grafik 21 hari: 3 pendaftaran dan 0 pembayaran/ });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
    const toggle = page.getByRole('button', { name: 'Tampilkan tabel nilai' });
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Sembunyikan tabel nilai' })).toHaveAttribute('aria-expanded', 'true');
    const values = page.getByRole('table', { name: 'Nilai grafik per hari' });
    await expect(values).toBeVisible();
    await expect(values.getByRole('row')).toHaveCount(22); // header + 21 days
    await expect(values.getByRole('row').last().getByRole('cell')).toHaveText(['3', '0', '3', '26']); // 26 = round(50 × 21/41)

    // The rank is computed by the double from every branch's entries, ours included.
    const standings = host.services.db.prepare("SELECT body FROM monitoring_cache WHERE key = 'standings:E2E-1'").pluck().get() as string;
    const mine = (JSON.parse(standings) as { branches: { branchCode: string; rankInProvince: number; rankNational: number; newParticipants: number }[] })
      .branches.find((b) => b.branchCode === DEMO_BRANCH.code)!;
    expect(mine.newParticipants).toBe(3);
    await expect(page.getByTestId('rank-national')).toHaveText(`${mine.rankNational} dari 13`);
    await expect(page.getByTestId('rank-province')).toHaveText(new RegExp(`^${mine.rankInProvince} dari \\d+$`));
    await expect(page.getByTestId('standings-as-of')).toContainText('Per ');
    await expect(page.getByTestId('standings-offline')).toHaveCount(0);

    const winBack = page.getByRole('table', { name: 'Hubungi kembali' });
    await expect(winBack.getByRole('row', { name: /Ahmad Fauzi/ })).toContainText('081234567890');

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^monitoring-64400-01-E2E-1-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync(await csv.path(), 'utf8')).toContain('Peserta baru cabang,3');

    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh PDF' }).click();
    const pdf = await pdfDownload;
    expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(page.getByRole('status').filter({ hasText: 'PDF disimpan di' })).toContainText(join(dataDir, 'reports'));
  } finally {
    await central.close();
  }
});

test('offline, the head sees the last known rank marked as such', async ({ page, host, dataDir }) => {
  const central = await withCentral(host, dataDir);
  await seedRegistrations(host);
  const first = await host.router.call({ procedure: 'auth.signIn', input: { username: 'kepala', pin: '123456' } }, 'direct');
  const session = first.ok ? (first.output as { session: string }).session : null;
  expect((await host.router.call({ procedure: 'monitoring.overview', input: {}, session }, 'direct')).ok).toBe(true);
  await central.close();

  await signIn(page, 'kepala');
  await page.keyboard.press('F7');
  await expect(page.getByTestId('central-state')).toContainText('Luring');
  await expect(page.getByTestId('standings-offline')).toHaveText('Luring: peringkat terakhir yang diketahui');
  await expect(page.getByTestId('rank-national')).toHaveText(/^\d+ dari 13$/);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
});

test('a teller cannot open monitoring: no menu item, and F7 or Alt+M does nothing', async ({ page }) => {
  await signIn(page, 'siti');
  const nav = page.getByRole('navigation', { name: 'Menu' });
  await expect(nav.getByRole('button', { name: /Pendaftaran/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /Monitoring/ })).toHaveCount(0);
  await page.keyboard.press('F7');
  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByRole('heading', { name: 'Selamat datang, Siti Rahayu.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Monitoring Target' })).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});
