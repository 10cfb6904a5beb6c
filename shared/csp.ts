/**
 * The renderer's Content-Security-Policy: nothing remote, no inline script, no eval.
 * Served as a header by the bridge and as a meta tag in index.html for Electron's file:// load.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
