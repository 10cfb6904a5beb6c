import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { RENDERER_CSP } from './shared/csp';

// The renderer build. The page loads from file:// in Electron and from the loopback bridge,
// so paths are relative (`base: './'`), and the CSP forbids inline script: the build fails
// if index.html would carry any.

const root = fileURLToPath(new URL('./renderer', import.meta.url));
// LOKET_RENDERER_DIR lets several working copies of the e2e suite build side by side.
const outDir = process.env.LOKET_RENDERER_DIR ?? fileURLToPath(new URL('./dist/renderer', import.meta.url));
const CSP_PLACEHOLDER = '%LOKET_CSP%';

/** Writes the one CSP (shared/csp.ts) into the meta tag and refuses inline scripts. */
function cspMeta(): Plugin {
  return {
    name: 'loket-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html must carry ${CSP_PLACEHOLDER} in its CSP meta tag`);
        return html.replace(CSP_PLACEHOLDER, RENDERER_CSP);
      },
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
          .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '');
        if (inline.length > 0) this.error(`${file.fileName} has ${inline.length} inline script(s); the CSP forbids them`);
        if (/\son[a-z]+=/i.test(html)) this.error(`${file.fileName} has an inline event handler; the CSP forbids it`);
        if (/<style\b/i.test(html) || /\sstyle=/i.test(html)) this.error(`${file.fileName} has inline style; the CSP forbids it`);
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Electron loads one local file; nothing to preload over a network.
    modulePreload: { polyfill: false },
    // One local bundle read from disk, never over a network: size warnings are noise here.
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1' },
});
