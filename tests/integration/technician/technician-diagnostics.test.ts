import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLoketHost } from '../../../electron/host';
import { createRouter } from '../../../electron/router/router';
import { procedure } from '../../../shared/contract/define';
import { empty, ok } from '../../../shared/contract/common';
import { rotateLogs } from '../../../electron/services/log';
import { maskRecord } from '../../../electron/services/diagnostics/export-logs';
import { testClock, testHost, signInAs } from '../../support/host';
import { tempDir } from '../../support/tmp';
import { caller, count, err, out, recordEntry } from './technician-helpers';

// Diagnostics in one answer, logs exported with personal data masked, a corrupt settings file
// kept aside and reported, and a full disk that leaves nothing half-written.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

describe('diagnostics', () => {
  it('answers version, folder, disk, integrity, chain, outbox, printer and settings in one call', async () => {
    const h = await testHost({ clock: testClock() });
    stops.push(h.cleanup);
    const call = caller(h);
    const tech = await signInAs(h, 'teknisi', '999999');
    recordEntry(h);
    out(await call('ledger.verify', {}, tech));
    const d = out(await call('diagnostics.get', {}, tech));
    expect(d).toMatchObject({
      version: '0.1.0', dataDir: h.dir, settingsProblem: null,
      database: { integrity: ['ok'], integrityOk: true, entries: 1 },
      verification: { running: false, result: { ok: true, checked: 1 } },
      server: { url: '', enrolled: false, check: null },
      outbox: { waiting: 1, rejected: 0 },
      printer: { kind: 'none', status: 'none' },
    });
    expect(d.disk.totalBytes).toBeGreaterThan(0);
    expect(d.database.schemaVersion).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(d)).not.toMatch(/16800|amount/); // a technician never sees money
    const teller = await signInAs(h, 'siti', '111111');
    expect(err(await call('diagnostics.get', {}, teller)).code).toBe('FORBIDDEN');
  });

  it('exports the logs as one file with NIKs masked and secrets removed', async () => {
    const h = await testHost({ clock: testClock() });
    stops.push(h.cleanup);
    const call = caller(h);
    const tech = await signInAs(h, 'teknisi', '999999');
    mkdirSync(join(h.dir, 'logs'), { recursive: true });
    writeFileSync(join(h.dir, 'logs', 'loket.1.log'), `${JSON.stringify({ level: 30, msg: 'older', nik: '3518011701900001' })}\n`);
    writeFileSync(join(h.dir, 'logs', 'loket.log'), [
      JSON.stringify({ level: 30, msg: 'lookup 3518011701900002 done', participant: { nik: '3518011701900003', phone: '081234567890' } }),
      JSON.stringify({ level: 40, msg: 'sign-in', pin: '123456', token: 'abcdef0123456789abcdef', nested: { authorization: 'Bearer xyz' } }),
      'not json 3518011701900004',
    ].join('\n'));
    const r = out(await call('diagnostics.exportLogs', {}, tech));
    expect(r.path).toBe(join(h.dir, 'exports', r.fileName));
    const text = readFileSync(r.path, 'utf8');
    expect(Buffer.from(r.base64, 'base64').toString('utf8')).toBe(text);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'loket-log-export', files: ['loket.1.log', 'loket.log'] });
    expect(lines.map((l) => l.msg ?? l.raw)).toEqual([undefined, 'older', 'lookup 3518**********02 done', 'sign-in', 'not json 3518**********04']);
    expect(text).not.toMatch(/351801170190000\d/);
    expect(text).not.toContain('123456');
    expect(text).not.toContain('abcdef0123456789');
    expect(text).not.toContain('xyz');
    expect(text).toContain('0812****90');
    expect(maskRecord({ kpj: '12345678901', amount: 16800 })).toEqual({ kpj: '12345678901', amount: 16800 });
  });

  it('rotates a log by size at start-up, keeping a few', () => {
    const { dir, cleanup } = tempDir();
    stops.push(cleanup);
    writeFileSync(join(dir, 'loket.log'), 'x'.repeat(200));
    expect(rotateLogs(dir, { maxBytes: 1000 })).toBe(false);
    for (let i = 0; i < 4; i++) {
      writeFileSync(join(dir, 'loket.log'), `run ${i} `.padEnd(2000, 'y'));
      expect(rotateLogs(dir, { maxBytes: 1000, keep: 2 })).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['loket.1.log', 'loket.2.log']);
    expect(readFileSync(join(dir, 'loket.1.log'), 'utf8')).toMatch(/^run 3/);
    expect(readFileSync(join(dir, 'loket.2.log'), 'utf8')).toMatch(/^run 2/);
  });

  it('keeps a corrupt settings file aside and reports it, never overwriting it', async () => {
    const { dir, cleanup } = tempDir();
    stops.push(cleanup);
    writeFileSync(join(dir, 'settings.json'), '{"language": "id", "printer": {"kind": "laser"');
    const host = createLoketHost({ dataDir: dir, clock: testClock().fn, logToStderr: true });
    stops.push(() => host.close());
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]), 'utf8')).toBe('{"language": "id", "printer": {"kind": "laser"');
    const info = out(await host.router.call({ procedure: 'app.info', input: {} }, 'direct'));
    expect(info.settingsProblem).toContain(aside[0]);
    expect(info.setupNeeded).toBe(true);
    expect(existsSync(join(dir, 'settings.json'))).toBe(true); // fresh defaults beside the kept file
  });
});

describe('disk full', () => {
  it('a write that hits SQLITE_FULL says the disk is full and leaves nothing half-written', async () => {
    const h = await testHost({ clock: testClock() });
    stops.push(h.cleanup);
    const db = h.services.db;
    recordEntry(h);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = (db.pragma('page_count', { simple: true }) as number);
    db.pragma(`max_page_count = ${pages + 3}`);
    const user = h.services.auth.listUsers().find((u) => u.username === 'siti')!;
    const big = () => h.services.ledger.record(
      { kind: 'CONTRIBUTION', userId: user.id, amount: 16800, payload: { note: 'x'.repeat(6000) } },
      { actor: { userId: user.id, username: 'siti' }, action: 'payment.create' },
    );
    // A tiny router over the real ledger: the error it gives the UI.
    const router = createRouter({ 'test.record': procedure({ access: 'public', input: empty, output: ok }) }, {
      'test.record': () => { big(); return { ok: true as const }; },
    }, { resolveSession: () => null, touchSession: () => undefined, log: () => undefined });
    let result = null;
    for (let i = 0; i < 50; i++) {
      const before = { entries: count(h, 'ledger_entries'), outbox: count(h, 'outbox'), audit: count(h, 'audit_log') };
      const r = await router.call({ procedure: 'test.record', input: {} }, 'direct');
      if (!r.ok) {
        result = r;
        expect({ entries: count(h, 'ledger_entries'), outbox: count(h, 'outbox'), audit: count(h, 'audit_log') }).toEqual(before);
        break;
      }
    }
    expect(result).not.toBeNull();
    expect(err(result!)).toMatchObject({ code: 'UNAVAILABLE', key: 'err.diskFull' });
    expect(err(result!).message).toMatch(/Disk penuh/);
    // The chain is whole and the ledger takes entries again once there is room.
    db.pragma('max_page_count = 1073741823');
    const e = recordEntry(h);
    expect(e.seq).toBe(count(h, 'ledger_entries'));
    expect((await h.services.verifyLedger()).ok).toBe(true);
  });
});
