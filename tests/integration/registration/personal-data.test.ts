import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { commitTo, createPersonalDataStore } from '../../../electron/services/participants/personal-data';
import { personalDataSchema, registrationPayloadV2Schema } from '../../../shared/protocol/personal-data';
import type { CentralServer } from '../../central/server';
import { tempDir } from '../../support/tmp';
import { demoHost } from '../../support/demo-ledger';
import { form, ok, tellerHost, withCentral, type Host } from './helpers';

// Issue 16 item 1: the hash chain holds no personal data in clear. A demo ledger's entries are
// scanned for NIKs and the names of workers and their mothers; its chain is checked by a tool
// that shares no code with Loket (Python's hashlib and json, DESIGN §9); and a registration's
// data reaches central beside its entry, where the commitment is checked.

const hasPython = spawnSync('python3', ['-c', 'import sqlite3, hashlib'], { stdio: 'ignore' }).status === 0;

/** DESIGN §9 in Python: SHA-256 of the canonical JSON of each row without `hash`, chained by seq. */
const VERIFY_PY = `
import sqlite3, hashlib, json, sys
c = sqlite3.connect(sys.argv[1]); c.row_factory = sqlite3.Row
bad = 0; n = 0
for (counter,) in c.execute("SELECT DISTINCT counter_id FROM ledger_entries").fetchall():
    prev = "0" * 64
    for row in c.execute("SELECT * FROM ledger_entries WHERE counter_id = ? ORDER BY seq", (counter,)):
        d = {k: row[k] for k in row.keys() if k != "hash"}
        text = json.dumps(d, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        h = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if h != row["hash"] or row["prev_hash"] != prev: bad += 1
        prev = row["hash"]; n += 1
print(n, bad)
`;

describe('a demo ledger', () => {
  let t: ReturnType<typeof tempDir>;
  let file: string;
  beforeAll(async () => {
    t = tempDir();
    (await demoHost(t.dir, { days: 2, seed: 11 })).close();
    file = join(t.dir, 'ledger.sqlite');
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('holds no NIK, no worker\'s or mother\'s name, no phone or address in its entries; the data sits in personal_data', () => {
    const db = new Database(file, { readonly: true });
    try {
      const people = db.prepare('SELECT id, nik, name, mother_name, phone, address FROM participants').all() as
        { id: string; nik: string; name: string; mother_name: string | null; phone: string | null; address: string | null }[];
      expect(people.length).toBeGreaterThan(3);
      // Every column but the two hashes; hashes quoted inside payloads (a closing report's) are
      // cut out too: random hex may hold a run of 16 digits by chance.
      const texts = (db.prepare(`SELECT id, kind, counter_id, business_date, created_at, branch_code, user_id, participant_id, amount,
        breakdown, payment_method, receipt_no, ref_entry_id, payload FROM ledger_entries`).all() as Record<string, unknown>[])
        .map((r) => JSON.stringify(r).replace(/[0-9a-f]{64}/g, '#'));
      expect(texts.length).toBeGreaterThan(people.length);
      const all = texts.join('\n');
      expect(all).not.toMatch(/\d{16}/);
      for (const p of people) {
        for (const secret of [p.nik, p.name, p.mother_name, p.phone, p.address]) if (secret) expect(all).not.toContain(secret);
      }
      // Each participant registered here: one version of the data, and its commitment holds.
      const store = createPersonalDataStore(db as never);
      for (const p of people) {
        const [v] = store.versions(p.id);
        const entry = db.prepare('SELECT payload FROM ledger_entries WHERE id = ?').get(v.entry_id) as { payload: string };
        const data = personalDataSchema.parse(JSON.parse(v.data!));
        expect(data).toMatchObject({ nik: p.nik, name: p.name });
        expect(commitTo(v.salt!, data)).toBe(registrationPayloadV2Schema.parse(JSON.parse(entry.payload)).personal.commitment);
      }
    } finally { db.close(); }
  });

  it.runIf(hasPython)('has a chain that an independent tool (Python, DESIGN §9) verifies', () => {
    const [n, bad] = execFileSync('python3', ['-c', VERIFY_PY, file], { encoding: 'utf8' }).trim().split(' ').map(Number);
    expect(n).toBeGreaterThan(10);
    expect(bad).toBe(0);
  });
});

describe('a registration and its personal data on the way to central', () => {
  let host: Host | null = null;
  let central: CentralServer | null = null;
  afterEach(async () => { await central?.close(); await host?.cleanup(); host = null; central = null; });

  it('travels beside its entry: central checks the commitment, stores the data and answers the KPJ', async () => {
    const t = await tellerHost();
    host = t.host;
    central = await withCentral(t.host, t.clock);
    const input = form({ name: 'Ratna Sari', motherName: 'Dewi Lestari', sex: 'F', nik: '3518015705900001' });
    const out = ok(await t.call('registration.create', input));
    const drained = await t.host.services.sync.drainOnce();
    expect(drained).toMatchObject({ failed: false, rejected: 0 });
    const kpj = t.host.services.participants.byId(out.participant.id)!.kpj;
    expect(kpj).toMatch(/^\d{11}$/);
    const db = new Database(join(t.host.dir, 'central.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT nik, name, kpj FROM participants WHERE participant_id = ?').get(out.participant.id);
      expect(row).toEqual({ nik: input.nik, name: 'Ratna Sari', kpj });
      const stored = db.prepare('SELECT data FROM personal_data WHERE entry_id = ?').pluck().get(out.entryId) as string;
      expect(JSON.parse(stored)).toMatchObject({ nik: input.nik, motherName: 'Dewi Lestari' });
      // What central keeps as the entry is what the counter hashed: still no personal data.
      const payload = db.prepare('SELECT payload FROM entries WHERE id = ?').pluck().get(out.entryId) as string;
      expect(payload).not.toContain(input.nik);
      expect(payload).not.toContain('Dewi');
    } finally { db.close(); }
  });
});
