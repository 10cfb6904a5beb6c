import { performance } from 'node:perf_hooks';
import { createCentralClient, CentralError } from '../central/client';
import { fetchServerCertificate, NO_TLS, type CentralTls, type ServerCertificate } from '../central/tls';
import { MAX_CLOCK_SKEW_MS } from '../enrolment';
import type { ServerCheck } from '../../../shared/contract/setup';

/**
 * Asks a central server for its health: can we reach it, how long a round trip takes, and how
 * far its clock is from ours (business dates depend on our clock). Never throws: the answer
 * says what is wrong, with the same message keys enrolment uses.
 */
export async function checkServer(url: string, clock: () => Date, timeoutMs = 5000, trust: CentralTls = NO_TLS): Promise<ServerCheck> {
  // https: the certificate the server presents, shown. Before enrolment it is trusted as
  // enrolment would pin it; once pinned (diagnostics), only the pinned one is.
  const caFile = trust.caFile;
  let cert: ServerCertificate | null = null;
  let tls: CentralTls = trust;
  if (url.startsWith('https:')) {
    try {
      cert = await fetchServerCertificate(url, { caFile: caFile || undefined, timeoutMs });
      if (!caFile && !trust.pin) tls = { pin: cert.pin, caFile: '' };
    } catch { /* the health call below says what is wrong */ }
  }
  const certificate = cert ? { fingerprint256: cert.fingerprint256, pin: cert.pin, subject: cert.subject, validTo: cert.validTo, trusted: cert.trusted } : null;
  if (cert && caFile && !cert.trusted) {
    return { reachable: false, latencyMs: null, skewMs: null, serverTime: null, skewOk: false, problemKey: 'enrol.certUntrusted', problemParams: null, certificate };
  }
  const client = createCentralClient(() => ({ url, token: '', timeoutMs, tls }));
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
      problemKey: skewOk ? null : 'enrol.clockSkew', problemParams: skewOk ? null : { minutes }, certificate,
    };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // A server that answers with an error body is up but is not a Loket central server.
    const key = e instanceof CentralError ? 'wizard.notCentral' : 'enrol.unreachable';
    return { reachable: false, latencyMs: null, skewMs: null, serverTime: null, skewOk: false, problemKey: key, problemParams: { detail: detail.slice(0, 200) }, certificate };
  }
}
