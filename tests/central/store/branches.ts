import { zoneOfProvince } from '../../../shared/dates';
import type { Branch } from '../../../shared/protocol/central';
import type { DB } from '../db';
import { HttpError } from '../http';

// Pos branches known to central. The time zone follows the province unless given (DOMAIN.md §6).

export type BranchInput = Omit<Branch, 'timeZone'> & { timeZone?: Branch['timeZone'] };

interface BranchRow { code: string; name: string; province_code: string; regency_code: string; time_zone: string }

function toBranch(row: BranchRow): Branch {
  return {
    code: row.code, name: row.name, provinceCode: row.province_code, regencyCode: row.regency_code,
    timeZone: row.time_zone as Branch['timeZone'],
  };
}

export function createBranchStore(db: DB) {
  const get = db.prepare<[string], BranchRow>('SELECT * FROM branches WHERE code = ?');
  const upsert = db.prepare(`INSERT INTO branches (code, name, province_code, regency_code, time_zone)
    VALUES (@code, @name, @provinceCode, @regencyCode, @timeZone)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, province_code = excluded.province_code,
    regency_code = excluded.regency_code, time_zone = excluded.time_zone`);

  return {
    get(code: string): Branch | null {
      const row = get.get(code);
      return row ? toBranch(row) : null;
    },
    /** Creates or replaces a branch. */
    put(input: BranchInput): Branch {
      const timeZone = input.timeZone ?? zoneOfProvince(input.provinceCode);
      if (!timeZone) throw new HttpError('INVALID_INPUT', { fields: [{ path: 'provinceCode', key: 'err.choice' }] });
      const branch: Branch = { ...input, timeZone };
      upsert.run(branch);
      return branch;
    },
  };
}
export type BranchStore = ReturnType<typeof createBranchStore>;
