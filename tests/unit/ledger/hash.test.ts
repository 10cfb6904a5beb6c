import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { canonicalEntryJson, hashEntry } from '../../../electron/services/ledger/hash';

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('é', '\u202e', '\u0000', '"\\', '𝄞', '\u2028'));
const cell = fc.oneof(text, fc.maxSafeInteger().map((n) => Math.trunc(n)), fc.integer(), fc.constant(null));
const rowArb = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== 'hash' && k !== '__proto__'), cell, { maxKeys: 20 });

describe('ledger hash = SHA-256 of RFC 8785 canonical JSON (DESIGN.md §9)', () => {
  it('our canonical JSON equals the canonicalize package on random rows', () => {
    fc.assert(fc.property(rowArb, (row) => {
      expect(canonicalEntryJson(row)).toBe(canonicalize(row));
    }), { numRuns: 3000 });
  });

  it('leaves out the hash column and hashes the UTF-8 bytes', () => {
    const row = { id: '01J0000000000000000000000A', amount: 16800, payload: null, kind: 'CONTRIBUTION', hash: 'x' };
    const expected = createHash('sha256').update('{"amount":16800,"id":"01J0000000000000000000000A","kind":"CONTRIBUTION","payload":null}').digest('hex');
    expect(hashEntry(row)).toBe(expected);
  });

  it('refuses floats and structures (they are never ledger columns)', () => {
    expect(() => canonicalEntryJson({ amount: 1.5 })).toThrow(TypeError);
    expect(() => canonicalEntryJson({ breakdown: { JKK: 1 } })).toThrow(TypeError);
  });
});
