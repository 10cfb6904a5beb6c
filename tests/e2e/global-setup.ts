import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The e2e tests serve the built renderer. Build it when it is missing or older than its
// sources, so `npx playwright test` never runs against a stale bundle. `npm test` has just
// built it and says so with LOKET_SKIP_BUILD=1.

const ROOT = process.cwd();
const BUILT = join(process.env.LOKET_RENDERER_DIR ?? join(ROOT, 'dist/renderer'), 'index.html');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

export default function globalSetup(): void {
  if (process.env.LOKET_SKIP_BUILD === '1' && existsSync(BUILT)) return;
  const sources = ['renderer', 'shared', 'vite.config.ts'].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...sources.map(newest))) return;
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (r.status !== 0) throw new Error('vite build failed: the e2e tests need dist/renderer');
}
