// `npm start`: builds, then launches the Electron shell. It needs the internet once: for the
// Electron binary (npm's install-script approval keeps `npm ci` from fetching it, which fails on
// machines without internet) and for better-sqlite3 built for Electron's ABI, which is kept
// apart from Node's build in .native/ (scripts/electron-native.mjs), so `npm test` and
// `npm run demo` keep working after `npm start` and the other way round.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let electronPath;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (!electronPath || typeof electronPath !== 'string') {
  try {
    console.log('Mengunduh Electron… / Downloading Electron…');
    execFileSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
    electronPath = require('electron');
  } catch {
    console.error('Electron tidak dapat diunduh di mesin ini. Jalankan `npm run demo` untuk membuka Loket di peramban.');
    console.error('Electron cannot be downloaded on this machine. Run `npm run demo` to open Loket in a browser.');
    process.exit(1);
  }
}
const electronVersion = require('electron/package.json').version;
let binding;
try {
  binding = ensureElectronNative({ root, electronVersion });
} catch (e) {
  console.error(`better-sqlite3 untuk Electron ${electronVersion} tidak dapat dibangun (perlu internet sekali). / better-sqlite3 for Electron ${electronVersion} could not be built (needs the internet once).`);
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const child = spawn(electronPath, ['.'], { stdio: 'inherit', env: { ...process.env, LOKET_SQLITE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
