import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import type { HistoryFilter } from '../../../shared/contract/history';
import type { Lang } from '../../../shared/dates';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { SettingsService } from '../settings';
import type { AuthService } from '../auth/auth-service';
import type { Audit } from '../audit';
import type { PaymentService, Actor } from '../payment/payment-service';
import type { PrintingService } from '../printing/service';
import { createHistoryQuery, toHistoryRow } from './history-query';
import { historyCsv } from './csv';

// Riwayat: the ledger listed, one entry opened (with its receipt and whether it may still be
// voided), and the filtered list exported as CSV.

export interface HistoryDeps {
  db: Db; ledger: Ledger; settings: SettingsService; auth: AuthService; audit: Audit;
  payment: PaymentService; printing: PrintingService;
}

// Breakdown and payload are JSON the services wrote; read back defensively all the same.
const contributionBreakdown = z.object({
  programs: z.array(z.object({ code: z.string(), full: z.number().int() })).default([]),
  reductions: z.array(z.object({ regulation: z.string(), amount: z.number().int() })).default([]),
}).partial();
const payloadSchema = z.object({
  months: z.array(z.string()).optional(),
  cashTendered: z.number().int().optional(),
  change: z.number().int().optional(),
  reason: z.string().optional(),
  approvedBy: z.object({ displayName: z.string() }).partial().optional(),
}).loose();

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (!text) return null;
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function createHistoryService(deps: HistoryDeps) {
  const query = createHistoryQuery(deps.db);
  const translators = new Map<Lang, (key: string) => string>();
  const tr = (lang: Lang) => {
    let t = translators.get(lang);
    if (!t) {
      const i18n = createI18n(lang);
      t = (key: string) => i18n.t(key);
      translators.set(lang, t);
    }
    return t;
  };

  return {
    list(filter: HistoryFilter, page: number, pageSize: number) {
      const r = query.page(filter, page, pageSize);
      return {
        rows: r.rows.map(toHistoryRow),
        total: r.total,
        totalAmount: r.totalAmount,
        page,
        pageSize,
        users: deps.auth.listUsers().filter((u) => u.role !== 'technician').map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })),
        today: deps.ledger.today(),
      };
    },

    get(id: string) {
      const raw = query.byId(id);
      const entry = raw ? deps.ledger.byId(id) : null;
      if (!raw || !entry) throw new AppError('NOT_FOUND', 'err.history.notFound');
      const payload = parseJson(payloadSchema, raw.payload);
      const breakdown = raw.kind === 'CONTRIBUTION' ? parseJson(contributionBreakdown, raw.breakdown) : null;
      const stored = deps.payment.storedReceipt(id);
      const job = deps.printing.latestJob(id);
      const voidBlockedKey = deps.payment.voidBlocked(entry);
      return {
        row: toHistoryRow(raw),
        monthList: payload?.months ?? [],
        programs: (breakdown?.programs ?? []).map((p) => ({ code: p.code, amount: p.full })),
        reductions: breakdown?.reductions ?? [],
        cashTendered: payload?.cashTendered ?? null,
        change: payload?.change ?? null,
        reason: payload?.reason ?? null,
        approvedBy: payload?.approvedBy?.displayName ?? null,
        receipt: stored?.doc ?? job?.doc ?? null,
        cpl: deps.printing.cpl(),
        print: deps.payment.printStatus(id),
        canVoid: voidBlockedKey === null,
        voidBlockedKey,
        canReprint: Boolean(stored || job),
      };
    },

    /** The filtered list as CSV text; writing the export is audited (it carries personal data). */
    exportCsv(filter: HistoryFilter, actor: Actor) {
      const rows = query.all(filter).map(toHistoryRow);
      const st = deps.settings.get();
      const csv = historyCsv(rows, tr(st.language), st.branch.timeZone);
      const today = deps.ledger.today().replaceAll('-', '');
      const filename = `riwayat-${st.branch.code || 'loket'}-${String(st.counter.number).padStart(2, '0')}-${today}.csv`;
      deps.audit.record({ userId: actor.userId, username: actor.username }, 'history.exportCsv', filename, { filter, rows: rows.length });
      return { filename, csv, rows: rows.length };
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;
