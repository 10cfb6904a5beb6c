import {
  batchRequestSchema, closingRequestSchema, daySummaryQuerySchema, enrolRequestSchema, participantQuerySchema,
  standingsQuerySchema, targetsQuerySchema,
} from '../../../shared/protocol/central';
import { CENTRAL_ENDPOINTS as EP } from '../../../shared/protocol/endpoints';
import type { Device, Route } from '../context';
import type { CentralCore } from '../core';
import { HttpError, validate } from '../http';

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
        const { entries } = validate(batchRequestSchema, body);
        return { body: { results: core.ingest.ingest(entries, device(d)) } };
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
      handle: ({ query, device: d }) => ({ body: core.closings.daySummary(device(d), validate(daySummaryQuerySchema, query)) }),
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
