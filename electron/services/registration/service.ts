import { newUlid as ulid } from '../ids';
import type { ExistingParticipant, NikCheck, ParticipantView, Quote, SearchResult, CentralState } from '../../../shared/contract/registration';
import { occupations } from '../../../shared/domain/occupations';
import { parseNik, maskNik } from '../../../shared/domain/nik';
import { AppError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/dates';
import { PERSONAL_ENTRY_VERSION, personalDataSchema, type RegistrationPayloadV2 } from '../../../shared/protocol/personal-data';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import { programsOf, type ParticipantRepo, type ParticipantRow } from '../participants/repo';
import { commitTo, createPersonalDataStore, newSalt } from '../participants/personal-data';
import { isErased } from '../participants/correction';
import type { PrintingService } from '../printing/service';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { SettingsService } from '../settings';
import type { AuditActor, Audit } from '../audit';
import { loadRegions } from '../regions';
import { createReceiptNumbers } from '../payment/receipt-no';
import { createCentralLookup, type CentralLookupFn } from './central-lookup';
import { bandsOf, quoteMonth, type QuoteInput } from './quote';
import { registrationReceiptDoc } from './receipt';
import { createParticipantSearch } from './search';
import { validateRegistration } from './validate';
import { participantView } from './view';
import { existingFromCentral, existingFromRow, rowFromCentral } from './existing';

export interface Teller extends AuditActor { userId: string; username: string; displayName: string }

export interface RegistrationDeps {
  db: Db; settings: SettingsService; ledger: Ledger; participants: ParticipantRepo; audit: Audit;
  clock: () => Date; printing: PrintingService;
  /** Tests may pass their own; by default a short-timeout client over settings.central. */
  centralLookup?: CentralLookupFn;
}

export type PrintResult = { ok: boolean; jobId: string | null; errorKey: string | null };

/**
 * Registration of a BPU worker and the participant look-ups around it. A registration is one
 * ledger.record transaction (REGISTRATION entry of amount 0, its outbox row, the participants
 * row, the audit row); its receipt is queued and printed after the commit.
 */
export function createRegistrationService(deps: RegistrationDeps) {
  const { db, settings, ledger, participants, audit } = deps;
  const lookupCentral = deps.centralLookup ?? createCentralLookup(settings);
  const search = createParticipantSearch(db);
  const numbers = createReceiptNumbers(db);
  const personalData = createPersonalDataStore(db);
  const today = () => ledger.today();

  function conflict(existing: ExistingParticipant): AppError {
    const key = existing.foundAt === 'local' ? 'err.registration.duplicateLocal' : 'err.registration.duplicateCentral';
    // The date as the teller reads it (branch zone); the instant too, for the UI to use as it likes.
    const params = {
      participantId: existing.participantId, name: existing.name, kpj: existing.kpj ?? '-',
      branch: existing.branchName ?? existing.branchCode ?? '-',
      registeredAt: formatDateTime(existing.registeredAt, settings.get().branch.timeZone), registeredAtIso: existing.registeredAt,
    };
    return new AppError('CONFLICT', key, params, [{ path: 'nik', key, params }]);
  }

  /** The slip of a registration, as its entry and participant row say. */
  function slipOf(row: ParticipantRow, entry: LedgerEntryRow, teller: string) {
    const quote = quoteMonth({ incomeBand: row.income_band ?? 1, jht: programsOf(row).includes('JHT'), occupationCode: row.occupation_code ?? undefined }, entry.business_date.slice(0, 7));
    return registrationReceiptDoc({ row, entry, quote, settings: settings.get(), teller });
  }

  function resultOf(outcome: Awaited<ReturnType<PrintingService['printNow']>>): PrintResult {
    return outcome.ok
      ? { ok: true, jobId: outcome.job.id, errorKey: null }
      : { ok: false, jobId: outcome.job?.id ?? null, errorKey: outcome.error.key };
  }

  async function printRegistration(row: ParticipantRow, teller: string, copy: boolean): Promise<PrintResult> {
    try {
      const entry = row.registration_entry_id ? ledger.byId(row.registration_entry_id) : null;
      if (!entry) throw new AppError('NOT_FOUND', 'err.registration.noReceipt');
      const doc = slipOf(row, entry, teller);
      // A copy repeats what was printed then (SALINAN) and drops an original still waiting in the queue.
      const outcome = copy
        ? await deps.printing.reprint(row.id, { kind: 'registration', doc })
        : await deps.printing.print('registration', row.id, doc);
      return resultOf(outcome);
    } catch (e) {
      // The registration is saved whatever happens here.
      return { ok: false, jobId: null, errorKey: e instanceof AppError ? e.key : 'printing.err.io' };
    }
  }

  return {
    async checkNik(input: { nik: string; birthDate?: string }): Promise<NikCheck> {
      const regions = await loadRegions();
      const r = parseNik(input.nik, { regions, today: today(), typedBirthDate: input.birthDate });
      const nik = input.nik.replace(/[\s-]/g, '');
      if (!r.ok) return { nik, ok: false, errors: r.errors, warnings: [], facts: null, existing: null, central: 'notAsked' };
      const facts = {
        provinceCode: r.provinceCode, provinceName: regions.province(r.provinceCode)?.name ?? null,
        regencyCode: r.regencyCode, regencyName: regions.regency(r.regencyCode)?.name ?? null,
        districtCode: r.districtCode, districtName: regions.district(r.districtCode)?.name ?? null,
        birthDate: r.birthDate, sex: r.sex, centuryGuessed: r.centuryGuessed,
      };
      const local = participants.byNik(r.nik);
      if (local) return { nik, ok: true, errors: [], warnings: r.warnings, facts, existing: existingFromRow(local), central: 'notAsked' };
      const found = await lookupCentral({ nik: r.nik });
      return {
        nik, ok: true, errors: [], warnings: r.warnings, facts,
        existing: found.participant ? existingFromCentral(found.participant) : null, central: found.state,
      };
    },

    quote(input: QuoteInput): Quote {
      return quoteMonth(input, today().slice(0, 7));
    },

    bands() {
      const month = today().slice(0, 7);
      return { month, bands: bandsOf(month) };
    },

    async create(input: unknown, teller: Teller) {
      const v = validateRegistration(input, { regions: await loadRegions(), today: today() });
      const local = participants.byNik(v.nik.nik);
      if (local) throw conflict(existingFromRow(local));
      const atCentral = await lookupCentral({ nik: v.nik.nik });
      if (atCentral.participant) throw conflict(existingFromCentral(atCentral.participant));

      const st = settings.get();
      const f = v.form;
      const id = ulid();
      const programs = v.quote.programs.map((p) => p.code);
      const transport = occupations.isTransport(f.occupationCode);
      // The chain keeps what the rates depend on; the personal data goes to personal_data, and the
      // entry carries only a commitment to it (issue 16: nothing personal in the immutable chain).
      const personal = personalDataSchema.parse({
        nik: v.nik.nik, name: f.name, birthDate: f.birthDate, birthPlace: f.birthPlace ?? null, sex: f.sex ?? null,
        phone: v.phoneE164 ?? null, address: f.address ?? null, motherName: f.motherName ?? null, regionCode: f.villageCode ?? null,
      });
      const salt = newSalt();
      const payload: RegistrationPayloadV2 = {
        v: PERSONAL_ENTRY_VERSION,
        participant: { id, occupationCode: f.occupationCode, transport, incomeBand: v.quote.band.no, programs },
        personal: { commitment: commitTo(salt, personal), version: 1 },
      };
      const businessDate = today();
      const { entry, extra: { row, jobId } } = db.transaction(() => {
        // Checked again inside the write lock: another session may have registered the NIK meanwhile.
        const raced = participants.byNik(v.nik.nik);
        if (raced) throw conflict(existingFromRow(raced));
        // The slip's number comes from the same gapless daily sequence as payment receipts.
        const receiptNo = numbers.next({ branchCode: st.branch.code, counterNumber: st.counter.number, counterId: st.counter.id, businessDate });
        return ledger.record(
          { kind: 'REGISTRATION', userId: teller.userId, participantId: id, amount: 0, receiptNo, payload, businessDate,
            breakdown: { month: v.quote.month, band: v.quote.band.no, dpp: v.quote.band.dpp, programs: v.quote.programs } },
          { actor: teller, action: 'registration.create', target: id, detail: { nik: maskNik(v.nik.nik), receiptNo } },
          (e) => {
            const r: ParticipantRow = {
              id, nik: v.nik.nik, kpj: null, name: f.name, birth_place: f.birthPlace, birth_date: f.birthDate, sex: f.sex,
              mother_name: f.motherName, phone: v.phoneE164, address: f.address, village_code: f.villageCode,
              district_code: f.districtCode, regency_code: f.regencyCode, province_code: f.provinceCode,
              occupation_code: f.occupationCode, transport: transport ? 1 : 0, income_band: v.quote.band.no,
              declared_income: f.declaredIncome ?? null, programs: JSON.stringify(programs), origin: 'local',
              registered_branch_code: st.branch.code, registered_branch_name: st.branch.name || null,
              registered_at: e.created_at, registration_entry_id: e.id, updated_at: e.created_at,
            };
            participants.insert(r);
            personalData.insert(id, 1, e.id, salt, personal, e.created_at);
            // The slip is queued in the same transaction (one disk flush, not two), printed after it.
            return { row: r, jobId: deps.printing.enqueue('registration', id, slipOf(r, e, teller.displayName)).id };
          },
        );
      }).immediate();
      // The registration is saved whatever the printer does. Without a printer nothing is tried
      // (it would only fail, and write that down): the slip waits in the queue.
      const print: PrintResult = settings.get().printer.kind === 'none'
        ? { ok: false, jobId, errorKey: 'printing.err.notConfigured' }
        : await deps.printing.printNow(jobId).then(resultOf, (): PrintResult => ({ ok: false, jobId, errorKey: 'printing.err.io' }));
      return { participant: participantView(row), entryId: entry.id, reference: entry.receipt_no ?? entry.id, quote: v.quote, notes: v.notes, print };
    },

    /** Prints the registration slip: the first time as the original, afterwards as a copy (SALINAN). */
    async print(participantId: string, teller: Teller): Promise<PrintResult> {
      const row = participants.byId(participantId);
      if (!row) throw new AppError('NOT_FOUND', 'err.registration.notFound');
      if (row.origin !== 'local' || !row.registration_entry_id) throw new AppError('NOT_FOUND', 'err.registration.noReceipt');
      const copy = deps.printing.queue.jobsFor(row.id).length > 0;
      db.transaction(() => audit.record(teller, copy ? 'registration.reprint' : 'registration.print', row.id))();
      return printRegistration(row, teller.displayName, copy);
    },

    get(id: string): ParticipantView {
      const row = participants.byId(id);
      if (!row) throw new AppError('NOT_FOUND', 'err.registration.notFound');
      return participantView(row);
    },

    /** Local first; a full NIK or KPJ found nowhere here is asked at central (not stored until adopted). */
    async search(query: string, limit: number) {
      // A participant whose data was erased by BPJS's order is found no more.
      const hits = search.search(query, limit).filter((h) => !isErased(h.row));
      // Object.assign, not a spread: a spread copy of this many fields is a slow-mode object that
      // makes every young-generation GC pause ten times longer (the search's p99, measured).
      const results: SearchResult[] = hits.map((h) => Object.assign(participantView(h.row), { source: 'local' as const, match: h.match }));
      const compact = query.replace(/[\s.-]/g, '');
      const exact = /^\d{16}$/.test(compact) ? { nik: compact } : /^\d{11}$/.test(compact) ? { kpj: compact } : null;
      const exactHit = exact && hits.some((h) => ('nik' in exact ? h.row.nik === exact.nik : h.row.kpj === exact.kpj));
      if (!exact || exactHit) return { results, central: 'notAsked' as CentralState };
      const found = await lookupCentral(exact);
      if (found.participant) {
        const row = rowFromCentral(found.participant, deps.clock().toISOString());
        results.unshift(Object.assign(participantView(row), { source: 'central' as const, match: 'nik' in exact ? 'nik' as const : 'kpj' as const }));
      }
      return { results: results.slice(0, limit), central: found.state };
    },

    /** Stores a participant known only at central, so this counter can take their payments. */
    async adopt(query: { nik: string } | { kpj: string }, teller: Teller): Promise<ParticipantView> {
      const local = 'nik' in query ? participants.byNik(query.nik) : participants.byKpj(query.kpj);
      if (local) return participantView(local);
      const found = await lookupCentral(query);
      if (found.state !== 'online') throw new AppError('UNAVAILABLE', 'err.registration.centralOffline');
      if (!found.participant) throw new AppError('NOT_FOUND', 'err.registration.notFound');
      const row = rowFromCentral(found.participant, deps.clock().toISOString());
      db.transaction(() => {
        participants.insert(row);
        audit.record(teller, 'participants.adopt', row.id, { nik: maskNik(row.nik), kpj: row.kpj, branch: row.registered_branch_code });
      }).immediate();
      return participantView(row);
    },

    async regions(parent: string) {
      const regions = await loadRegions();
      const items = (list: { code: string; name: string }[]) => list.map((r) => ({ code: r.code, name: r.name }));
      switch (parent.length) {
        case 0: return { level: 'province' as const, items: items(regions.provinces()) };
        case 2: return { level: 'regency' as const, items: items(regions.regenciesOf(parent)) };
        case 4: return { level: 'district' as const, items: items(regions.districtsOf(parent)) };
        default: return { level: 'village' as const, items: items(regions.villagesOf(parent)) };
      }
    },

    occupations() {
      return { groups: occupations.groups.map((g) => ({ code: g.code, id: g.id, en: g.en, items: g.items.map((i) => ({ ...i })) })) };
    },
  };
}
export type RegistrationService = ReturnType<typeof createRegistrationService>;
