// `npm start`: builds, then launches the Electron shell. The Electron binary is fetched on
// first use (npm's install-script approval keeps `npm ci` from fetching it, which fails on
// machines without internet); where it cannot be had, say so and point at `npm run demo`.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
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
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
