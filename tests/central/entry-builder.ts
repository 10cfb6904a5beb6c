import { ulid } from 'ulid';
import { hashEntry } from '../../electron/services/ledger/hash';
import { GENESIS_HASH, type LedgerEntryRow } from '../../shared/ledger/entry';
import { commitTo, newSalt } from '../../electron/services/participants/personal-data';
import type { PersonalData, PersonalRecord, RegistrationPayloadV2 } from '../../shared/protocol/personal-data';

// Builds valid, hash-chained ledger rows for one counter (DESIGN.md §9), for tests, the seed
// generator and the demo. The first entry's prev_hash is 64 zeros; each next one links to the
// hash of the one before.

export type EntryDraft = Partial<Omit<LedgerEntryRow, 'seq' | 'prev_hash' | 'hash'>> & Pick<LedgerEntryRow, 'kind'>;

export interface ChainOptions {
  counterId: string;
  branchCode: string;
  businessDate?: string;
  userId?: string;
  /** Seq of the first entry this builder makes (default 1) and the hash it links to (default genesis). */
  startSeq?: number;
  prevHash?: string;
  /** Id maker (default: ulid of now); pass a seeded one for reproducible data. */
  newId?: () => string;
}

export interface Chain {
  next(draft: EntryDraft): LedgerEntryRow;
  readonly seq: number;
  readonly lastHash: string;
}

export function createChain(opts: ChainOptions): Chain {
  let seq = (opts.startSeq ?? 1) - 1;
  let prev = opts.prevHash ?? GENESIS_HASH;
  const newId = opts.newId ?? (() => ulid());
  const businessDate = opts.businessDate ?? new Date().toISOString().slice(0, 10);
  return {
    next(draft) {
      seq += 1;
      const row: Omit<LedgerEntryRow, 'hash'> = {
        id: draft.id ?? newId(),
        counter_id: draft.counter_id ?? opts.counterId,
        seq,
        kind: draft.kind,
        business_date: draft.business_date ?? businessDate,
        created_at: draft.created_at ?? `${draft.business_date ?? businessDate}T03:00:00.000Z`,
        branch_code: draft.branch_code ?? opts.branchCode,
        user_id: draft.user_id ?? opts.userId ?? 'teller-1',
        participant_id: draft.participant_id ?? null,
        amount: draft.amount ?? 0,
        breakdown: draft.breakdown ?? null,
        payment_method: draft.payment_method ?? null,
        receipt_no: draft.receipt_no ?? null,
        ref_entry_id: draft.ref_entry_id ?? null,
        payload: draft.payload ?? null,
        prev_hash: prev,
      };
      const full = { ...row, hash: hashEntry(row) };
      prev = full.hash;
      return full;
    },
    get seq() { return seq; },
    get lastHash() { return prev; },
  };
}

/** The row with its hash recomputed (after a test changed a field on purpose). */
export function rehash(row: LedgerEntryRow): LedgerEntryRow {
  return { ...row, hash: hashEntry(row) };
}

export interface ParticipantDraft {
  id: string; nik: string; name: string; birthDate: string;
  sex?: 'L' | 'P'; programs?: ('JKK' | 'JKM' | 'JHT')[]; incomeBand?: number; occupationCode?: string;
  [extra: string]: unknown;
}

/** REGISTRATION payload text. */
export function registrationPayload(p: ParticipantDraft): string {
  return JSON.stringify({
    participant: {
      sex: 'L', phone: null, occupationCode: 'PEDAGANG_PASAR', transport: false, incomeBand: 1,
      programs: ['JKK', 'JKM'], regionCode: null, address: null, motherName: null, birthPlace: null, ...p,
    },
  });
}

/** CONTRIBUTION payload text. */
export function contributionPayload(months: string[]): string {
  return JSON.stringify({ months });
}

/** A participant's personal data as a v2 entry commits to it (every field present). */
export function personalOf(p: ParticipantDraft, overrides: Partial<PersonalData> = {}): PersonalData {
  return {
    nik: p.nik, name: p.name, birthDate: p.birthDate, birthPlace: null, sex: p.sex ?? null, phone: null, address: null,
    motherName: (p.motherName as string | undefined) ?? null, regionCode: null, ...overrides,
  };
}

/**
 * A REGISTRATION of format v2 (issue 16): the payload text with only a commitment, and the
 * personal record that travels beside the entry (give it the entry's id once the row is made).
 */
export function registrationV2(p: ParticipantDraft, salt = newSalt()): { payload: string; data: PersonalData; salt: string; record(entryId: string): PersonalRecord } {
  const data = personalOf(p);
  const payload: RegistrationPayloadV2 = {
    v: 2,
    participant: { id: p.id, occupationCode: p.occupationCode ?? 'PEDAGANG_PASAR', transport: false, incomeBand: p.incomeBand ?? 1, programs: p.programs ?? ['JKK', 'JKM'] },
    personal: { commitment: commitTo(salt, data), version: 1 },
  };
  return { payload: JSON.stringify(payload), data, salt, record: (entryId) => ({ entryId, salt, data }) };
}
