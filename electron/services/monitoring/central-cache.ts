import { z } from 'zod';
import { standingsResponseSchema, targetsResponseSchema, type Period, type StandingsResponse } from '../../../shared/protocol/central';
import { CentralError, CentralUnreachable, centralConfigOf, createCentralClient } from '../central/client';
import type { Db } from '../db/open';
import type { SettingsService } from '../settings';

// Targets and standings from the central server, each answer kept in `monitoring_cache` with
// the time it arrived, so that offline the screen shows the last known ones and says of when.
// Cached bodies are validated again when read (a file on disk is a boundary too).

export type CentralState = 'online' | 'offline' | 'notEnrolled';

export interface Known<T> { value: T; fetchedAt: string; fresh: boolean }
export interface KnownStandings extends Known<StandingsResponse> { oursAtCentral: number | null }

const cachedRow = z.object({ body: z.string(), fetched_at: z.string(), ours_at_central: z.number().int().nullable() });

export function createMonitoringCentral(deps: {
  db: Db; settings: SettingsService; clock: () => Date;
  /** The monitoring screen must not hang on a dead network: short, like the teller's look-ups. */
  timeoutMs?: number;
}) {
  const { db, settings, clock } = deps;
  const client = createCentralClient(() => centralConfigOf(settings.get().central, deps.timeoutMs ?? 4000));
  const read = db.prepare('SELECT body, fetched_at, ours_at_central FROM monitoring_cache WHERE key = ? AND branch_code = ?');
  const write = db.prepare(`INSERT INTO monitoring_cache (key, branch_code, body, fetched_at, ours_at_central) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET branch_code = excluded.branch_code, body = excluded.body,
      fetched_at = excluded.fetched_at, ours_at_central = excluded.ours_at_central`);
  const branch = () => settings.get().branch.code;
  const configured = () => Boolean(settings.get().central.url && settings.get().central.token);

  function cached<T>(key: string, schema: z.ZodType<T>): (Known<T> & { oursAtCentral: number | null }) | null {
    const row = cachedRow.safeParse(read.get(key, branch()));
    if (!row.success) return null;
    let json: unknown;
    try { json = JSON.parse(row.data.body); } catch { return null; }
    const body = schema.safeParse(json);
    return body.success ? { value: body.data, fetchedAt: row.data.fetched_at, fresh: false, oursAtCentral: row.data.ours_at_central } : null;
  }

  /** Unreachable, timed out, or refused: monitoring goes on with what it knows. */
  const isOffline = (e: unknown) => e instanceof CentralUnreachable || e instanceof CentralError;

  return {
    /** Evaluation periods with this branch's targets: fresh when the server answers, else the last known. */
    async targets(): Promise<{ state: CentralState; known: Known<Period[]> | null }> {
      const last = () => {
        const c = cached('targets', targetsResponseSchema);
        return c ? { value: c.value.periods, fetchedAt: c.fetchedAt, fresh: false } : null;
      };
      if (!configured()) return { state: 'notEnrolled', known: last() };
      try {
        const body = await client.call('targets', { query: {} });
        const at = clock().toISOString();
        write.run('targets', branch(), JSON.stringify(body), at, null);
        return { state: 'online', known: { value: body.periods, fetchedAt: at, fresh: true } };
      } catch (e) {
        if (!isOffline(e)) throw e;
        return { state: 'offline', known: last() };
      }
    },

    /**
     * Standings of a period. `oursNow` counts this counter's registrations the server holds,
     * taken right after the answer arrives and kept with it.
     */
    async standings(periodId: string, online: boolean, oursNow: () => number): Promise<KnownStandings | null> {
      const key = `standings:${periodId}`;
      const last = () => cached(key, standingsResponseSchema);
      if (!online) return last();
      try {
        const body = await client.call('standings', { query: { periodId } });
        const ours = oursNow();
        const at = clock().toISOString();
        write.run(key, branch(), JSON.stringify(body), at, ours);
        return { value: body, fetchedAt: at, fresh: true, oursAtCentral: ours };
      } catch (e) {
        if (!isOffline(e)) throw e;
        return last();
      }
    },
  };
}
export type MonitoringCentral = ReturnType<typeof createMonitoringCentral>;
