import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskNik } from '../../../shared/domain/nik';
import { logDirOf } from '../log';
import { logFiles } from './diagnostics';

// "Export logs": one JSON-lines file a technician can hand over. Secrets are removed and
// personal data masked here again, whatever a caller forgot to mask when it logged.

export const REDACTED = '[disembunyikan]';
const SECRET_KEY = /pin|token|session|authorization|secret|password|cookie/i;
const NIK = /(?<!\d)\d{16}(?!\d)/g;
const PHONE = /(?<!\d)(\+62|62|0)(8\d{2})\d{4,7}(\d{2})(?!\d)/g;
/** Newest logs first until this much; older ones are left out (and said so in the header). */
export const EXPORT_MAX_BYTES = 8 * 1024 * 1024;

export function maskText(s: string): string {
  return s.replace(NIK, (n) => maskNik(n)).replace(PHONE, (_m, cc: string, op: string, tail: string) => `${cc}${op}****${tail}`);
}

/** A copy of a log record with secrets removed and NIKs and phone numbers masked, at any depth. */
export function maskRecord(value: unknown, key = ''): unknown {
  if (key && SECRET_KEY.test(key) && value !== null && value !== undefined && typeof value !== 'boolean') return REDACTED;
  if (typeof value === 'string') return maskText(value);
  if (typeof value === 'number') return Number.isInteger(value) && String(value).length === 16 ? maskNik(String(value)) : value;
  if (Array.isArray(value)) return value.map((v) => maskRecord(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskRecord(v, k)]));
  }
  return value;
}

export interface LogExport { path: string; fileName: string; bytes: number; lines: number; content: Buffer }

export function exportLogs(opts: { dataDir: string; now: Date; header: Record<string, unknown>; maxBytes?: number }): LogExport {
  const dir = logDirOf(opts.dataDir);
  const maxBytes = opts.maxBytes ?? EXPORT_MAX_BYTES;
  // loket.log is the newest, then loket.1.log, loket.2.log …
  const files = logFiles(opts.dataDir).map((f) => f.name)
    .sort((a, b) => (a === 'loket.log' ? -1 : b === 'loket.log' ? 1 : Number(a.split('.')[1]) - Number(b.split('.')[1])));
  const included: string[] = [];
  const left: string[] = [];
  const chunks: string[][] = [];
  let size = 0;
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (size + text.length > maxBytes && included.length > 0) { left.push(name); continue; }
    size += text.length;
    included.push(name);
    chunks.push(text.split('\n').filter((l) => l.trim()).map((line) => {
      let rec: unknown;
      try { rec = JSON.parse(line); } catch { rec = { raw: line }; }
      const masked = maskRecord(rec) as Record<string, unknown>;
      return JSON.stringify({ file: name, ...masked });
    }));
  }
  const body = chunks.reverse().flat(); // oldest first, as they happened
  const header = JSON.stringify(maskRecord({
    type: 'loket-log-export', exportedAt: opts.now.toISOString(), files: [...included].reverse(), leftOut: left, ...opts.header,
  }));
  const content = Buffer.from(`${[header, ...body].join('\n')}\n`, 'utf8');
  const outDir = join(opts.dataDir, 'exports');
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const fileName = `loket-logs-${opts.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.jsonl`;
  const path = join(outDir, fileName);
  writeFileSync(path, content);
  return { path, fileName, bytes: content.length, lines: body.length + 1, content };
}
