import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createLoketHost } from '../../../electron/host';
import { generateDemoHistory } from '../../../electron/demo/history';
import { seedDemoCounter } from '../../../electron/demo/seed';
import { decryptFile, newRecoveryKey } from '../../../electron/services/backup/age-file';
import { verifyChain } from '../../../electron/services/ledger/verify';
import { signInAs, testHost } from '../../support/host';
import { enrol, testCentral } from '../../support/central';
import { tempDir } from '../../support/tmp';
import { startVirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { audits, caller, count, err, out, recordEntry } from '../technician/technician-helpers';

// Backups on the USB stick are age files encrypted to the branch's recovery key (and head
// office's key when central gives one): real SQLite ledgers, real age encryption, the real router.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

const approval = { username: 'kepala', pin: '123456' };
const chainOf = (db: Database.Database) => db.prepare('SELECT seq, hash FROM ledger_entries ORDER BY counter_id, seq').all();

/** Makes, (prints) and confirms the recovery key through the router as the technician would. */
async function makeKey(call: ReturnType<typeof caller>, tech: string, replace = false) {
  const key = out<{ identity: string; recipient: string }>(await call('backup.newRecoveryKey', { replace }, tech));
  out(await call('backup.confirmRecoveryKey', { recipient: key.recipient }, tech));
  return key;
}

describe('an encrypted backup of a demo ledger', () => {
  // A demo counter with two days of generated history: real participants with real NIKs.
  let t: ReturnType<typeof tempDir>;
  let host: ReturnType<typeof createLoketHost>;
  let nik: string;
  let mother: string;
  beforeAll(async () => {
    t = tempDir();
    let simulated: Date | null = null;
    host = createLoketHost({ dataDir: join(t.dir, 'data'), clock: () => simulated ?? new Date(), logToStderr: true });
    await seedDemoCounter(host.services);
    await generateDemoHistory(host.services, { set: (d) => { simulated = d; } }, { days: 2, seed: 7 });
    const p = host.services.db.prepare('SELECT nik, mother_name FROM participants WHERE mother_name IS NOT NULL LIMIT 1').get() as { nik: string; mother_name: string };
    nik = p.nik;
    mother = p.mother_name;
  }, 120_000);
  afterAll(async () => { await host.close(); t.cleanup(); });

  it('does not start with "SQLite format 3" and holds no NIK or mother\'s name in clear; the right key gives back the same chain', async () => {
    expect(nik).toMatch(/^\d{16}$/);
    const call = caller(host);
    const tech = await signInAs(host, 'teknisi', '999999');
    const usb = tempDir('loket-usb-'); stops.push(usb.cleanup);
    // No recovery key yet (a counter set up before backups were encrypted): no backup, a clear reason.
    expect(err(await call('backup.now', { dir: usb.dir }, tech))).toMatchObject({ code: 'CONFLICT', key: 'err.backup.noRecoveryKey' });
    expect(readdirSync(usb.dir)).toEqual([]);
    const key = await makeKey(call, tech);
    // Only the public half is kept; the secret is nowhere on this computer.
    expect(host.services.settings.get().backup.recoveryRecipient).toBe(key.recipient);
    expect(readFileSync(join(t.dir, 'data', 'settings.json'), 'utf8')).not.toContain(key.identity.slice(16));
    expect(readFileSync(join(t.dir, 'data', 'ledger.sqlite')).includes(Buffer.from(key.identity.slice(16)))).toBe(false);

    const item = out(await call('backup.now', { dir: usb.dir }, tech));
    expect(item).toMatchObject({ verified: true, chainOk: true, encrypted: true });
    expect(item.fileName).toMatch(/\.sqlite\.age$/);
    const bytes = readFileSync(item.path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(bytes.includes(Buffer.from(nik))).toBe(false);
    expect(bytes.includes(Buffer.from(mother))).toBe(false);
    expect(/\d{16}/.test(bytes.toString('latin1'))).toBe(false);
    // Nothing else was left on the stick (no plain partial copy) nor in the data folder.
    expect(readdirSync(usb.dir).sort()).toEqual([item.fileName, `${item.fileName}.json`]);
    expect(readdirSync(join(t.dir, 'data')).filter((f) => f.startsWith('backup-'))).toEqual([]);

    // Opened on another PC with the key from the safe: the same chain, entry for entry.
    const opened = join(usb.dir, 'opened.sqlite');
    await decryptFile(item.path, opened, key.identity);
    // The NIK and the mother's name are in the data (the plain copy shows them); only encrypted on the stick.
    expect(readFileSync(opened).includes(Buffer.from(nik))).toBe(true);
    expect(readFileSync(opened).includes(Buffer.from(mother))).toBe(true);
    const copy = new Database(opened, { readonly: true });
    expect(chainOf(copy)).toEqual(chainOf(host.services.db));
    expect(await verifyChain(copy, '64400-01')).toMatchObject({ ok: true, checked: host.services.ledger.count() });
    copy.close();
  });
});

async function setup() {
  const h = await testHost();
  const usb = tempDir('loket-usb-');
  stops.push(usb.cleanup, h.cleanup);
  const call = caller(h);
  const tech = await signInAs(h, 'teknisi', '999999');
  return { h, call, tech, usb: usb.dir };
}

describe('restoring an encrypted backup', () => {
  it('with the right key (typed in groups, or a key file) gives back the same chain after a restart', async () => {
    const { h, call, tech, usb } = await setup();
    const key = await makeKey(call, tech);
    for (let i = 0; i < 4; i++) recordEntry(h);
    const chain = chainOf(h.services.db);
    const item = out(await call('backup.now', { dir: usb }, tech));
    recordEntry(h);
    // As it is read off the slip: groups of four, lower case, spread over lines.
    const typed = `${key.identity.slice(0, 16)}\n${key.identity.slice(16).toLowerCase().replace(/(.{4})/g, '$1 ')}`;
    const r = out(await call('backup.restore', { path: item.path, recoveryKey: typed, approval }, tech));
    expect(r).toMatchObject({ restartRequired: true, entries: 4 });
    expect(audits(h, 'backup.restore')[0].detail).toContain('"encrypted":true');
    await h.close();
    const reopened = createLoketHost({ dataDir: h.dir, logToStderr: true });
    try {
      expect(chainOf(reopened.services.db)).toEqual(chain);
      expect(await verifyChain(reopened.services.db, '64400-01')).toMatchObject({ ok: true, checked: 4 });
    } finally {
      await reopened.close();
    }
  });

  it('a wrong key, no key, a key that is not one: a clear message on the key field and nothing changes', async () => {
    const { h, call, tech, usb } = await setup();
    await makeKey(call, tech);
    for (let i = 0; i < 3; i++) recordEntry(h);
    const item = out(await call('backup.now', { dir: usb }, tech));
    recordEntry(h);
    const chain = chainOf(h.services.db);
    const backupHash = createHash('sha256').update(readFileSync(item.path)).digest('hex');

    const wrong = (await newRecoveryKey()).identity;
    const e1 = err(await call('backup.restore', { path: item.path, recoveryKey: wrong, approval }, tech));
    expect(e1).toMatchObject({ code: 'CONFLICT', key: 'err.backup.wrongKey' });
    expect(e1.fields).toEqual([{ path: 'recoveryKey', key: 'err.backup.wrongKey' }]);
    expect(e1.message).toMatch(/Kunci pemulihan salah/);
    const e2 = err(await call('backup.restore', { path: item.path, approval }, tech));
    expect(e2).toMatchObject({ key: 'err.backup.keyRequired', fields: [{ path: 'recoveryKey', key: 'err.backup.keyRequired' }] });
    const e3 = err(await call('backup.restore', { path: item.path, recoveryKey: 'kunci saya', approval }, tech));
    expect(e3).toMatchObject({ code: 'INVALID_INPUT' });
    expect(e3.fields?.[0]).toMatchObject({ path: 'recoveryKey', key: 'err.backup.keyInvalid' });
    // One character mistyped from the slip (found running the demo: it was a bare "backup failed" then).
    const right = wrong; // any real key will do to make a typo of
    const typo = right.slice(0, 30) + (right[30] === 'Q' ? 'P' : 'Q') + right.slice(31);
    const e4 = err(await call('backup.restore', { path: item.path, recoveryKey: typo, approval }, tech));
    expect(e4.fields?.[0]).toMatchObject({ path: 'recoveryKey', key: 'err.backup.keyInvalid' });
    expect(JSON.stringify(e4)).not.toContain(typo);

    expect(chainOf(h.services.db)).toEqual(chain);
    expect(count(h, 'ledger_entries')).toBe(4);
    expect(readdirSync(h.dir).filter((f) => f.includes('restore-pending'))).toEqual([]);
    expect(createHash('sha256').update(readFileSync(item.path)).digest('hex')).toBe(backupHash);
    expect(audits(h, 'backup.restore')).toHaveLength(0);
    expect(audits(h, 'backup.restore.refused').length).toBe(2);
    await h.close();
    // And after a restart the ledger is the one before: nothing was waiting to replace it.
    const reopened = createLoketHost({ dataDir: h.dir, logToStderr: true });
    try {
      expect(chainOf(reopened.services.db)).toEqual(chain);
    } finally {
      await reopened.close();
    }
  });

  it('a damaged encrypted file is refused as damaged', async () => {
    const { h, call, tech, usb } = await setup();
    const key = await makeKey(call, tech);
    for (let i = 0; i < 30; i++) recordEntry(h);
    const item = out(await call('backup.now', { dir: usb }, tech));
    const damaged = join(usb, 'damaged.sqlite.age');
    const bytes = readFileSync(item.path);
    bytes[bytes.length - 100] ^= 0x01; // one bit in the last chunk: age's authentication refuses it
    writeFileSync(damaged, bytes);
    expect(err(await call('backup.restore', { path: damaged, recoveryKey: key.identity, approval }, tech))).toMatchObject({ code: 'CONFLICT', key: 'err.backup.corrupt' });
    expect(readdirSync(h.dir).filter((f) => f.includes('restore-pending'))).toEqual([]);
  });

  it('an old plain SQLite backup is still listed as not encrypted and restored without a key', async () => {
    const { h, call, tech, usb } = await setup();
    for (let i = 0; i < 2; i++) recordEntry(h);
    const old = join(usb, 'loket-64400-01-20261101T100000Z.sqlite');
    await h.services.db.backup(old);
    const c = new Database(old); c.pragma('journal_mode = DELETE'); c.close();
    expect(readFileSync(old).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const listed = out(await call('backup.list', { dir: usb }, tech));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ encrypted: false });
    recordEntry(h);
    expect(out(await call('backup.restore', { path: old, approval }, tech))).toMatchObject({ entries: 2 });
    expect(audits(h, 'backup.restore')[0].detail).toContain('"encrypted":false');
  });
});

describe('the recovery key', () => {
  it('is made once, confirmed only as the key just made, replaced only when asked; print goes to the printer, never to the queue', async () => {
    const { h, call, tech } = await setup();
    const first = out(await call('backup.newRecoveryKey', {}, tech));
    expect(first.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(out(await call('backup.settings', {}, tech)).recoveryKey).toBeNull(); // not yet confirmed
    const other = await newRecoveryKey();
    expect(err(await call('backup.confirmRecoveryKey', { recipient: other.recipient }, tech)).key).toBe('err.backup.keyNotPending');
    expect(err(await call('backup.printRecoveryKey', { identity: other.identity }, tech)).key).toBe('err.backup.keyNotPending');
    out(await call('backup.confirmRecoveryKey', { recipient: first.recipient }, tech));
    expect(out(await call('backup.settings', {}, tech)).recoveryKey).toMatchObject({ recipient: first.recipient });
    // Confirmed: it is not shown or printable again, and a second one needs `replace`.
    expect(err(await call('backup.confirmRecoveryKey', { recipient: first.recipient }, tech)).key).toBe('err.backup.keyNotPending');
    expect(err(await call('backup.newRecoveryKey', {}, tech)).key).toBe('err.backup.keyExists');
    const second = out(await call('backup.newRecoveryKey', { replace: true }, tech));
    out(await call('backup.confirmRecoveryKey', { recipient: second.recipient }, tech));
    expect(h.services.settings.get().backup.recoveryRecipient).toBe(second.recipient);
    // No secret in the audit log or anywhere in the ledger file.
    const all = JSON.stringify(h.services.db.prepare('SELECT * FROM audit_log').all());
    expect(all).toContain(first.recipient);
    expect(all).not.toContain(first.identity);
    expect(all).not.toContain(second.identity);
    // Only a technician.
    const head = await signInAs(h, 'kepala', '123456');
    expect(err(await call('backup.newRecoveryKey', {}, head)).code).toBe('FORBIDDEN');
  });
});

describe('the recovery key in the first-run wizard', () => {
  it('is made, printed on the receipt printer for the safe and confirmed while setting up; the secret is kept nowhere', async () => {
    const h = await testHost({ seed: false });
    const t = tempDir('loket-printer-');
    const printer = await startVirtualPrinter({ dir: t.dir });
    stops.push(t.cleanup, () => printer.close(), h.cleanup);
    const call = caller(h);
    out(await call('setup.savePrinter', { kind: 'virtual', host: '127.0.0.1', port: printer.port, paperWidth: 58, charsPerLine: 32 }));
    expect(out(await call('setup.state', {})).hasRecoveryKey).toBe(false);
    const key = out<{ identity: string; recipient: string }>(await call('setup.newRecoveryKey', {}));
    const printed = out(await call('setup.printRecoveryKey', { identity: key.identity }));
    expect(printed.target).toBe(`tcp://127.0.0.1:${printer.port}`);
    const slip = await printer.waitForJob(1);
    expect(slip.decoded.lines).toContain('KUNCI PEMULIHAN CADANGAN');
    // In groups of four that fit 32 columns, and read back whole by the restore form's parser.
    expect(slip.decoded.lines.every((l: string) => l.length <= 32)).toBe(true);
    expect(slip.decoded.lines.join('').replace(/\s+/g, '')).toContain(key.identity);
    expect(slip.decoded.lines.join('\n')).toContain(key.recipient.slice(0, 20));
    out(await call('setup.confirmRecoveryKey', { recipient: key.recipient }));
    expect(out(await call('setup.state', {})).hasRecoveryKey).toBe(true);
    // Not in the settings, the print queue, the audit log or anywhere in the ledger file.
    const secret = key.identity.slice(16);
    expect(readFileSync(join(h.dir, 'settings.json'), 'utf8')).not.toContain(secret);
    expect(JSON.stringify(h.services.db.prepare('SELECT * FROM print_jobs').all())).not.toContain(secret);
    expect(JSON.stringify(h.services.db.prepare('SELECT * FROM audit_log').all())).not.toContain(secret);
    h.services.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(h.dir, 'ledger.sqlite')).includes(Buffer.from(secret))).toBe(false);
  });
});

