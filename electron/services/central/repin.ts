import { AppError } from '../../../shared/errors';
import type { Audit, AuditActor } from '../audit';
import type { Db } from '../db/open';
import type { SettingsService } from '../settings';
import { fetchServerCertificate } from './tls';

/**
 * Re-pinning the central server's key (Diagnostik), after head office changed it: the
 * technician compares the new certificate's fingerprint with head office's, then confirms the
 * key they saw. It is pinned only if the server still presents that very key (nobody swapped it
 * between the look and the click). Audited, with the old and the new pin.
 */
export async function repinCentral(deps: { db: Db; settings: SettingsService; audit: Audit }, seenPin: string, actor: AuditActor) {
  const central = deps.settings.get().central;
  if (!central.url.startsWith('https:')) throw new AppError('CONFLICT', 'tech.diag.repinNotHttps');
  if (central.caFile) throw new AppError('CONFLICT', 'tech.diag.repinCaFile');
  let presented;
  try {
    presented = await fetchServerCertificate(central.url, { timeoutMs: 10_000 });
  } catch (e) {
    throw new AppError('UNAVAILABLE', 'enrol.unreachable', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (presented.pin !== seenPin) throw new AppError('CONFLICT', 'tech.diag.repinChanged');
  deps.db.transaction(() => {
    deps.audit.record(actor, 'central.repin', central.url, { from: central.tlsPin || null, to: presented.pin, fingerprint: presented.fingerprint256 });
    deps.settings.update((cur) => ({ ...cur, central: { ...cur.central, tlsPin: presented.pin } }));
  })();
  return { pin: presented.pin, fingerprint256: presented.fingerprint256 };
}
