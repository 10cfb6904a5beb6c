import type { Period, Standing } from '../../../shared/protocol/central';
import type { DB } from '../db';

// Standings of a period: per branch, the REGISTRATION entries received whose business date falls
// in the period, minus those a VOID reversed; ranked nationally and within the province.

interface Row {
  code: string; name: string; province_code: string; regency_code: string; n: number; target: number;
}

/** Competition ranking: equal counts share a rank, the next rank skips (1, 2, 2, 4). */
function rank<T>(items: T[], score: (t: T) => number): Map<T, number> {
  const sorted = [...items].sort((a, b) => score(b) - score(a));
  const out = new Map<T, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    out.set(item, i > 0 && score(prev) === score(item) ? out.get(prev)! : i + 1);
  });
  return out;
}

export function createStandings(db: DB) {
  const query = db.prepare<{ from: string; to: string; periodId: string; target: number }, Row>(`
    SELECT b.code, b.name, b.province_code, b.regency_code, COALESCE(c.n, 0) AS n, COALESCE(t.target, @target) AS target
    FROM branches b
    LEFT JOIN (
      SELECT e.branch_code, COUNT(*) AS n FROM entries e
      WHERE e.kind = 'REGISTRATION' AND e.business_date BETWEEN @from AND @to
        AND NOT EXISTS (SELECT 1 FROM entries v WHERE v.ref_entry_id = e.id AND v.kind = 'VOID')
      GROUP BY e.branch_code
    ) c ON c.branch_code = b.code
    LEFT JOIN branch_targets t ON t.period_id = @periodId AND t.branch_code = b.code`);

  return {
    of(period: Period): Standing[] {
      const rows = query.all({ from: period.from, to: period.to, periodId: period.id, target: period.target });
      const national = rank(rows, (r) => r.n);
      const byProvince = new Map<string, Row[]>();
      for (const r of rows) byProvince.set(r.province_code, [...(byProvince.get(r.province_code) ?? []), r]);
      const inProvince = new Map<Row, number>();
      for (const group of byProvince.values()) for (const [r, k] of rank(group, (x) => x.n)) inProvince.set(r, k);
      return rows
        .map((r) => ({
          branchCode: r.code, branchName: r.name, regionCode: r.regency_code, provinceCode: r.province_code,
          newParticipants: r.n, target: r.target, rankNational: national.get(r)!, rankInProvince: inProvince.get(r)!,
        }))
        .sort((a, b) => a.rankNational - b.rankNational || a.branchCode.localeCompare(b.branchCode));
    },
  };
}
