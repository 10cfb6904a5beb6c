import type { BrowserWindowConstructorOptions } from 'electron';

/** Size and chrome of the counter window; its webPreferences are written out in main.ts. */
export const WINDOW_FRAME: BrowserWindowConstructorOptions = {
  width: 1366,
  height: 768,
  minWidth: 1024,
  minHeight: 700,
  show: false,
  autoHideMenuBar: true,
  title: 'Loket',
};

/** The only page the window may show: our own index.html, loaded from disk. */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    const u = new URL(url);
    const app = new URL(appIndexUrl);
    return u.protocol === 'file:' && u.pathname === app.pathname;
  } catch {
    return false;
  }
}
