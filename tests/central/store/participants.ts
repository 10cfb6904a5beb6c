import type { ParticipantQuery, ParticipantResponse } from '../../../shared/protocol/central';
import type { DB } from '../db';

// Participant lookup by NIK or KPJ. A participant whose REGISTRATION was voided does not exist;
// paid months are the months of CONTRIBUTION entries not voided.

interface ParticipantRow {
  participant_id: string; nik: string; kpj: string; name: string; birth_date: string; branch_code: string;
  branch_name: string | null; registered_at: string; programs: string; income_band: string | null;
  occupation_code: string | null;
}

const SELECT = `SELECT p.participant_id, p.nik, p.kpj, p.name, p.birth_date, p.branch_code, b.name AS branch_name,
  p.registered_at, p.programs, p.income_band, p.occupation_code
  FROM participants p LEFT JOIN branches b ON b.code = p.branch_code`;
// An erased participant's NIK is empty: found by neither NIK nor KPJ.
const ACTIVE = `p.nik <> '' AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.ref_entry_id = p.registration_entry_id AND v.kind = 'VOID')`;

export function createParticipantQueries(db: DB) {
  const byNik = db.prepare<[string], ParticipantRow>(`${SELECT} WHERE p.nik = ? AND ${ACTIVE} ORDER BY p.registered_at DESC LIMIT 1`);
  const byKpj = db.prepare<[string], ParticipantRow>(`${SELECT} WHERE p.kpj = ? AND ${ACTIVE}`);
  const paidMonths = db.prepare<[string], string>(`SELECT DISTINCT m.value FROM entries c, json_each(c.payload, '$.months') m
    WHERE c.participant_id = ? AND c.kind = 'CONTRIBUTION'
      AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.ref_entry_id = c.id AND v.kind = 'VOID')
    ORDER BY m.value`).pluck();

  function find(query: ParticipantQuery): ParticipantResponse | null {
    const row = 'nik' in query ? byNik.get(query.nik) : byKpj.get(query.kpj);
    if (!row) return null;
    return {
      participantId: row.participant_id,
      nik: row.nik,
      kpj: row.kpj,
      name: row.name,
      birthDate: row.birth_date,
      branchCode: row.branch_code,
      branchName: row.branch_name ?? row.branch_code,
      registeredAt: row.registered_at,
      programs: JSON.parse(row.programs) as ParticipantResponse['programs'],
      incomeBand: row.income_band === null ? null : (JSON.parse(row.income_band) as number | string),
      occupationCode: row.occupation_code,
      paidMonths: paidMonths.all(row.participant_id),
    };
  }

  return { find };
}
