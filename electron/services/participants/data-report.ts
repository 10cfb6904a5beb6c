import { AppError } from '../../../shared/errors';
import { occupations } from '../../../shared/domain/occupations';
import { dataReportSlip } from '../../../shared/receipts/builders-data-report';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { PrintingService } from '../printing/service';
import type { SettingsService } from '../settings';
import { createPersonalDataStore } from './personal-data';
import { isErased } from './correction';
import { programsOf, type ParticipantRepo } from './repo';

// "What we hold on you" (issue 16 item 6): the summary a teller prints at the worker's request,
// built from what this counter holds (the participants row, the versions of the data, the
// entries that used it). Printing it is audited: it is a disclosure of personal data.

export function createDataReport(deps: {
  db: Db; participants: ParticipantRepo; settings: SettingsService; printing: PrintingService; audit: Audit; clock: () => Date;
}) {
  const { db, participants } = deps;
  const store = createPersonalDataStore(db);
  const payments = db.prepare(`SELECT COUNT(*) FROM ledger_entries e WHERE e.participant_id = ? AND e.kind = 'CONTRIBUTION'
    AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.kind = 'VOID' AND v.ref_entry_id = e.id)`).pluck();
  const months = db.prepare('SELECT MIN(month) AS "from", MAX(month) AS "to" FROM participant_months WHERE participant_id = ? AND voided_by IS NULL');
  const claims = db.prepare('SELECT COUNT(*) FROM claims WHERE participant_id = ?').pluck();
  const registeredAt = db.prepare('SELECT created_at FROM ledger_entries WHERE id = ?').pluck();

  function build(id: string): ReceiptDoc {
    const row = participants.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'err.registration.notFound');
    if (isErased(row)) throw new AppError('CONFLICT', 'err.correction.erased');
    const st = deps.settings.get();
    const versions: { version: number; at: string; kind: 'registered' | 'corrected' | 'legacy' }[] = store.versions(id)
      .map((v) => ({ version: v.version, at: v.created_at, kind: v.version === 1 ? 'registered' as const : 'corrected' as const }));
    // Registered before personal data left the chain: version 1 is the registration entry itself.
    if (!versions.some((v) => v.version === 1) && row.registration_entry_id) {
      versions.unshift({ version: 1, at: (registeredAt.get(row.registration_entry_id) as string | undefined) ?? row.registered_at, kind: 'legacy' });
    }
    const m = months.get(id) as { from: string | null; to: string | null };
    return dataReportSlip({
      branchName: `${st.branch.name} ${st.branch.code}`.trim(), at: deps.clock(), zone: st.branch.timeZone,
      name: row.name, nik: row.nik, kpj: row.kpj, birthPlace: row.birth_place, birthDate: row.birth_date, sex: row.sex,
      phone: row.phone, address: row.address, hasMotherName: Boolean(row.mother_name),
      occupation: row.occupation_code ? occupations.label(row.occupation_code, st.language) ?? row.occupation_code : null,
      programs: programsOf(row), versions,
      payments: payments.get(id) as number, months: m.from && m.to ? { from: m.from, to: m.to } : null, claims: claims.get(id) as number,
    }, { lang: st.language });
  }

  return {
    /** The summary as a receipt, to preview. */
    preview(id: string) {
      return { receipt: build(id), cpl: deps.printing.cpl() };
    },
    /** Printed for the worker: an audited disclosure. The slip is saved whatever the printer does. */
    async print(id: string, actor: AuditActor) {
      const doc = build(id);
      db.transaction(() => deps.audit.record(actor, 'participants.dataReport', id))();
      const outcome = await deps.printing.print('dataReport', id, doc);
      return outcome.ok ? { ok: true, jobId: outcome.job.id, errorKey: null } : { ok: false, jobId: outcome.job?.id ?? null, errorKey: outcome.error.key };
    },
  };
}
export type DataReport = ReturnType<typeof createDataReport>;
