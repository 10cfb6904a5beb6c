import { app, BrowserWindow, session, shell } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLoketHost } from './host';
import { registerIpcTransport } from './ipc-transport';
import { isAppUrl, secureWindowOptions } from './window-options';

// The Electron shell: one window, the services in this process, IPC to the renderer.
// Everything else lives in plain-Node modules that the tests run without Electron.

const dataDir = process.env.LOKET_DATA_DIR ?? app.getPath('userData');
app.enableSandbox();

app.whenReady().then(() => {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: false });
  const host = createLoketHost({ dataDir, settingsBackend: store, version: app.getVersion() });
  host.services.startBackground();

  const indexHtml = join(__dirname, '../renderer/index.html');
  const appIndexUrl = pathToFileURL(indexHtml).toString();
  registerIpcTransport(host.router, appIndexUrl);

  // Nothing remote: refuse every permission request and every new window.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  const win = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (e, url) => { if (!isAppUrl(url, appIndexUrl)) e.preventDefault(); });
  win.webContents.on('will-redirect', (e, url) => { if (!isAppUrl(url, appIndexUrl)) e.preventDefault(); });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void shell; // shell.openExternal is never called with renderer input
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);

  app.on('before-quit', () => { void host.close(); });
});

app.on('window-all-closed', () => app.quit());
