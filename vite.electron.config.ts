import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

// Bundles the Electron main process (--mode main) and the preload (--mode preload) as
// CommonJS into dist/electron. They are built apart so the sandboxed preload is one file
// that requires nothing but 'electron'. Native and Electron modules stay external.
export default defineConfig(({ mode }) => {
  const entry = mode === 'preload' ? 'preload' : 'main';
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: entry === 'main',
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      lib: { entry: { [entry]: `electron/${entry}.ts` }, formats: ['cjs'], fileName: () => `${entry}.cjs` },
      rollupOptions: {
        external: ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      },
    },
    ssr: { noExternal: true, external: ['electron', 'better-sqlite3'] },
  };
});
