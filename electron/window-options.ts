import type { BrowserWindowConstructorOptions } from 'electron';

// Kept apart from main.ts so a plain-Node test can assert every security switch.
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    title: 'Loket',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

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
