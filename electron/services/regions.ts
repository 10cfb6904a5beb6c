import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRegionsCsv, type RegionLookup, type RegionTexts } from '../../shared/domain/regions';

// Reads the Kemendagri region CSVs (resources/regions, see SOURCE.md there) once per folder and
// keeps the parsed lookup. The parsing itself is pure and lives in shared/domain/regions.ts.

const FILES = ['provinces', 'regencies', 'districts', 'villages'] as const;

/** resources/regions under the working folder; a packaged app passes its own resources path. */
export function defaultRegionsDir(): string {
  return path.resolve(process.env.LOKET_RESOURCES_DIR ?? path.join(process.cwd(), 'resources'), 'regions');
}

const cache = new Map<string, Promise<RegionLookup>>();

/** The region lookup for `dir`, read and parsed on the first call and shared afterwards. */
export function loadRegions(dir: string = defaultRegionsDir()): Promise<RegionLookup> {
  const key = path.resolve(dir);
  let pending = cache.get(key);
  if (!pending) {
    pending = readTexts(key).then(parseRegionsCsv);
    // A failed read must not stick: the next call tries again (e.g. after a repair).
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Synchronous variant for start-up code and scripts; fills the same cache. */
export function loadRegionsSync(dir: string = defaultRegionsDir()): RegionLookup {
  const key = path.resolve(dir);
  const texts = Object.fromEntries(FILES.map((f) => [f, readFileSync(path.join(key, `${f}.csv`), 'utf8')])) as unknown as RegionTexts;
  const lookup = parseRegionsCsv(texts);
  cache.set(key, Promise.resolve(lookup));
  return lookup;
}

async function readTexts(dir: string): Promise<RegionTexts> {
  const texts = await Promise.all(FILES.map((f) => readFile(path.join(dir, `${f}.csv`), 'utf8')));
  return { provinces: texts[0], regencies: texts[1], districts: texts[2], villages: texts[3] };
}

/** Drops cached lookups (tests, or after the data files were replaced). */
export function clearRegionsCache(): void {
  cache.clear();
}
