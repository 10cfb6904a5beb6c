import { AppError } from '../../../shared/errors';
import { normalisePhone } from '../../../shared/domain/phone';
import { crossCheckNik, maskNik, parseNik } from '../../../shared/domain/nik';
import { loadRegions } from '../regions';
import { correctionInputSchema } from '../../../shared/contract/participant-data';
import type { ParticipantView } from '../../../shared/contract/registration';
import {
  CORRECTABLE_FIELDS, PERSONAL_ENTRY_VERSION, personalDataSchema, type CorrectableField, type CorrectionPayload,
  type ErasurePayload, type PersonalData,
} from '../../../shared/protocol/personal-data';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { AuditActor } from '../audit';
import type { AuthService } from '../auth/auth-service';
import { participantView } from '../registration/view';
import { commitTo, createPersonalDataStore, newSalt } from './personal-data';
import type { ParticipantRepo, ParticipantRow } from './repo';

// Correction and erasure of a participant's personal data (issue 16 item 2). A correction is one
// transaction: a PARTICIPANT_CORRECTION entry (a commitment to the new data, which fields, why,
// which head approved; never a value), a new version in personal_data, and the participants row
// updated for every screen and receipt. The old version stays in personal_data: the audit trail
// the law and BPJS ask for. Erasure empties every version (salt and data) and the row's personal
// columns: the commitments then prove nothing, and the chain, which never held the data, verifies.

export interface DataActor extends AuditActor { userId: string; username: string }

/** How an erased participant's row reads: its NIK column must stay unique and not null. */
export const ERASED_NIK_PREFIX = 'DIHAPUS-';
export const isErased = (row: Pick<ParticipantRow, 'nik'>) => row.nik.startsWith(ERASED_NIK_PREFIX);

const COLUMN: Record<CorrectableField, keyof ParticipantRow> = {
  name: 'name', birthPlace: 'birth_place', birthDate: 'birth_date', phone: 'phone', address: 'address', motherName: 'mother_name',
};

