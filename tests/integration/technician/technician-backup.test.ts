import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, openSync, readdirSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLoketHost } from '../../../electron/host';
import { testClock, testHost, signInAs } from '../../support/host';
import { tempDir } from '../../support/tmp';
import { verifyChain } from '../../../electron/services/ledger/verify';
import { backupDue, nextBackupAt } from '../../../electron/services/backup/schedule';
import { decryptFile, encryptFile } from '../../../electron/services/backup/age-file';
import { audits, caller, count, err, out, recordEntry } from './technician-helpers';

// Online backup, verified and listed; restore only with the head's PIN, after verifying,
// keeping the current file aside and taking effect at the next start.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

async function setup() {
  const clock = testClock('2026-11-25T03:00:00.000Z');
  const h = await testHost({ clock });
  const usb = tempDir('loket-usb-');
  stops.push(usb.cleanup, h.cleanup);
  const call = caller(h);
  const tech = await signInAs(h, 'teknisi', '999999');
  // The branch's recovery key, made and confirmed as on the backup screen; the test keeps the secret.
  const key = out(await call('backup.newRecoveryKey', {}, tech));
  out(await call('backup.confirmRecoveryKey', { recipient: key.recipient }, tech));
  return { h, call, tech, usb: usb.dir, clock, key: key as { identity: string; recipient: string } };
}

const approval = { username: 'kepala', pin: '123456' };

