import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EnrolRequest, EnrolResponse } from '../../../shared/protocol/central';
import type { Device } from '../context';
import type { DB } from '../db';
import { HttpError } from '../http';
import type { BranchStore } from './branches';

// One-time enrolment codes and device tokens. The server keeps only a token's SHA-256, so a copy
// of its database does not let anyone push as a counter.

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
export const DEFAULT_CODE_TTL_SECONDS = 24 * 60 * 60;

/** `abcd-efgh ` → `ABCDEFGH`: what the technician types is compared without case, spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function randomCode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % 32];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** `40000-01`: stable per branch and counter number, so a re-enrolled PC continues its counter. */
export function counterIdOf(branchCode: string, counterNumber: number): string {
  return `${branchCode}-${String(counterNumber).padStart(2, '0')}`;
}

export interface EnrolCodeInput { branchCode: string; code?: string; expiresAt?: string; ttlSeconds?: number }
export interface EnrolCode { code: string; branchCode: string; expiresAt: string }

interface CodeRow { code: string; branch_code: string; expires_at: string; used_at: string | null }
interface DeviceRow { device_id: string; branch_code: string; counter_id: string; counter_number: number }

/** `backupRecipient`: head office's age public key, handed to every counter that enrols (optional). */
export function createEnrolment(db: DB, branches: BranchStore, now: () => Date, opts: { backupRecipient?: string } = {}) {
  const s = {
    insertCode: db.prepare('INSERT INTO enrol_codes (code, branch_code, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    getCode: db.prepare<[string], CodeRow>('SELECT code, branch_code, expires_at, used_at FROM enrol_codes WHERE code = ?'),
    useCode: db.prepare('UPDATE enrol_codes SET used_at = ?, device_id = ? WHERE code = ? AND used_at IS NULL'),
    revokeCounter: db.prepare('UPDATE devices SET revoked_at = ? WHERE counter_id = ? AND revoked_at IS NULL'),
    insertDevice: db.prepare(`INSERT INTO devices (device_id, token_hash, branch_code, counter_number, counter_id,
      enrolled_at, client_time) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    byToken: db.prepare<[string], DeviceRow>(`SELECT device_id, branch_code, counter_id, counter_number FROM devices
      WHERE token_hash = ? AND revoked_at IS NULL`),
  };

  function createCode(input: EnrolCodeInput): EnrolCode {
    if (!branches.get(input.branchCode)) throw new HttpError('NOT_FOUND', { branchCode: input.branchCode });
    const at = now();
    const expiresAt = input.expiresAt
      ?? new Date(at.getTime() + (input.ttlSeconds ?? DEFAULT_CODE_TTL_SECONDS) * 1000).toISOString();
    const code = input.code ?? randomCode();
    const key = normaliseCode(code);
    if (s.getCode.get(key)) throw new HttpError('CONFLICT', { code });
    s.insertCode.run(key, input.branchCode, at.toISOString(), expiresAt);
    return { code, branchCode: input.branchCode, expiresAt };
  }

  // Checked in this order so the technician hears the most useful reason first.
  const enrol = db.transaction((req: EnrolRequest): EnrolResponse => {
    const row = s.getCode.get(normaliseCode(req.code));
    if (!row) throw new HttpError('ENROL_CODE_UNKNOWN');
    if (row.used_at !== null) throw new HttpError('ENROL_CODE_USED');
    const at = now();
    if (Date.parse(row.expires_at) <= at.getTime()) throw new HttpError('ENROL_CODE_EXPIRED');
    if (row.branch_code !== req.branchCode) throw new HttpError('ENROL_BRANCH_MISMATCH');
    const branch = branches.get(row.branch_code);
    if (!branch) throw new HttpError('ENROL_CODE_UNKNOWN');

    const deviceId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    const counterId = counterIdOf(branch.code, req.counterNumber);
    const iso = at.toISOString();
    // One live device per counter: enrolling a replacement PC retires the old token.
    s.revokeCounter.run(iso, counterId);
    s.insertDevice.run(deviceId, tokenHash(token), branch.code, req.counterNumber, counterId, iso, req.clientTime);
    s.useCode.run(iso, deviceId, row.code);
    return { deviceId, token, branch, counterId, serverTime: iso, ...(opts.backupRecipient ? { backupRecipient: opts.backupRecipient } : {}) };
  });

  function authenticate(token: string | null): Device | null {
    if (!token) return null;
    const row = s.byToken.get(tokenHash(token));
    return row
      ? { deviceId: row.device_id, branchCode: row.branch_code, counterId: row.counter_id, counterNumber: row.counter_number }
      : null;
  }

  return { createCode, enrol: (req: EnrolRequest) => enrol(req), authenticate };
}
export type Enrolment = ReturnType<typeof createEnrolment>;
