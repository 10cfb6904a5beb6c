import { app, BrowserWindow, dialog, session, shell } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLoketHost } from './host';
import { useSqliteNativeBinding } from './services/db/driver';
import { registerIpcTransport } from './ipc-transport';
import { isAppUrl, WINDOW_FRAME } from './window-options';

// The Electron shell: one window, the services in this process, IPC to the renderer.
// Everything else lives in plain-Node modules that the tests run without Electron.

const dataDir = process.env.LOKET_DATA_DIR ?? app.getPath('userData');
// `npm start` builds better-sqlite3 for Electron beside Node's build and names it here;
// an installed Loket has node_modules rebuilt for Electron and names none.
useSqliteNativeBinding(process.env.LOKET_SQLITE_BINDING);
app.enableSandbox();
// The app's own locale, whatever the Windows language: Indonesian number and date conventions
// wherever Chromium formats something itself (the date fields are Loket's own, DD/MM/YYYY).
app.commandLine.appendSwitch('lang', 'id');

app.whenReady().then(() => {
  let host: ReturnType<typeof createLoketHost>;
  try {
    const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: false });
    host = createLoketHost({ dataDir, settingsBackend: store, version: app.getVersion() });
  } catch (e) {
    // A damaged ledger or an unreadable data folder: say what to do, change nothing, stop.
    dialog.showErrorBox('Loket tidak dapat dimulai', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  host.services.startBackground();

  const indexHtml = join(__dirname, '../renderer/index.html');
  const appIndexUrl = pathToFileURL(indexHtml).toString();
  registerIpcTransport({
    call: async (request, transport) => {
      const result = await host.router.call(request, transport);
      // A restore is applied before the ledger opens: restart the app to finish it.
      if (result.ok && (result.output as { restartRequired?: boolean }).restartRequired) {
        setTimeout(() => { app.relaunch(); app.exit(0); }, 1500);
      }
      return result;
    },
  }, appIndexUrl);

  // Nothing remote: refuse every permission request and every new window.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false));
  // Every security switch written out where the window is made, so a reader (and the
  // Electron security linter run by the tests) sees them at a glance.
  const win = new BrowserWindow({
    ...WINDOW_FRAME,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
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
      disableBlinkFeatures: 'Auxclick', // middle-click must not open links in new windows
    },
  });
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
