import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';

// DESIGN.md §9: hash = lowercase hex SHA-256 of the UTF-8 bytes of the RFC 8785 (JCS)
// canonical JSON of the row as SQLite returns it, every column except `hash`.

export function canonicalEntryJson(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow): string {
  const { hash: _omit, ...rest } = row as LedgerEntryRow;
  const text = canonicalize(rest);
  if (text === undefined) throw new Error('entry cannot be canonicalised');
  return text;
}

export function hashEntry(row: Omit<LedgerEntryRow, 'hash'> | LedgerEntryRow): string {
  return createHash('sha256').update(canonicalEntryJson(row), 'utf8').digest('hex');
}