describe('backup', () => {
  it('backs up online to the chosen folder, verifies it and lists it', async () => {
    const { h, call, tech, usb, key } = await setup();
    for (let i = 0; i < 5; i++) recordEntry(h);
    expect(err(await call('backup.now', {}, tech)).key).toBe('err.backup.dirMissing');
    expect(err(await call('backup.now', { dir: join(usb, 'not-plugged-in') }, tech)).key).toBe('err.backup.dirNotFound');
    out(await call('backup.saveSettings', { dir: usb, dailyAt: '18:30' }, tech));
    const item = out(await call('backup.now', {}, tech));
    expect(item).toMatchObject({ verified: true, chainOk: true, integrity: 'ok', entries: 5, counterId: '64400-01', encrypted: true });
    expect(item.fileName).toMatch(/^loket-64400-01-20261125T030000Z\.sqlite\.age$/);
    expect(readdirSync(usb).sort()).toEqual([item.fileName, `${item.fileName}.json`]); // no -wal, no partial left
    const listed = out(await call('backup.list', {}, tech));
    expect(listed.items).toEqual([item]);
    // The copy, opened with the recovery key, is a ledger of its own: its chain verifies with the ordinary verifier.
    const plain = join(usb, 'opened.sqlite');
    await decryptFile(item.path, plain, key.identity);
    const copy = new Database(plain, { readonly: true });
    expect(await verifyChain(copy, '64400-01')).toMatchObject({ ok: true, checked: 5 });
    copy.close();
    expect(audits(h, 'backup.now')).toHaveLength(1);
    // Only a technician: a head or teller is refused, money roles never see this screen.
    const head = await signInAs(h, 'kepala', '123456');
    expect(err(await call('backup.now', {}, head)).code).toBe('FORBIDDEN');
  });

  it('restores with the head PIN: the current file kept aside, the backup in place after a restart, the chain intact', async () => {
    const { h, call, tech, usb, clock, key } = await setup();
    for (let i = 0; i < 3; i++) recordEntry(h);
    const item = out(await call('backup.now', { dir: usb }, tech));
    recordEntry(h);
    recordEntry(h);
    expect(count(h, 'ledger_entries')).toBe(5);

    const recoveryKey = key.identity;
    const wrong = err(await call('backup.restore', { path: item.path, recoveryKey, approval: { username: 'kepala', pin: '000000' } }, tech));
    expect(wrong.code).toBe('WRONG_PIN');
    const teller = err(await call('backup.restore', { path: item.path, recoveryKey, approval: { username: 'siti', pin: '111111' } }, tech));
    expect(teller).toMatchObject({ code: 'FORBIDDEN', key: 'approval.notHead' });
    expect(existsSync(join(h.dir, 'ledger.sqlite.restore-pending'))).toBe(false);

    const r = out(await call('backup.restore', { path: item.path, recoveryKey, approval }, tech));
    expect(r).toMatchObject({ restartRequired: true, entries: 3 });
    expect(audits(h, 'backup.restore')[0]).toMatchObject({ username: 'teknisi' });
    expect(count(h, 'ledger_entries')).toBe(5); // the open file is never touched

    await h.close();
    const reopened = createLoketHost({ dataDir: h.dir, clock: clock.fn, logToStderr: true });
    try {
      expect(count(reopened, 'ledger_entries')).toBe(3);
      expect(await verifyChain(reopened.services.db, '64400-01')).toMatchObject({ ok: true, checked: 3 });
      const aside = readdirSync(h.dir).filter((f) => f.startsWith('ledger.sqlite.before-restore-') && !/-(wal|shm)$/.test(f));
      expect(aside).toHaveLength(1);
      const kept = new Database(join(h.dir, aside[0]), { readonly: true });
      expect((kept.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n).toBe(5);
      kept.close();
      expect(existsSync(join(h.dir, 'ledger.sqlite.restore-pending'))).toBe(false);
      // The restored ledger takes new entries on its chain.
      expect(recordEntry(reopened).seq).toBe(4);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a corrupted backup, a tampered chain and a file that is not a backup', async () => {
    const { h, call, tech, usb, key } = await setup();
    for (let i = 0; i < 30; i++) recordEntry(h);
    const item = out(await call('backup.now', { dir: usb }, tech));
    // The checks run on the ledger inside: open the backup, damage it, and (for the chain) seal it again.
    const plain = join(usb, 'plain.sqlite');
    await decryptFile(item.path, plain, key.identity);

    // Bytes overwritten in the middle of the file (a failing USB stick).
    const broken = join(usb, 'broken.sqlite');
    copyFileSync(plain, broken);
    const fd = openSync(broken, 'r+');
    const size = statSync(broken).size;
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const e1 = err(await call('backup.restore', { path: broken, approval }, tech));
    expect(e1.code).toBe('CONFLICT');
    expect(['err.backup.corrupt', 'err.backup.chain']).toContain(e1.key);

    // A sound SQLite file whose ledger row was altered behind the triggers' back.
    const tampered = join(usb, 'tampered.sqlite');
    copyFileSync(plain, tampered);
    const t = new Database(tampered);
    t.exec('DROP TRIGGER ledger_entries_no_update');
    t.prepare('UPDATE ledger_entries SET amount = 1 WHERE seq = 7').run();
    t.close();
    expect(err(await call('backup.restore', { path: tampered, approval }, tech))).toMatchObject({ code: 'CONFLICT', key: 'err.backup.chain' });
    // The same, encrypted to the branch key as a backup would be: decrypted fine, then refused by the chain check.
    const sealed = join(usb, 'tampered.sqlite.age');
    await encryptFile(tampered, sealed, [key.recipient]);
    expect(err(await call('backup.restore', { path: sealed, recoveryKey: key.identity, approval }, tech))).toMatchObject({ code: 'CONFLICT', key: 'err.backup.chain' });

    const notDb = join(usb, 'note.sqlite');
    copyFileSync(join(h.dir, 'settings.json'), notDb);
    expect(err(await call('backup.restore', { path: notDb, approval }, tech)).key).toMatch(/^err\.backup\.(corrupt|unreadable)$/);
    expect(err(await call('backup.restore', { path: join(usb, 'missing.sqlite'), approval }, tech)).key).toBe('err.backup.notFound');

    expect(existsSync(join(h.dir, 'ledger.sqlite.restore-pending'))).toBe(false);
    expect(audits(h, 'backup.restore.refused').length).toBe(5);
    expect(audits(h, 'backup.restore')).toHaveLength(0);
  });

  it('runs the daily backup once the hour has come, once a day', async () => {
    const { h, call, tech, usb, clock } = await setup();
    recordEntry(h);
    out(await call('backup.saveSettings', { dir: usb, dailyAt: '18:00' }, tech));
    // 03:00Z is 10:00 WIB: not yet.
    await h.services.backup.sweep();
    expect(out(await call('backup.list', {}, tech)).items).toHaveLength(0);
    clock.advance(8 * 3600_000); // 18:00 WIB
    await h.services.backup.sweep();
    await h.services.backup.sweep();
    expect(h.services.backup.list().items).toHaveLength(1); // (the session idled out meanwhile: ask the service)
    expect(h.services.backup.settings().nextRunAt).toBe('2026-11-26T11:00:00.000Z');
    expect(audits(h, 'backup.now')[0].detail).toContain('"reason":"daily"');
  });
});

describe('backup schedule', () => {
  it('is due once the hour has come in the branch zone and not yet done that day', () => {
    const at = (iso: string) => new Date(iso);
    expect(backupDue(at('2026-11-25T10:59:00Z'), 'Asia/Jakarta', '18:00', null)).toBe(false);
    expect(backupDue(at('2026-11-25T11:00:00Z'), 'Asia/Jakarta', '18:00', null)).toBe(true);
    expect(backupDue(at('2026-11-25T11:00:00Z'), 'Asia/Jakarta', '18:00', '2026-11-25')).toBe(false);
    expect(backupDue(at('2026-11-25T10:00:00Z'), 'Asia/Makassar', '18:00', null)).toBe(true); // 18:00 WITA
    expect(backupDue(at('2026-11-25T11:00:00Z'), 'Asia/Jakarta', '', null)).toBe(false);
    expect(nextBackupAt(at('2026-11-25T03:00:00Z'), 'Asia/Jayapura', '18:00', null)?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });
});

describe('backup.list with a path that is not a backup folder', () => {
  it('answers a typed error for a file or a relative path (found by the router fuzzer)', async () => {
    const h = await testHost();
    try {
      const s = await signInAs(h, 'teknisi', '999999');
      // A relative path is refused whether or not it happens to exist from the working folder
      // (CI clones at another depth, where '../../etc/passwd' may name nothing).
      for (const dir of ['../../etc/passwd', 'tidak-ada/folder', 'backups']) {
        const r = await h.router.call({ procedure: 'backup.list', input: { dir }, session: s }, 'direct');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
      }
      const file = await h.router.call({ procedure: 'backup.list', input: { dir: '/etc/passwd' }, session: s }, 'direct');
      expect(file.ok).toBe(false);
      if (!file.ok) expect(file.error.code).toBe('UNAVAILABLE');
    } finally {
      await h.cleanup();
    }
  });
});
