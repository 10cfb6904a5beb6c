import { describe, expect, it } from 'vitest';
import { createBatchSizer } from '../../../electron/services/sync/batch-sizer';

describe('sync batches sized by the link', () => {
  it('starts small and doubles while full batches come back well within the aim, up to the cap', () => {
    const s = createBatchSizer({ start: 50, max: 500, aimMs: 3000 });
    const sizes = [s.size()];
    for (let i = 0; i < 6; i++) { s.answered(s.size(), 10_000, 100); sizes.push(s.size()); }
    expect(sizes).toEqual([50, 100, 200, 400, 500, 500, 500]);
  });

  it('does not grow on a short last batch, holds in the aim band, halves when slow or failed, never below the floor', () => {
    const s = createBatchSizer({ start: 80, min: 10, aimMs: 3000 });
    s.answered(12, 2_000, 100); // the outbox had only 12: says nothing of the link
    expect(s.size()).toBe(80);
    s.answered(80, 50_000, 4_000); // within 1.5–6 s: keep
    expect(s.size()).toBe(80);
    s.answered(80, 50_000, 9_000);
    expect(s.size()).toBe(40);
    for (let i = 0; i < 10; i++) s.failed();
    expect(s.size()).toBe(10);
  });

  it('gives a request time for its bytes at the slowest link, and reports the last round trip and throughput', () => {
    const s = createBatchSizer();
    expect(s.timeoutFor(0)).toBe(10_000);
    expect(s.timeoutFor(60_000)).toBe(40_000); // 60 KB at 16 kbit/s = 30 s, plus the base
    s.answered(50, 8_000, 2_000);
    expect(s.quality()).toEqual({ lastMs: 2000, bytesPerSecond: 4000 });
  });
});
