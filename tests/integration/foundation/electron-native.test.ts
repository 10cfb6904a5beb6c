import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
// @ts-expect-error: a plain ES module script without types
import { electronNativePaths, ensureElectronNative } from '../../../scripts/electron-native.mjs';
import { openSqlite, useSqliteNativeBinding } from '../../../electron/services/db/driver';
import { tempDir } from '../../support/tmp';

// `npm start` keeps better-sqlite3 for Electron beside Node's build (issue 19): the Electron
// copy goes to .native/, node_modules is never touched, and the main process loads the copy
// through better-sqlite3's nativeBinding option. The real build needs the internet (Electron's
// prebuilt addon or headers); here the build step copies Node's own addon in its place, which
// is also what lets this test load it.

const ROOT = resolve('.');
const NODE_ADDON = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const digest = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

let cleanup: (() => void) | null = null;
afterEach(() => { useSqliteNativeBinding(undefined); cleanup?.(); cleanup = null; });

function projectCopy(): string {
  const t = tempDir('loket-native-'); cleanup = t.cleanup;
  symlinkSync(join(ROOT, 'node_modules'), join(t.dir, 'node_modules'), 'dir');
  return t.dir;
}

describe('better-sqlite3 for Electron beside the Node build', () => {
  it('builds in a copy under .native/, never in node_modules, and reuses it until a version changes', () => {
    const root = projectCopy();
    const before = { digest: digest(NODE_ADDON), mtime: statSync(NODE_ADDON).mtimeMs };
    const builds: string[] = [];
    const build = (pkg: string, version: string) => {
      builds.push(version);
      expect(pkg.startsWith(join(root, '.native'))).toBe(true);
      expect(existsSync(join(pkg, 'build')), 'the copy starts without Node\'s build').toBe(false);
      expect(existsSync(join(pkg, 'binding.gyp'))).toBe(true);
      mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
      copyFileSync(NODE_ADDON, join(pkg, 'build', 'Release', 'better_sqlite3.node'));
    };
    const quiet = () => undefined;
    const addon = ensureElectronNative({ root, electronVersion: '41.7.1', build, log: quiet });
    expect(addon).toBe(electronNativePaths(root, '41.7.1').addon);
    expect(existsSync(addon)).toBe(true);
    expect(ensureElectronNative({ root, electronVersion: '41.7.1', build, log: quiet })).toBe(addon);
    expect(builds).toEqual(['41.7.1']);
    ensureElectronNative({ root, electronVersion: '42.0.0', build, log: quiet });
    expect(builds).toEqual(['41.7.1', '42.0.0']);
    // Node's own build, which the demo and the tests load, is exactly as it was.
    expect({ digest: digest(NODE_ADDON), mtime: statSync(NODE_ADDON).mtimeMs }).toEqual(before);
    expect(existsSync(electronNativePaths(root, '41.7.1').work)).toBe(false);
  });

  it('a build that leaves no addon is an error, and nothing is kept', () => {
    const root = projectCopy();
    expect(() => ensureElectronNative({ root, electronVersion: '41.7.1', build: () => undefined, log: () => undefined })).toThrow(/left no/);
    expect(existsSync(electronNativePaths(root, '41.7.1').addon)).toBe(false);
  });

  it('the services open SQLite through the named addon', () => {
    const root = projectCopy();
    const copy = join(root, 'addon-copy.node');
    copyFileSync(NODE_ADDON, copy);
    useSqliteNativeBinding(copy);
    const db = openSqlite(join(root, 'a.sqlite'));
    expect(db.prepare('SELECT 1 + 1 AS n').get()).toEqual({ n: 2 });
    db.close();
    // A named addon that is not there fails loudly instead of falling back to another build.
    writeFileSync(join(root, 'not-an-addon.node'), 'x');
    useSqliteNativeBinding(join(root, 'not-an-addon.node'));
    expect(() => openSqlite(join(root, 'b.sqlite'))).toThrow();
  });
});
