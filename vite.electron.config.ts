import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// Bundles the Electron main process and preload as CommonJS into dist/electron.
// Native and Electron modules stay external; everything else (our TypeScript) is bundled.
export default defineConfig({
  build: {
    outDir: 'dist/electron',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rollupOptions: {
      external: ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    },
  },
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3'] },
});
