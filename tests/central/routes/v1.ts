import {
  derivedBatchRequestSchema, fullBatchRequestSchema, closingRequestSchema, enrolRequestSchema, participantQuerySchema,
  standingsQuerySchema, targetsQuerySchema,
} from '../../../shared/protocol/central';
import { dayDigestQuerySchema, daySummaryRangeQuerySchema } from '../../../shared/protocol/day-digest';
import { CENTRAL_ENDPOINTS as EP } from '../../../shared/protocol/endpoints';
import type { Device, Route } from '../context';
import type { CentralCore } from '../core';
import { HttpError, validate } from '../http';
import { hashEntry } from '../../../electron/services/ledger/hash';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { EMPTY_COMMITMENT, type PersonalRecord } from '../../../shared/protocol/personal-data';
import { commitTo } from '../../../electron/services/participants/personal-data';

/** Entries whose payload left its commitment empty get the one their personal record gives (issue 16). */
function withCommitments<E extends { id: string; payload: string | null }>(entries: E[], personal: PersonalRecord[]): E[] {
  if (personal.length === 0) return entries;
  const byEntry = new Map(personal.map((p) => [p.entryId, p]));
  return entries.map((e) => {
    const rec = byEntry.get(e.id);
    if (!rec || !e.payload?.includes(EMPTY_COMMITMENT)) return e;
    return { ...e, payload: e.payload.replace(EMPTY_COMMITMENT, `"commitment":"${commitTo(rec.salt, rec.data)}"`) };
  });
}

/**
 * Whole rows of a derived-chain batch: the chain computed from the first entry's prev_hash. The
 * entries are the request's own, freshly parsed: completed where they are, not copied.
 */
function deriveChain(prevHash: string, entries: Omit<LedgerEntryRow, 'hash' | 'prev_hash'>[]): LedgerEntryRow[] {
  let prev = prevHash;
  const rows = entries as LedgerEntryRow[];
  for (const row of rows) {
    row.prev_hash = prev;
    row.hash = hashEntry(row);
    prev = row.hash;
  }
  return rows;
}

// The /v1 endpoints: each validates its input with the protocol schema and calls one store.
// Paths and auth come from the shared endpoint table so the double cannot drift from the contract.

const device = (d: Device | null): Device => {
  if (!d) throw new HttpError('UNAUTHENTICATED');
  return d;
};

export function v1Routes(core: CentralCore): Route[] {
  const { now } = core.ctx;
  return [
    {
      ...EP.health,
      handle: () => ({ body: { ok: true, serverTime: now().toISOString() } }),
    },
    {
      ...EP.enrol,
      handle: ({ body }) => ({ body: core.enrolment.enrol(validate(enrolRequestSchema, body)) }),
    },
    {
      ...EP.batch,
      handle: ({ body, device: d }) => {
        // Validated against the form it says it is, so a wrong field is named by its path.
        const derived = typeof body === 'object' && body !== null && 'chain' in body;
        if (!derived) {
          const full = validate(fullBatchRequestSchema, body);
          return { body: { results: core.ingest.ingest(full.entries, device(d), false, full.personal) } };
        }
        const request = validate(derivedBatchRequestSchema, body);
        // A derived chain: each entry's prev_hash is the hash computed for the one before it, and
        // an empty commitment is the one computed from the personal record beside the entry.
        const rows = deriveChain(request.prevHash, withCommitments(request.entries, request.personal ?? []));
        if (rows[rows.length - 1].hash !== request.lastHash) {
          // Some row is not what the counter hashed: store none of them.
          const message = 'Rantai batch tidak berakhir pada lastHash: ada baris yang berbeda dari yang di-hash loket.';
          return { body: { results: rows.map((r) => ({ id: r.id, status: 'rejected' as const, reason: 'HASH_MISMATCH' as const, message })) } };
        }
        return { body: { results: core.ingest.ingest(rows, device(d), false, request.personal, true) } };
      },
    },
    {
      ...EP.participant,
      handle: ({ query }) => {
        const found = core.participants.find(validate(participantQuerySchema, query));
        if (!found) throw new HttpError('NOT_FOUND');
        return { body: found };
      },
    },
    {
      ...EP.daySummary,
      handle: ({ query, device: d }) => ({ body: core.closings.daySummary(device(d), validate(daySummaryRangeQuerySchema, query)) }),
    },
    {
      ...EP.dayDigest,
      handle: ({ query, device: d }) => ({ body: core.closings.digest(device(d), validate(dayDigestQuerySchema, query)) }),
    },
    {
      ...EP.closing,
      handle: ({ body, device: d }) => ({ body: core.closings.receive(device(d), validate(closingRequestSchema, body)) }),
    },
    {
      ...EP.targets,
      handle: ({ query, device: d }) => {
        const branchCode = validate(targetsQuerySchema, query).branchCode ?? device(d).branchCode;
        if (!core.branches.get(branchCode)) throw new HttpError('NOT_FOUND', { branchCode });
        return { body: { periods: core.periods.forBranch(branchCode) } };
      },
    },
    {
      ...EP.standings,
      handle: ({ query }) => {
        const { periodId } = validate(standingsQuerySchema, query);
        const period = periodId ? core.periods.get(periodId) : core.periods.current();
        if (!period) throw new HttpError('NOT_FOUND', { periodId: periodId ?? null });
        return { body: { period, asOf: now().toISOString(), branches: core.standings.of(period) } };
      },
    },
  ];
}
