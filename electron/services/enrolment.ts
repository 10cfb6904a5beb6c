import { AppError } from '../../shared/errors';
import type { Settings } from '../../shared/settings';
import { createCentralClient, CentralError, CentralUnreachable } from './central/client';
import { fetchServerCertificate, NO_TLS, type CentralTls } from './central/tls';
import type { SettingsService } from './settings';
import type { Audit, AuditActor } from './audit';

/** Most clock difference with the server we accept: business dates depend on the clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface EnrolInput { url: string; code: string; branchCode: string; counterNumber: number }

const ENROL_ERRORS: Record<string, string> = {
  ENROL_CODE_UNKNOWN: 'enrol.codeUnknown',
  ENROL_CODE_USED: 'enrol.codeUsed',
  ENROL_CODE_EXPIRED: 'enrol.codeExpired',
  ENROL_BRANCH_MISMATCH: 'enrol.branchMismatch',
};

/**
 * Enrols this counter PC with the central server using a one-time code: stores the device
 * token (never shown again), the branch, its time zone and the counter id the server assigns.
 */
export async function enrolCounter(
  deps: { settings: SettingsService; audit: Audit; clock: () => Date },
  input: EnrolInput,
  actor: AuditActor,
): Promise<Settings> {
  // https: the certificate is pinned now (trust on first use; the technician compares its
  // fingerprint with head office's), or must be vouched for by the CA file they installed.
  const caFile = deps.settings.get().central.caFile;
  let tls: CentralTls = { ...NO_TLS, caFile };
  if (input.url.startsWith('https:')) {
    let cert;
    try {
      cert = await fetchServerCertificate(input.url, { caFile: caFile || undefined });
    } catch (e) {
      throw new AppError('UNAVAILABLE', 'enrol.unreachable', { detail: e instanceof Error ? e.message : String(e) }, [{ path: 'url', key: 'enrol.unreachable' }]);
    }
    if (caFile && !cert.trusted) throw new AppError('CONFLICT', 'enrol.certUntrusted', undefined, [{ path: 'url', key: 'enrol.certUntrusted' }]);
    if (!caFile) tls = { pin: cert.pin, caFile: '' };
  }
  const client = createCentralClient(() => ({ url: input.url, token: '', timeoutMs: 10_000, tls }));
  const started = deps.clock().getTime();
  let health;
  try {
    health = await client.call('health');
  } catch (e) {
    throw new AppError('UNAVAILABLE', 'enrol.unreachable', { detail: e instanceof Error ? e.message : String(e) }, [{ path: 'url', key: 'enrol.unreachable' }]);
  }
  const local = (started + deps.clock().getTime()) / 2;
  const skew = Math.abs(new Date(health.serverTime).getTime() - local);
  if (skew > MAX_CLOCK_SKEW_MS) {
    throw new AppError('CONFLICT', 'enrol.clockSkew', { minutes: Math.round(skew / 60_000) }, [{ path: 'url', key: 'enrol.clockSkew', params: { minutes: Math.round(skew / 60_000) } }]);
  }
  try {
    const res = await client.call('enrol', {
      body: { code: input.code, branchCode: input.branchCode, counterNumber: input.counterNumber, clientTime: deps.clock().toISOString() },
    });
    const next = deps.settings.update((cur) => ({
      ...cur,
      branch: {
        code: res.branch.code, name: res.branch.name, provinceCode: res.branch.provinceCode,
        regencyCode: res.branch.regencyCode.replace('.', ''), timeZone: res.branch.timeZone,
      },
      counter: { number: input.counterNumber, id: res.counterId },
      central: { ...cur.central, url: input.url, deviceId: res.deviceId, token: res.token, tlsPin: tls.pin },
      // Head office's public key, when it gives one: backups are then encrypted to it as well.
      backup: { ...cur.backup, headOfficeRecipient: res.backupRecipient ?? '' },
    }));
    deps.audit.record(actor, 'setup.enrol', res.counterId, { deviceId: res.deviceId, branch: res.branch.code, backupRecipient: res.backupRecipient ?? null, tlsPin: tls.pin || null });
    return next;
  } catch (e) {
    if (e instanceof CentralError && ENROL_ERRORS[e.code]) {
      const key = ENROL_ERRORS[e.code];
      throw new AppError('CONFLICT', key, undefined, [{ path: e.code === 'ENROL_BRANCH_MISMATCH' ? 'branchCode' : 'code', key }]);
    }
    if (e instanceof CentralUnreachable) throw new AppError('UNAVAILABLE', 'enrol.unreachable', undefined, [{ path: 'url', key: 'enrol.unreachable' }]);
    throw e;
  }
}
