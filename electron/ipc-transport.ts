import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Router } from './router/router';
import { isAppUrl } from './window-options';

// Electron IPC transport: the same router the bridge calls. Every message's sender frame is
// checked: it must be the main frame of our window, showing our own page.
export function registerIpcTransport(router: Pick<Router, 'call'>, appIndexUrl: string): void {
  ipcMain.handle('loket:rpc', async (event: IpcMainInvokeEvent, request: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, appIndexUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', key: 'err.forbidden', message: 'Pengirim tidak dikenal.' } };
    }
    const r = (request ?? {}) as { procedure?: unknown; input?: unknown; session?: unknown };
    return router.call(
      { procedure: String(r.procedure ?? ''), input: r.input, session: typeof r.session === 'string' ? r.session : null },
      'ipc',
    );
  });
}
