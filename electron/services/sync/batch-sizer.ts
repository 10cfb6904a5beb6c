// How many entries the next sync batch carries, learnt from the link (issue 17). On a village's
// EDGE link a batch of 500 took a minute and started again from nothing when the link dropped;
// on a LAN it is a few milliseconds. So: start small, double while a batch comes back well
// within the aim, halve when one is slow or fails, and give each request a timeout that grows
// with the bytes it carries, so a big batch on a slow link is not cut by its own timeout and a
// dead link is not waited on for minutes. Pure: the sync worker tells it what happened.

export interface BatchSizerOptions {
  min?: number;
  max?: number;
  start?: number;
  /** What one request should take (ms). */
  aimMs?: number;
}

/** The slowest link a request's timeout allows for (bits per second): GPRS at its worst. */
const SLOWEST_BPS = 16_000;
const TIMEOUT_BASE_MS = 10_000;

export interface LinkQuality {
  /** The last batch's time from request to answer (ms). */
  lastMs: number | null;
  /** Bytes per second the last batch's request body went at (compressed bytes over its time). */
  bytesPerSecond: number | null;
}

export function createBatchSizer(opts: BatchSizerOptions = {}) {
  const min = opts.min ?? 10;
  const max = opts.max ?? 500;
  const aim = opts.aimMs ?? 3000;
  let size = Math.min(max, Math.max(min, opts.start ?? 50));
  const quality: LinkQuality = { lastMs: null, bytesPerSecond: null };
  return {
    size: () => size,
    quality: (): LinkQuality => ({ ...quality }),
    /** A batch of `entries` (`bytes` on the wire) was answered after `ms`. */
    answered(entries: number, bytes: number, ms: number): void {
      quality.lastMs = Math.round(ms);
      quality.bytesPerSecond = ms > 0 ? Math.round((bytes * 1000) / ms) : null;
      // Only a full batch says the link could take more.
      if (ms < aim / 2 && entries >= size) size = Math.min(max, size * 2);
      else if (ms > aim * 2) size = Math.max(min, Math.floor(size / 2));
    },
    /** A batch failed (timeout, cut, server error): the next one is smaller. */
    failed(): void {
      size = Math.max(min, Math.floor(size / 2));
    },
    /** The timeout of a request carrying `bytes`: a base, plus the bytes at the slowest link allowed for. */
    timeoutFor(bytes: number): number {
      return TIMEOUT_BASE_MS + Math.ceil((bytes * 8 * 1000) / SLOWEST_BPS);
    },
  };
}
export type BatchSizer = ReturnType<typeof createBatchSizer>;
