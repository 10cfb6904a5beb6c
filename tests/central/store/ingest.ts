import type { z } from 'zod';
import { hashEntry } from '../../../electron/services/ledger/hash';
import { central } from '../../../shared/i18n/messages/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import {
  contributionPayloadSchema, registrationPayloadSchema, type BatchResult, type RejectReason,
} from '../../../shared/protocol/central';
import {
  correctionPayloadSchema, erasurePayloadSchema, registrationPayloadV2Schema, type PersonalRecord,
} from '../../../shared/protocol/personal-data';
import { canonicalPersonal, commitmentHolds } from '../../../electron/services/participants/personal-data';
import type { DB } from '../db';
import type { Device } from '../context';

// Takes ledger entries in: checks each one (owner, hash, id), stores it and its side effects
// (a REGISTRATION makes a participant with a KPJ number; a CONTRIBUTION must name its months).
// A batch is one SQLite transaction over prepared statements. Re-sending is always safe: a known
// id with the same hash is `duplicate`, and a rejected entry is never stored.

type Effect = { reason: RejectReason; kpj?: string } | { apply: () => string | undefined };
/** Most entries (contributions, voids, cash movements) are only stored: one shared answer, no allocation per entry. */
const NO_EFFECT: Effect = { apply: () => undefined };
const BAD_PAYLOAD: Effect = { reason: 'BAD_PAYLOAD' };

const VOIDED = `EXISTS (SELECT 1 FROM entries v WHERE v.ref_entry_id = p.registration_entry_id AND v.kind = 'VOID')`;

