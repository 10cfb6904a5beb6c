import type { ParticipantView } from '../../../shared/contract/registration';
import { programsOf, type ParticipantRow } from '../participants/repo';

/** A participants row as the UI sees it. */
export function participantView(row: ParticipantRow): ParticipantView {
  return {
    id: row.id, nik: row.nik, kpj: row.kpj, name: row.name, birthPlace: row.birth_place, birthDate: row.birth_date,
    sex: row.sex, motherName: row.mother_name, phone: row.phone, address: row.address,
    provinceCode: row.province_code, regencyCode: row.regency_code, districtCode: row.district_code, villageCode: row.village_code,
    occupationCode: row.occupation_code, transport: row.transport === 1, incomeBand: row.income_band,
    declaredIncome: row.declared_income, programs: programsOf(row), origin: row.origin,
    registeredBranchCode: row.registered_branch_code, registeredBranchName: row.registered_branch_name,
    registeredAt: row.registered_at, registrationEntryId: row.registration_entry_id,
  };
}
