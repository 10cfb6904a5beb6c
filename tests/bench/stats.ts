import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A scratch folder on the disk the data folder lives on (LOKET_BENCH_DIR, else the OS temp dir). */
export function benchDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(process.env.LOKET_BENCH_DIR ?? tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
