import type { ExistingParticipant } from '../../../shared/contract/registration';
import { occupations } from '../../../shared/domain/occupations';
import type { ParticipantResponse } from '../../../shared/protocol/central';
import type { ParticipantRow } from '../participants/repo';

export function existingFromRow(row: ParticipantRow): ExistingParticipant {
  return {
    participantId: row.id, name: row.name, nik: row.nik, kpj: row.kpj, foundAt: 'local',
    branchCode: row.registered_branch_code, branchName: row.registered_branch_name, registeredAt: row.registered_at,
  };
}

export function existingFromCentral(p: ParticipantResponse): ExistingParticipant {
  return {
    participantId: p.participantId, name: p.name, nik: p.nik, kpj: p.kpj, foundAt: 'central',
    branchCode: p.branchCode, branchName: p.branchName, registeredAt: p.registeredAt,
  };
}

/** A participants row (origin 'central') for someone registered elsewhere. */
export function rowFromCentral(p: ParticipantResponse, now: string): ParticipantRow {
  const band = typeof p.incomeBand === 'number' ? p.incomeBand : p.incomeBand != null && /^\d+$/.test(p.incomeBand) ? Number(p.incomeBand) : null;
  return {
    id: p.participantId, nik: p.nik, kpj: p.kpj, name: p.name, birth_place: null, birth_date: p.birthDate, sex: null,
    mother_name: null, phone: null, address: null, village_code: null, district_code: null, regency_code: null,
    province_code: null, occupation_code: p.occupationCode ?? null,
    transport: p.occupationCode && occupations.isTransport(p.occupationCode) ? 1 : 0,
    income_band: band, declared_income: null, programs: JSON.stringify(p.programs), origin: 'central',
    registered_branch_code: p.branchCode, registered_branch_name: p.branchName, registered_at: p.registeredAt,
    registration_entry_id: null, updated_at: now,
  };
}
