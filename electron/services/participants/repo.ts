import type { Db } from '../db/open';
import type { Program } from '../../../shared/ledger/entry';

export interface ParticipantRow {
  id: string; nik: string; kpj: string | null; name: string; birth_place: string | null; birth_date: string;
  sex: 'M' | 'F' | null; mother_name: string | null; phone: string | null; address: string | null;
  village_code: string | null; district_code: string | null; regency_code: string | null; province_code: string | null;
  occupation_code: string | null; transport: number; income_band: number | null; declared_income: number | null;
  programs: string; origin: 'local' | 'central'; registered_branch_code: string | null; registered_branch_name: string | null;
  registered_at: string; registration_entry_id: string | null; updated_at: string;
}

export function programsOf(row: Pick<ParticipantRow, 'programs'>): Program[] {
  return JSON.parse(row.programs) as Program[];
}

/** Plain reads and the few writes of the participants projection. Writes run inside the caller's transaction. */
export function createParticipantRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM participants WHERE id = ?');
  const byNik = db.prepare('SELECT * FROM participants WHERE nik = ?');
  const byKpj = db.prepare('SELECT * FROM participants WHERE kpj = ?');
  const insert = db.prepare(`INSERT INTO participants (id, nik, kpj, name, birth_place, birth_date, sex, mother_name, phone,
    address, village_code, district_code, regency_code, province_code, occupation_code, transport, income_band,
    declared_income, programs, origin, registered_branch_code, registered_branch_name, registered_at,
    registration_entry_id, updated_at) VALUES (@id, @nik, @kpj, @name, @birth_place, @birth_date, @sex, @mother_name,
    @phone, @address, @village_code, @district_code, @regency_code, @province_code, @occupation_code, @transport,
    @income_band, @declared_income, @programs, @origin, @registered_branch_code, @registered_branch_name,
    @registered_at, @registration_entry_id, @updated_at)`);
  const setKpj = db.prepare('UPDATE participants SET kpj = ?, updated_at = ? WHERE id = ? AND (kpj IS NULL OR kpj = ?)');
  return {
    byId: (id: string) => (byId.get(id) as ParticipantRow | undefined) ?? null,
    byNik: (nik: string) => (byNik.get(nik) as ParticipantRow | undefined) ?? null,
    byKpj: (kpj: string) => (byKpj.get(kpj) as ParticipantRow | undefined) ?? null,
    insert: (row: ParticipantRow) => { insert.run(row); },
    /** Stores the KPJ number the central server assigned; never overwrites a different one. */
    setKpj: (id: string, kpj: string, at: string) => setKpj.run(kpj, at, id, kpj).changes === 1,
  };
}
export type ParticipantRepo = ReturnType<typeof createParticipantRepo>;
