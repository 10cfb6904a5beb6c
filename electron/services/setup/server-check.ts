import { performance } from 'node:perf_hooks';
import { createCentralClient, CentralError } from '../central/client';
import { MAX_CLOCK_SKEW_MS } from '../enrolment';
import type { ServerCheck } from '../../../shared/contract/setup';

/**
 * Asks a central server for its health: can we reach it, how long a round trip takes, and how
 * far its clock is from ours (business dates depend on our clock). Never throws: the answer
 * says what is wrong, with the same message keys enrolment uses.
 */
export async function checkServer(url: string, clock: () => Date, timeoutMs = 5000): Promise<ServerCheck> {
  const client = createCentralClient(() => ({ url, token: '', timeoutMs }));
  const startedLocal = clock().getTime();
  const t0 = performance.now();
  try {
    const health = await client.call('health');
    const latencyMs = Math.round(performance.now() - t0);
    // The server read its clock somewhere in the round trip: compare with our midpoint.
    const local = (startedLocal + clock().getTime()) / 2;
    const skewMs = Math.round(new Date(health.serverTime).getTime() - local);
    const skewOk = Math.abs(skewMs) <= MAX_CLOCK_SKEW_MS;
    const minutes = Math.round(Math.abs(skewMs) / 60_000);
    return {
      reachable: true, latencyMs, skewMs, serverTime: health.serverTime, skewOk,
      problemKey: skewOk ? null : 'enrol.clockSkew', problemParams: skewOk ? null : { minutes },
    };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // A server that answers with an error body is up but is not a Loket central server.
    const key = e instanceof CentralError ? 'wizard.notCentral' : 'enrol.unreachable';
    return { reachable: false, latencyMs: null, skewMs: null, serverTime: null, skewOk: false, problemKey: key, problemParams: { detail: detail.slice(0, 200) } };
  }
}
