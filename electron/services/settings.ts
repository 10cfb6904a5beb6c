import Conf from 'conf';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../../shared/settings';

/** What both electron-store (in Electron) and conf (in plain Node) offer: the whole store. */
export interface SettingsBackend { store: Record<string, unknown> }

export interface SettingsService {
  get(): Settings;
  update(patch: (current: Settings) => Settings): Settings;
  /** Set when the file on disk was unreadable: where it was kept aside and why. */
  problem: string | null;
  path: string;
}

const FILE = 'settings.json';

/**
 * Reads the settings file through zod. A corrupt or invalid file is never silently replaced:
 * it is renamed aside (settings.corrupt-<time>.json) and the problem is reported to the
 * technician, and the counter starts from defaults.
 */
export function checkSettingsFile(dataDir: string, now = new Date()): string | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  let reason: string | null = null;
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e);
  }
  if (!reason) return null;
  const aside = join(dataDir, `settings.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  renameSync(file, aside);
  return `${aside}: ${reason}`;
}

export function createConfBackend(dataDir: string): SettingsBackend {
  return new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', clearInvalidConfig: false });
}

export function createSettingsService(dataDir: string, backend?: SettingsBackend): SettingsService {
  const problem = checkSettingsFile(dataDir);
  const store = backend ?? createConfBackend(dataDir);
  let current = settingsSchema.parse(store.store);
  store.store = current as unknown as Record<string, unknown>;
  return {
    problem,
    path: join(dataDir, FILE),
    get: () => current,
    update(patch) {
      const next = settingsSchema.parse(patch(structuredClone(current)));
      store.store = next as unknown as Record<string, unknown>;
      current = next;
      return next;
    },
  };
}