function parsePayload<S extends z.ZodType>(text: string | null, schema: S): z.output<S> | null {
  if (text === null) return null;
  let json: unknown;
  try { json = JSON.parse(text); } catch { return null; }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function rejected(id: string, reason: RejectReason, kpj?: string): BatchResult {
  return { id, status: 'rejected', reason, message: central.id.central.reject[reason], ...(kpj ? { kpj } : {}) };
}

export interface LedgerIngest {
  /**
   * One transaction; results in the order of `rows`. `device` null = admin (no ownership checks).
   * `personal`: the personal data of the v2 entries among `rows` (issue 16), checked and stored with them.
   * `hashesDerived`: the rows' hashes were computed here from the rows themselves (a derived chain,
   * checked against the batch's lastHash), so checking each one again would only hash it twice.
   */
  ingest(rows: LedgerEntryRow[], device: Device | null, planted?: boolean, personal?: readonly PersonalRecord[], hashesDerived?: boolean): BatchResult[];
}

export function createLedgerIngest(db: DB, now: () => Date): LedgerIngest {
  const s = {
    byId: db.prepare<[string], { hash: string; kind: string }>('SELECT hash, kind FROM entries WHERE id = ?'),
    // Positional, and `DO NOTHING` on a known id: for most entries the insert is also the
    // look-up (a re-sent entry changes no row, and only then is the stored hash read).
    insert: db.prepare(`INSERT INTO entries (id, counter_id, seq, kind, business_date, created_at, branch_code, user_id,
      participant_id, amount, breakdown, payment_method, receipt_no, ref_entry_id, payload, prev_hash, hash,
      received_at, device_id, planted)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    kpjOfRegistration: db.prepare<[string], string>('SELECT kpj FROM participants WHERE registration_entry_id = ?').pluck(),
    activeByNik: db.prepare<[string], { participant_id: string; kpj: string }>(
      `SELECT participant_id, kpj FROM participants p WHERE nik = ? AND NOT ${VOIDED} LIMIT 1`),
    participantById: db.prepare<[string], { kpj: string; voided: number }>(
      `SELECT kpj, ${VOIDED} AS voided FROM participants p WHERE participant_id = ?`),
    insertPersonal: db.prepare(`INSERT INTO personal_data (entry_id, participant_id, version, salt, data, received_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING`),
    correctParticipant: db.prepare('UPDATE participants SET name = ?, birth_date = ?, payload = ? WHERE participant_id = ?'),
    // Erasure: the personal columns emptied (an empty NIK never matches a look-up), every version shredded.
    eraseParticipant: db.prepare("UPDATE participants SET nik = '', name = '', birth_date = '', payload = '{}' WHERE participant_id = ?"),
    erasePersonal: db.prepare('UPDATE personal_data SET salt = NULL, data = NULL, erased_at = ? WHERE participant_id = ? AND erased_at IS NULL'),
    nextKpj: db.prepare<[], number>(`UPDATE meta SET value = value + 1 WHERE key = 'kpj_next' RETURNING value - 1`).pluck(),
    upsertParticipant: db.prepare(`INSERT INTO participants (participant_id, nik, kpj, name, birth_date, branch_code,
      registered_at, programs, income_band, occupation_code, registration_entry_id, payload)
      VALUES (@participant_id, @nik, @kpj, @name, @birth_date, @branch_code, @registered_at, @programs, @income_band,
      @occupation_code, @registration_entry_id, @payload)
      ON CONFLICT (participant_id) DO UPDATE SET nik = excluded.nik, name = excluded.name, birth_date = excluded.birth_date,
      branch_code = excluded.branch_code, registered_at = excluded.registered_at, programs = excluded.programs,
      income_band = excluded.income_band, occupation_code = excluded.occupation_code,
      registration_entry_id = excluded.registration_entry_id, payload = excluded.payload`),
  };

  /** 11 digits: two of the registration year, nine of a server-wide sequence. */
  function newKpj(businessDate: string): string {
    return `${businessDate.slice(2, 4)}${String(s.nextKpj.get()).padStart(9, '0')}`;
  }

  /** What a registration says about its participant: in clear (v1) or under a commitment (v2). */
  interface Registered { id: string; nik: string; name: string; birthDate: string; programs: string[];
    incomeBand?: number | string | null; occupationCode?: string | null; stored: string; record: PersonalRecord | null;
    version: number }

  function registeredOf(row: LedgerEntryRow, personal: ReadonlyMap<string, PersonalRecord>): Registered | RejectReason {
    const v2 = parsePayload(row.payload, registrationPayloadV2Schema);
    if (v2) {
      const rec = personal.get(row.id);
      if (!rec || !commitmentHolds(v2.personal.commitment, rec.salt, rec.data)) return 'PERSONAL_DATA_MISMATCH';
      const p = v2.participant;
      return { id: p.id, nik: rec.data.nik, name: rec.data.name, birthDate: rec.data.birthDate, programs: p.programs,
        incomeBand: p.incomeBand, occupationCode: p.occupationCode, stored: canonicalPersonal(rec.data), record: rec, version: v2.personal.version };
    }
    const payload = parsePayload(row.payload, registrationPayloadSchema);
    if (!payload) return 'BAD_PAYLOAD';
    const p = payload.participant;
    return { ...p, stored: row.payload!, record: null, version: 1 };
  }

  function registrationEffect(row: LedgerEntryRow, personal: ReadonlyMap<string, PersonalRecord>, receivedAt: string): Effect {
    const p = registeredOf(row, personal);
    if (typeof p === 'string') return { reason: p };
    if (row.participant_id !== null && row.participant_id !== p.id) return BAD_PAYLOAD;
    const active = s.activeByNik.get(p.nik);
    if (active && active.participant_id !== p.id) return { reason: 'NIK_REGISTERED', kpj: active.kpj };
    const existing = s.participantById.get(p.id);
    if (existing && !existing.voided) return { reason: 'PARTICIPANT_CONFLICT' };
    return {
      apply: () => {
        // A participant whose registration was voided and who registers again keeps the number.
        const kpj = existing?.kpj ?? newKpj(row.business_date);
        s.upsertParticipant.run({
          participant_id: p.id, nik: p.nik, kpj, name: p.name, birth_date: p.birthDate, branch_code: row.branch_code,
          registered_at: row.created_at, programs: JSON.stringify(p.programs),
          income_band: p.incomeBand == null ? null : JSON.stringify(p.incomeBand), occupation_code: p.occupationCode ?? null,
          registration_entry_id: row.id, payload: p.stored,
        });
        if (p.record) s.insertPersonal.run(row.id, p.id, p.version, p.record.salt, p.stored, receivedAt);
        return kpj;
      },
    };
  }

  /** A new version of a participant's data: checked against its commitment, then it is the data. */
  function correctionEffect(row: LedgerEntryRow, personal: ReadonlyMap<string, PersonalRecord>, receivedAt: string): Effect {
    const payload = parsePayload(row.payload, correctionPayloadSchema);
    if (!payload || row.participant_id !== payload.participantId) return BAD_PAYLOAD;
    const rec = personal.get(row.id);
    if (!rec || !commitmentHolds(payload.personal.commitment, rec.salt, rec.data)) return { reason: 'PERSONAL_DATA_MISMATCH' };
    if (!s.participantById.get(payload.participantId)) return { reason: 'UNKNOWN_PARTICIPANT' };
    return {
      apply: () => {
        const stored = canonicalPersonal(rec.data);
        s.correctParticipant.run(rec.data.name, rec.data.birthDate, stored, payload.participantId);
        s.insertPersonal.run(row.id, payload.participantId, payload.personal.version, rec.salt, stored, receivedAt);
        return undefined;
      },
    };
  }

  function erasureEffect(row: LedgerEntryRow, receivedAt: string): Effect {
    const payload = parsePayload(row.payload, erasurePayloadSchema);
    if (!payload || row.participant_id !== payload.participantId) return BAD_PAYLOAD;
    if (!s.participantById.get(payload.participantId)) return { reason: 'UNKNOWN_PARTICIPANT' };
    return {
      apply: () => {
        s.eraseParticipant.run(payload.participantId);
        s.erasePersonal.run(receivedAt, payload.participantId);
        return undefined;
      },
    };
  }

  // The months stay in the stored payload; participants.ts reads them from there.
  function contributionEffect(row: LedgerEntryRow): Effect {
    const payload = parsePayload(row.payload, contributionPayloadSchema);
    if (!payload || row.participant_id === null) return BAD_PAYLOAD;
    return NO_EFFECT;
  }

  function effectOf(row: LedgerEntryRow, personal: ReadonlyMap<string, PersonalRecord>, receivedAt: string): Effect {
    switch (row.kind) {
      case 'REGISTRATION': return registrationEffect(row, personal, receivedAt);
      case 'PARTICIPANT_CORRECTION': return correctionEffect(row, personal, receivedAt);
      case 'PARTICIPANT_ERASURE': return erasureEffect(row, receivedAt);
      case 'CONTRIBUTION': return contributionEffect(row);
      case 'VOID': return row.ref_entry_id === null ? BAD_PAYLOAD : NO_EFFECT;
      default: return NO_EFFECT;
    }
  }

  function known(row: LedgerEntryRow, existing: { hash: string }): BatchResult {
    if (existing.hash !== row.hash) return rejected(row.id, 'ID_CONFLICT');
    const kpj = row.kind === 'REGISTRATION' ? s.kpjOfRegistration.get(row.id) : undefined;
    return { id: row.id, status: 'duplicate', ...(kpj ? { kpj } : {}) };
  }

  function ingestOne(row: LedgerEntryRow, device: Device | null, receivedAt: string, planted: boolean,
    personal: ReadonlyMap<string, PersonalRecord>, hashesDerived: boolean): BatchResult {
    if (device) {
      if (row.counter_id !== device.counterId) return rejected(row.id, 'FOREIGN_COUNTER');
      if (row.branch_code !== device.branchCode) return rejected(row.id, 'FOREIGN_BRANCH');
    }
    if (!hashesDerived && hashEntry(row) !== row.hash) return rejected(row.id, 'HASH_MISMATCH');
    // A registration's checks read participants, which its own first arrival changed: a re-sent
    // one must be recognised as known before they run. Other kinds check only themselves.
    if (row.kind === 'REGISTRATION') {
      const existing = s.byId.get(row.id);
      if (existing) return known(row, existing);
    }
    const effect = effectOf(row, personal, receivedAt);
    if ('reason' in effect) return rejected(row.id, effect.reason, effect.kpj);
    const inserted = s.insert.run(row.id, row.counter_id, row.seq, row.kind, row.business_date, row.created_at, row.branch_code,
      row.user_id, row.participant_id, row.amount, row.breakdown, row.payment_method, row.receipt_no, row.ref_entry_id,
      row.payload, row.prev_hash, row.hash, receivedAt, device?.deviceId ?? null, planted ? 1 : 0);
    if (inserted.changes === 0) return known(row, s.byId.get(row.id)!);
    const kpj = effect.apply();
    return { id: row.id, status: 'accepted', ...(kpj ? { kpj } : {}) };
  }

  const NONE: ReadonlyMap<string, PersonalRecord> = new Map();
  const batch = db.transaction((rows: LedgerEntryRow[], device: Device | null, planted: boolean, personal: ReadonlyMap<string, PersonalRecord>, hashesDerived: boolean) => {
    const receivedAt = now().toISOString();
    return rows.map((row) => ingestOne(row, device, receivedAt, planted, personal, hashesDerived));
  });

  return {
    ingest: (rows, device, planted = false, personal = [], hashesDerived = false) =>
      batch(rows, device, planted, personal.length === 0 ? NONE : new Map(personal.map((p) => [p.entryId, p])), hashesDerived),
  };
}
