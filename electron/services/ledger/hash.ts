import { createHash } from 'node:crypto';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';

// DESIGN.md §9: hash = lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS)
// canonical JSON of the row as SQLite returns it, every column except `hash`.
//
// A row holds only strings, safe integers and null (STRICT table). For those, JCS is: keys
// sorted by UTF-16 code units, no white space, values as ECMAScript JSON.stringify writes them.
// That is what this does, without a general-purpose library in the hot path; a property test
// checks it against the `canonicalize` package on random rows.

type Row = Record<string, unknown>;

const keyCache = new Map<string, string[]>();

function sortedKeys(row: Row): string[] {
  const raw = Object.keys(row);
  const sig = raw.join('\u0000');
  let keys = keyCache.get(sig);
  if (!keys) {
    keys = raw.filter((k) => k !== 'hash').sort();
    keyCache.set(sig, keys);
  }
  return keys;
}

export function canonicalEntryJson(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow | Row): string {
  const r = row as Row;
  let out = '{';
  let first = true;
  for (const k of sortedKeys(r)) {
    const v = r[k];
    if (v === undefined) continue;
    if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new TypeError(`ledger column ${k} is not an integer`);
    if (v !== null && typeof v === 'object') throw new TypeError(`ledger column ${k} holds a structure; store JSON text`);
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + JSON.stringify(v);
    first = false;
  }
  return out + '}';
}

export function hashEntry(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow | Row): string {
  return createHash('sha256').update(canonicalEntryJson(row), 'utf8').digest('hex');
}
