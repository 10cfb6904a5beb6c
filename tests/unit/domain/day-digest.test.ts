import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dayDigest, digestOf, splitSeqSpan, type DigestEntry } from '../../../shared/domain/day-digest';

// The day digest both the central double and the counter compute (issue 17).

const entry = (seq: number, amount = 1_000 * seq, hash = seq.toString(16).padStart(64, '0')): DigestEntry =>
  ({ id: `01K${String(seq).padStart(23, '0')}`, seq, kind: 'CONTRIBUTION', amount, hash });

describe('digestOf', () => {
  it('is SHA-256 of "seq id kind amount hash\\n" per entry in (seq, id) order, whatever order it is given', () => {
    const a = entry(1), b = entry(2);
    const expected = createHash('sha256').update(`1 ${a.id} CONTRIBUTION 1000 ${a.hash}\n2 ${b.id} CONTRIBUTION 2000 ${b.hash}\n`).digest('hex');
    expect(digestOf([b, a])).toEqual({ count: 2, amount: 3_000, digest: expected });
    expect(digestOf([]).digest).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('changes with the amount, the kind or the hash of any entry', () => {
    const day = [entry(1), entry(2), entry(3)];
    const base = digestOf(day).digest;
    expect(digestOf([entry(1), entry(2, 1), entry(3)]).digest).not.toBe(base);
    expect(digestOf([entry(1), { ...entry(2), kind: 'CASH_IN' }, entry(3)]).digest).not.toBe(base);
    expect(digestOf([entry(1), entry(2, 2_000, 'f'.repeat(64)), entry(3)]).digest).not.toBe(base);
  });
});

describe('splitSeqSpan and dayDigest', () => {
  it('cuts a span into at most 16 contiguous ranges that depend on the span alone', () => {
    expect(splitSeqSpan(1, 5000, 16)).toHaveLength(16);
    expect(splitSeqSpan(1, 5000, 16)[0]).toEqual([1, 313]);
    expect(splitSeqSpan(1, 5000, 16).at(-1)).toEqual([4696, 5000]);
    expect(splitSeqSpan(7, 9, 16)).toEqual([[7, 7], [8, 8], [9, 9]]);
    expect(splitSeqSpan(3, 2, 16)).toEqual([]);
    const ranges = splitSeqSpan(10, 1000, 16);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1] + 1);
  });

  it('answers the day, its ranges (each the digest of its entries), and leaves ranges out when the caller already holds the digest', () => {
    const day = Array.from({ length: 100 }, (_, i) => entry(i + 1));
    const d = dayDigest(day);
    expect(d).toMatchObject({ fromSeq: 1, toSeq: 100, count: 100, amount: digestOf(day).amount, digest: digestOf(day).digest });
    expect(d.ranges).toHaveLength(15); // width ceil(100 / 16) = 7: at most 16
    for (const r of d.ranges) expect(r.digest).toBe(digestOf(day.filter((e) => e.seq >= r.fromSeq && e.seq <= r.toSeq)).digest);
    expect(d.ranges.reduce((n, r) => n + r.count, 0)).toBe(100);
    expect(dayDigest(day, { knownDigest: d.digest }).ranges).toEqual([]);
    const part = dayDigest(day, { fromSeq: 20, toSeq: 29, parts: 4 });
    expect(part).toMatchObject({ fromSeq: 20, toSeq: 29, count: 10 });
    expect(part.ranges.map((r) => [r.fromSeq, r.toSeq])).toEqual([[20, 22], [23, 25], [26, 28], [29, 29]]);
    expect(dayDigest([])).toEqual({ fromSeq: null, toSeq: null, ...digestOf([]), ranges: [] });
  });
});