describe('head office recipient from enrolment', () => {
  it('is stored from the enrol answer; a backup then opens with head office\'s identity too', async () => {
    const headOffice = await newRecoveryKey();
    const central = await testCentral({ backupRecipient: headOffice.recipient });
    stops.push(central.dispose);
    const { h, call, tech, usb } = await setup();
    await enrol(h, central);
    expect(h.services.settings.get().backup.headOfficeRecipient).toBe(headOffice.recipient);
    expect(out(await call('backup.settings', {}, tech)).headOfficeRecipient).toBe(headOffice.recipient);
    const branch = await makeKey(call, tech);
    for (let i = 0; i < 3; i++) recordEntry(h);
    const item = out(await call('backup.now', { dir: usb }, tech));
    expect(JSON.parse(readFileSync(`${item.path}.json`, 'utf8')).recipients).toEqual([branch.recipient, headOffice.recipient]);
    for (const identity of [branch.identity, headOffice.identity]) {
      const opened = join(usb, `opened-${identity.slice(-5)}.sqlite`);
      await decryptFile(item.path, opened, identity);
      const copy = new Database(opened, { readonly: true });
      expect(chainOf(copy)).toEqual(chainOf(h.services.db));
      copy.close();
    }
    // Head office's key restores too (a branch that lost its slip asks head office).
    expect(out(await call('backup.restore', { path: item.path, recoveryKey: headOffice.identity, approval }, tech))).toMatchObject({ entries: 3 });
  });

  it('a central that gives none leaves it empty: backups go to the branch key alone', async () => {
    const central = await testCentral();
    stops.push(central.dispose);
    const { h } = await setup();
    await enrol(h, central);
    expect(h.services.settings.get().backup.headOfficeRecipient).toBe('');
  });
});
