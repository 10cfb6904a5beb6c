import { hash as oneShotHash } from 'node:crypto';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';

// DESIGN.md §9: hash = lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS)
// canonical JSON of the row as SQLite returns it, every column except `hash`.
//
// A row holds only strings, safe integers and null (STRICT table). For those, JCS is: keys
// sorted by UTF-16 code units, no white space, values as ECMAScript JSON.stringify writes them.
// That is what this does, without a general-purpose library in the hot path; a property test
// checks it against the `canonicalize` package on random rows.
//
// It runs for every entry written, verified, sent and received, so the sorted keys of a row
// shape (always the same few) are worked out once, with their quoted names ready to join.

type Row = Record<string, unknown>;

interface Shape { raw: string[]; sorted: string[]; quoted: string[] }

const shapes = new Map<string, Shape>();
let lastShape: Shape | null = null;

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shapeOf(row: Row): Shape {
  const raw = Object.keys(row);
  if (lastShape && sameKeys(lastShape.raw, raw)) return lastShape;
  const sig = raw.join('\u0000');
  let shape = shapes.get(sig);
  if (!shape) {
    const sorted = raw.filter((k) => k !== 'hash').sort();
    shape = { raw, sorted, quoted: sorted.map((k) => `${JSON.stringify(k)}:`) };
    if (shapes.size < 1000) shapes.set(sig, shape); // random rows in tests must not grow it forever
  }
  lastShape = shape;
  return shape;
}

export function canonicalEntryJson(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow | Row): string {
  const r = row as Row;
  const { sorted, quoted } = shapeOf(r);
  let out = '{';
  for (let i = 0; i < sorted.length; i++) {
    const v = r[sorted[i]];
    let text: string;
    if (typeof v === 'string') text = JSON.stringify(v);
    else if (v === null) text = 'null';
    else if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new TypeError(`ledger column ${sorted[i]} is not an integer`);
      text = String(v);
    } else if (v === undefined) continue;
    else if (typeof v === 'object') throw new TypeError(`ledger column ${sorted[i]} holds a structure; store JSON text`);
    else text = JSON.stringify(v);
    out += (out.length === 1 ? '' : ',') + quoted[i] + text;
  }
  return out + '}';
}

export function hashEntry(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow | Row): string {
  return oneShotHash('sha256', canonicalEntryJson(row), 'hex');
}
