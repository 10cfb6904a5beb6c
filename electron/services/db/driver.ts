import Database from 'better-sqlite3';

// better-sqlite3 is a native module, built for one runtime's ABI. `npm ci` builds it for Node
// (the demo, the tests); `npm start` builds a second copy for Electron under .native/
// (scripts/electron-native.mjs) and names it in LOKET_SQLITE_BINDING, so neither overwrites the
// other. Installers rebuild node_modules for Electron (electron-builder's npmRebuild) and need
// no binding named. Every SQLite file the services open goes through here.

let nativeBinding: string | undefined;

/** The compiled addon to load instead of the one in node_modules (Electron in development). */
export function useSqliteNativeBinding(path: string | undefined): void {
  nativeBinding = path || undefined;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}
