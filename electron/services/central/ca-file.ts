import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * A CA file path as the technician typed it, checked: '' (none), or a readable PEM file that
 * holds a CA certificate. Otherwise the message goes next to the field and nothing is saved.
 */
export function readableCaFile(path: string): string {
  const p = path.trim();
  if (!p) return '';
  try {
    const cert = new X509Certificate(readFileSync(p));
    if (!cert.ca) throw new Error('not a CA certificate');
    return p;
  } catch {
    throw new AppError('INVALID_INPUT', 'err.setup.caFile', undefined, [{ path: 'caFile', key: 'err.setup.caFile' }]);
  }
}
