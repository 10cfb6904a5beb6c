import { randomFillSync } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';

// ulid's own generator asks the OS for one random byte per character (16 calls per id): a
// payment makes three ids, and those calls were a tenth of its JS time. The same CSPRNG
// bytes, drawn 4 KiB at a time.
const pool = Buffer.alloc(4096);
let next = pool.length;

/** A float in [0, 1) from one cryptographically random byte, as ulid's default does. */
export function pooledPrng(): number {
  if (next === pool.length) { randomFillSync(pool); next = 0; }
  return pool[next++] / 256;
}

/** A new ULID (time-ordered, random tail). */
export const newUlid = (): string => ulid(undefined, pooledPrng);

/** ULIDs strictly increasing within this process, even within one millisecond. */
export const monotonicUlids = (): ((seedTime?: number) => string) => monotonicFactory(pooledPrng);
