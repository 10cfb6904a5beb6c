// `npm run screenshots`: every screen for every role, in Indonesian and English, at 1366×768
// and 1024×768 (older counter monitors), with the demo's data, into one folder with an index
// page that also lists what the layout check finds. Look at it before and after a UI change.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { createLoketHost } from '../../electron/host';
import { startBridge } from '../../electron/bridge/server';
import { DEMO_USERS, seedDemoCounter } from '../../electron/demo/seed';
import { prepareDemoCentral } from '../../electron/demo/central-seed';
import { generateDemoHistory } from '../../electron/demo/history';
import { menuFor } from '../../shared/menu';
import type { Role } from '../../shared/roles';
import { enrol, testCentral } from '../support/central';
import { tempDir } from '../support/tmp';
import { layoutProblems, VIEWPORTS } from '../support/layout-check';
import { useTestLogFile } from '../support/test-logs';

const OUT = resolve(process.argv[2] ?? 'screenshots');
const STATIC_DIR = resolve(process.env.LOKET_RENDERER_DIR ?? 'dist/renderer');
const ROLES: Role[] = ['teller', 'head', 'technician'];
const USER: Record<Role, string> = { teller: 'siti', head: 'kepala', technician: 'teknisi' };

interface Shot { file: string; role: string; lang: string; screen: string; size: string; problems: string[] }

async function main(): Promise<void> {
  useTestLogFile('loket-screenshots.log'); // the services' log, out of the way
  if (process.env.LOKET_SKIP_BUILD !== '1') {
    const built = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, LOKET_RENDERER_DIR: STATIC_DIR } });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const data = tempDir('loket-shots-');
  const central = await testCentral();
  prepareDemoCentral(central.admin);
  let simulated: Date | null = null;
  const host = createLoketHost({ dataDir: join(data.dir, 'counter'), clock: () => simulated ?? new Date(), logToStderr: true });
  const empty = createLoketHost({ dataDir: join(data.dir, 'empty'), logToStderr: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  const shots: Shot[] = [];
  try {
    await seedDemoCounter(host.services);
    await enrol(host, central);
    console.log('screenshots: writing the demo history…');
    await generateDemoHistory(host.services, { set: (d) => { simulated = d; } }, { days: 7, seed: 64401 });
    const bridge = await startBridge({ router: host.router, staticDir: STATIC_DIR });
    const wizard = await startBridge({ router: empty.router, staticDir: STATIC_DIR });
    let page: Page = await browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

    const shoot = async (role: string, lang: string, screen: string) => {
      for (const size of VIEWPORTS) {
        await page.setViewportSize(size);
        await page.waitForTimeout(100);
        const file = `${role}-${lang}-${screen}-${size.width}.png`;
        await page.screenshot({ path: join(OUT, file) });
        const problems = (await layoutProblems(page)).map((p) => `${p.kind} ${p.where} ${p.detail}`);
        shots.push({ file, role, lang, screen, size: `${size.width}×${size.height}`, problems });
      }
    };

    // The first-run wizard, on an empty data folder.
    await page.goto(wizard.url);
    await page.waitForSelector('main h1, h1');
    await shoot('technician', 'id', 'first-run-wizard');

    for (const role of ROLES) {
      await page.close();
      page = await browser.newPage({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' }); // signed out, Indonesian
      await page.goto(bridge.url);
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
      if (role === 'teller') await shoot('anyone', 'id', 'sign-in');
      const pin = DEMO_USERS.find((u) => u.username === USER[role])!.pin;
      await page.getByLabel('Nama pengguna').fill(USER[role]);
      await page.getByLabel('PIN', { exact: true }).fill(pin);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('contentinfo').waitFor();
      for (const lang of ['id', 'en']) {
        if (lang === 'en') await page.keyboard.press('Alt+l');
        await page.keyboard.press('Escape');
        await shoot(role, lang, 'home');
        for (const item of menuFor(role)) {
          await page.keyboard.press(item.fnKey);
          await page.locator('main h1').waitFor();
          await page.waitForTimeout(400); // the screen's first data
          await shoot(role, lang, item.id);
        }
        await page.keyboard.press('F1');
        await shoot(role, lang, 'help');
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Alt+l'); // the language is the counter's setting: back to Indonesian
    }
    await bridge.close();
    await wizard.close();
  } finally {
    await browser.close();
    await host.close();
    await empty.close();
    await central.dispose();
    data.cleanup();
  }

  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const bad = shots.filter((s) => s.problems.length > 0);
  writeFileSync(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Loket — screens</title>
<style>body{font-family:sans-serif;margin:1rem}figure{display:inline-block;margin:.5rem;vertical-align:top;width:420px}img{width:100%;border:1px solid #ccc}figcaption{font-size:.8rem}.bad{color:#b00}</style>
<h1>Loket — every screen (${shots.length} pictures, ${bad.length} with layout problems)</h1>
${shots.map((s) => `<figure><a href="${s.file}"><img src="${s.file}" loading="lazy" alt="${esc(s.screen)}"></a><figcaption>${esc(`${s.role} · ${s.lang} · ${s.screen} · ${s.size}`)}${s.problems.map((p) => `<div class="bad">${esc(p)}</div>`).join('')}</figcaption></figure>`).join('\n')}
`);
  console.log(`screenshots: ${shots.length} pictures in ${OUT}/index.html; ${bad.length} with layout problems`);
  for (const s of bad) console.log(`  ${s.file}: ${s.problems.join('; ')}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