export function createParticipantDataService(deps: {
  db: Db; ledger: Ledger; participants: ParticipantRepo; auth: Pick<AuthService, 'approveAsHead'>; clock: () => Date;
}) {
  const { db, ledger, participants } = deps;
  const store = createPersonalDataStore(db);
  const update = db.prepare(`UPDATE participants SET name = @name, birth_place = @birth_place, birth_date = @birth_date,
    phone = @phone, address = @address, mother_name = @mother_name, updated_at = @updated_at WHERE id = @id`);
  const erase = db.prepare(`UPDATE participants SET nik = @nik, name = '', birth_place = NULL, birth_date = '', sex = NULL,
    mother_name = NULL, phone = NULL, address = NULL, village_code = NULL, updated_at = @at WHERE id = @id`);
  // Versions whose entry central has not acknowledged yet: their data must travel before it is shredded.
  const unsent = db.prepare(`SELECT COUNT(*) FROM personal_data pd WHERE pd.participant_id = ? AND pd.salt IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM sync_acks a WHERE a.entry_id = pd.entry_id)`).pluck();

  function participantOf(id: string): ParticipantRow {
    const row = participants.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'err.registration.notFound');
    if (isErased(row)) throw new AppError('CONFLICT', 'err.correction.erased');
    return row;
  }

  /** A corrected birth date must agree with the NIK, as at registration (the NIK is the identity). */
  async function checkBirthDate(nik: string, birthDate: string): Promise<void> {
    const today = ledger.today();
    const issue = (key: string, params?: Record<string, string>) => new AppError('INVALID_INPUT', 'err.invalidInput', undefined, [{ path: 'changes.birthDate', key, params }]);
    if (birthDate > today) throw issue('err.registration.birthFuture');
    const parsed = parseNik(nik, { regions: await loadRegions(), today });
    if (!parsed.ok) return; // a NIK adopted as it was: nothing to compare with
    const flag = crossCheckNik(parsed, { birthDate }).find((f) => f.field === 'birthDate');
    if (flag) throw issue(flag.key, flag.params as Record<string, string> | undefined);
  }

  /** The data as it stands: the participants row always holds the latest version. */
  function dataOf(row: ParticipantRow): PersonalData {
    return personalDataSchema.parse({
      nik: row.nik, name: row.name, birthDate: row.birth_date, birthPlace: row.birth_place, sex: row.sex, phone: row.phone,
      address: row.address, motherName: row.mother_name, regionCode: row.village_code,
    });
  }

  return {
    async correct(raw: unknown, actor: DataActor): Promise<{ participant: ParticipantView; entryId: string; version: number; fields: CorrectableField[] }> {
      const input = correctionInputSchema.parse(raw);
      const row = participantOf(input.participantId);
      // Data registered at another branch is corrected there, where all of it is held.
      if (row.origin !== 'local') throw new AppError('CONFLICT', 'err.correction.notLocal', { branch: row.registered_branch_name ?? row.registered_branch_code ?? '-' });
      const before = dataOf(row);
      const changes: Partial<PersonalData> = { ...input.changes };
      if (input.changes.phone !== undefined) {
        const phone = normalisePhone(input.changes.phone);
        if (phone.ok) changes.phone = phone.e164;
      }
      const fields = CORRECTABLE_FIELDS.filter((f) => changes[f] !== undefined && changes[f] !== before[f]);
      if (fields.length === 0) throw new AppError('INVALID_INPUT', 'err.correction.nothingChanged', undefined, [{ path: 'changes', key: 'err.correction.nothingChanged' }]);
      if (fields.includes('birthDate')) await checkBirthDate(row.nik, changes.birthDate!);
      const head = await deps.auth.approveAsHead(input.approval.username, input.approval.pin, 'participants.correct');
      const data = personalDataSchema.parse({ ...before, ...Object.fromEntries(fields.map((f) => [f, changes[f]])) });
      const salt = newSalt();

      const { entry, extra: version } = db.transaction(() => {
        // A participant registered before personal data left the chain has its version 1 in clear.
        const version = Math.max(store.nextVersion(row.id), 2);
        const payload: CorrectionPayload = {
          v: PERSONAL_ENTRY_VERSION, participantId: row.id, personal: { commitment: commitTo(salt, data), version }, fields,
          reason: input.reason, approvedBy: { id: head.id, username: head.username },
        };
        return ledger.record(
          { kind: 'PARTICIPANT_CORRECTION', userId: actor.userId, participantId: row.id, amount: 0, payload },
          { actor, action: 'participants.correct', target: row.id, detail: { fields, reason: input.reason, approvedBy: head.username, version, nik: maskNik(row.nik) } },
          (e) => {
            const next = { ...row };
            for (const f of fields) (next as Record<string, unknown>)[COLUMN[f]] = data[f];
            update.run({ ...next, updated_at: e.created_at });
            store.insert(row.id, version, e.id, salt, data, e.created_at);
            return version;
          },
        );
      }).immediate();
      return { participant: participantView(participants.byId(row.id)!), entryId: entry.id, version, fields };
    },

    async erase(input: { participantId: string; order: string; approval: { username: string; pin: string } }, actor: DataActor) {
      const row = participantOf(input.participantId);
      // Central must hold the registration and every correction first: their data travels with
      // them, and cannot once shredded.
      if ((unsent.get(row.id) as number) > 0) {
        throw new AppError('CONFLICT', 'err.erasure.notSynced');
      }
      const head = await deps.auth.approveAsHead(input.approval.username, input.approval.pin, 'participants.erase');
      const payload: ErasurePayload = { v: PERSONAL_ENTRY_VERSION, participantId: row.id, order: input.order, approvedBy: { id: head.id, username: head.username } };
      const { entry, extra: versionsErased } = ledger.record(
        { kind: 'PARTICIPANT_ERASURE', userId: actor.userId, participantId: row.id, amount: 0, payload },
        { actor, action: 'participants.erase', target: row.id, detail: { order: input.order, approvedBy: head.username } },
        (e) => {
          erase.run({ id: row.id, nik: `${ERASED_NIK_PREFIX}${row.id}`, at: e.created_at });
          return store.erase(row.id, e.created_at);
        },
      );
      return { participantId: row.id, entryId: entry.id, versionsErased };
    },
  };
}
export type ParticipantDataService = ReturnType<typeof createParticipantDataService>;
