// better-sqlite3 for Electron's ABI, beside Node's: `npm ci` builds node_modules/better-sqlite3
// for Node (the demo and the tests load it); Electron refuses that build ("compiled against a
// different Node.js version"). This builds a second copy for Electron into
// .native/electron-<version>/better_sqlite3.node, from a copy of the package's sources, and never
// touches node_modules. `npm start` names it to the main process in LOKET_SQLITE_BINDING.
// It needs the internet once: Electron's prebuilt addon (prebuild-install) or Electron's headers
// (node-gyp). N-API addons need no such step: one build loads in Node and in Electron.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ADDON = 'better_sqlite3.node';

export function electronNativePaths(root, electronVersion) {
  const dir = join(root, '.native', `electron-${electronVersion}`);
  return { dir, addon: join(dir, ADDON), stamp: join(dir, 'stamp.json'), work: join(root, '.native', `build-${electronVersion}`) };
}

function packageVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
}

/** The real build: Electron's prebuilt addon where one is published, else compiled against Electron's headers. */
export function buildForElectron(packageDir, electronVersion, root) {
  const opts = { cwd: packageDir, stdio: 'inherit' };
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`], opts);
  } catch {
    execFileSync(join(root, 'node_modules', '.bin', 'node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], opts);
  }
}

/**
 * Makes sure .native/electron-<version>/better_sqlite3.node exists for this better-sqlite3 and
 * this Electron; builds it when missing or stale. `build` is the step that compiles in a copy
 * of the package (the default needs the internet). Returns the addon's path.
 */
export function ensureElectronNative({ root, electronVersion, build = buildForElectron, log = console.log }) {
  const p = electronNativePaths(root, electronVersion);
  const want = { betterSqlite3: packageVersion(root), electron: electronVersion };
  if (existsSync(p.addon) && existsSync(p.stamp)) {
    const have = JSON.parse(readFileSync(p.stamp, 'utf8'));
    if (have.betterSqlite3 === want.betterSqlite3 && have.electron === want.electron) return p.addon;
  }
  log(`Membangun better-sqlite3 untuk Electron ${electronVersion}… / Building better-sqlite3 for Electron ${electronVersion}…`);
  // A copy of the sources (without Node's build) inside node_modules' sibling tree, so that the
  // build's own dependencies resolve from the project's node_modules.
  const pkg = join(p.work, 'node_modules', 'better-sqlite3');
  rmSync(p.work, { recursive: true, force: true });
  mkdirSync(join(p.work, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !/[\\/]build([\\/]|$)/.test(src.slice(root.length)) });
  build(pkg, electronVersion, root);
  const built = join(pkg, 'build', 'Release', ADDON);
  if (!existsSync(built)) throw new Error(`the Electron build left no ${built}`);
  mkdirSync(p.dir, { recursive: true });
  cpSync(built, p.addon);
  writeFileSync(p.stamp, `${JSON.stringify(want)}\n`);
  rmSync(p.work, { recursive: true, force: true });
  return p.addon;
}
