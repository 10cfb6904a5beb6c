import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The installers must carry the native addons as real files and rebuild better-sqlite3 for
// Electron (electron-builder cannot run here: it downloads Electron). Read from the YAML text.
describe('electron-builder.yml', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const unpacked = [...yml.matchAll(/^ {2}- "([^"]+)"$/gm)].map((m) => m[1]);
  it('rebuilds native modules for Electron and unpacks every native addon from the asar', () => {
    expect(yml).toMatch(/^npmRebuild: true$/m);
    expect(unpacked).toEqual(expect.arrayContaining([
      '**/node_modules/better-sqlite3/**', '**/node_modules/@printers/**', '**/node_modules/@serialport/bindings-cpp/**',
    ]));
  });
  it('never ships the development build of better-sqlite3 for Electron', () => {
    const files = /^files:\n((?: {2}- .*\n)+)/m.exec(yml)?.[1].split('\n').filter(Boolean).map((l) => l.replace(/^ {2}- "?|"?$/g, '')) ?? [];
    expect(files).toContain('dist/**/*');
    expect(files.filter((f) => f.includes('.native'))).toEqual([]);
  });
});
