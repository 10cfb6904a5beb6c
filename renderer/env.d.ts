/// <reference types="vite/client" />
import type { LoketPreloadApi } from '../shared/contract/preload-api';

declare global {
  interface Window {
    /** Present in Electron (the preload exposes it); absent in a browser on the loopback bridge. */
    loket?: LoketPreloadApi;
  }
}

export {};
