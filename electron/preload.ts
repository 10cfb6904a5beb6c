import { contextBridge, ipcRenderer } from 'electron';
import type { LoketPreloadApi } from '../shared/contract/preload-api';
import type { RpcRequest } from '../shared/contract/define';

// The whole surface the renderer gets: one call, the same request the bridge carries.
// No ipcRenderer, no Node, nothing else crosses the context bridge.
const api = {
  call: (request: RpcRequest) =>
    ipcRenderer.invoke('loket:rpc', { procedure: String(request.procedure), input: request.input, session: request.session ?? null }),
} satisfies LoketPreloadApi;

contextBridge.exposeInMainWorld('loket', api);
