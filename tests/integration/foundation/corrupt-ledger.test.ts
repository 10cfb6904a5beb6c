import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLoketHost } from '../../../electron/host';
import { LedgerFileError } from '../../../electron/services/db/open';
import { tempDir } from '../../support/tmp';

let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

describe('a damaged ledger file', () => {
  it('is reported with what to do, and left exactly as it was', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const file = join(t.dir, 'ledger.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4096, 0xab)]));
    const before = readFileSync(file);
    let error: unknown;
    try { createLoketHost({ dataDir: t.dir, logToStderr: true }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(LedgerFileError);
    expect((error as Error).message).toMatch(/pulihkan cadangan/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
