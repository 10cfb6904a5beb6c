import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantRow } from '../../../electron/services/participants/repo';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import { counts, form, ok, tellerHost, type Host } from './helpers';

// Search by NIK prefix, KPJ and name (with typos) over the FTS5 index of migration 5, kept in
// step by triggers; and the registration slip reaching a (virtual) printer, reprinted as a copy.

let host: Host | null = null;
let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  await host?.cleanup();
  host = null;
  printer = null;
});

function row(id: string, nik: string, name: string, kpj: string | null = null): ParticipantRow {
  return {
    id, nik, kpj, name, birth_place: null, birth_date: '1990-05-17', sex: 'F', mother_name: null, phone: null, address: null,
    village_code: null, district_code: null, regency_code: null, province_code: null, occupation_code: 'TRD01', transport: 0,
    income_band: 1, declared_income: null, programs: '["JKK","JKM"]', origin: 'central', registered_branch_code: '40000',
    registered_branch_name: 'KCU Bandung', registered_at: '2026-10-01T00:00:00.000Z', registration_entry_id: null, updated_at: '2026-10-01T00:00:00.000Z',
  };
}

describe('participants.search', () => {
  it('finds by NIK prefix, full NIK, KPJ, and by name despite a doubled or wrong letter', async () => {
    const t = await tellerHost();
    host = t.host;
    const repo = t.host.services.participants;
    t.host.services.db.transaction(() => {
      repo.insert(row('A', '3273015705900001', 'Siti Aminnah', '26000000001'));
      repo.insert(row('B', '3273015705900002', 'Siti Amimah', '26000000002'));
      repo.insert(row('C', '3518015705900003', 'Soekarno Djojo', '26000000003'));
      repo.insert(row('D', '3518011705900004', 'Budi Santoso'));
      repo.insert(row('E', '3173011705900005', 'Siti Nurhaliza'));
    })();
    const search = async (query: string) => ok(await t.call('participants.search', { query })).results as { id: string; match: string }[];
    const ids = async (query: string) => (await search(query)).map((r) => r.id);

    expect(await ids('327301')).toEqual(['A', 'B']);
    expect(await ids('3518')).toEqual(['D', 'C']); // NIK order
    expect(await ids('3273 0157 0590 0002')).toEqual(['B']);
    expect((await search('26000000003'))[0]).toMatchObject({ id: 'C', match: 'kpj' });
    // Typed with one 'n' where the KTP has two: the same search key, an exact hit.
    expect(await search('Siti Aminah')).toEqual([expect.objectContaining({ id: 'A', match: 'name' })]);
    // One wrong letter in a word no name holds: found as near spellings.
    expect(await search('Siti Aminak')).toEqual([expect.objectContaining({ id: 'A', match: 'fuzzy' })]);
    const amirah = await search('siti amirah');
    expect(amirah.map((r) => r.id).sort()).toEqual(['A', 'B']);
    expect(amirah.every((r) => r.match === 'fuzzy')).toBe(true);
    // Two known words that no one name holds together: each is widened.
    expect(await ids('Budi Santosa')).toEqual(['D']);
    // Old spelling, lower case, typing still going on.
    expect(await ids('sukarno djoj')).toEqual(['C']);
    expect(await ids('siti nur')).toEqual(['E']);
    expect(await ids('Nurhalizza')).toEqual(['E']);
    expect(await ids('Zaenal')).toEqual([]);
  });

  it('lists a name one typo away before one two typos away, even when the farther one came first', async () => {
    const t = await tellerHost();
    host = t.host;
    const repo = t.host.services.participants;
    t.host.services.db.transaction(() => {
      for (let i = 0; i < 30; i++) repo.insert(row(`FAR${String(i).padStart(2, '0')}`, `32730157059${String(100 + i).padStart(5, '0')}`, 'Budi Setiowan'));
      repo.insert(row('NEAR', '3273015705900200', 'Budi Setiawan'));
    })();
    const search = async (query: string, limit?: number) =>
      ok(await t.call('participants.search', { query, ...(limit ? { limit } : {}) })).results as { id: string; match: string }[];
    // 'setiawon' is one letter from 'setiawan' and two from 'setiowan': the near one leads,
    // though thirty farther ones were indexed before it.
    const hits = await search('Budi Setiawon');
    expect(hits[0]).toMatchObject({ id: 'NEAR', match: 'fuzzy' });
    expect(hits.slice(1).every((h) => h.id.startsWith('FAR') && h.match === 'fuzzy')).toBe(true);
    expect(hits.length).toBeGreaterThan(1);
    // A page that the one-typo names fill holds nothing farther.
    expect((await search('Budi Setiawon', 1)).map((h) => h.id)).toEqual(['NEAR']);
  });

  it('keeps the name index in step with the table (insert, rename, delete)', async () => {
    const t = await tellerHost();
    host = t.host;
    const db = t.host.services.db;
    t.host.services.participants.insert(row('X', '3273015705900011', 'Dewi Lestari'));
    const names = (q: string) => db.prepare("SELECT participant_id FROM participant_search WHERE participant_search MATCH ?").pluck().all(q);
    expect(names('dewi')).toEqual(['X']);
    db.prepare("UPDATE participants SET name = 'Ratna Sari' WHERE id = 'X'").run();
    expect(names('dewi')).toEqual([]);
    expect(names('ratna')).toEqual(['X']);
    db.prepare("DELETE FROM participants WHERE id = 'X'").run();
    expect(names('ratna')).toEqual([]);
  });

  it('a registration made through the service is found at once by its name', async () => {
    const t = await tellerHost();
    host = t.host;
    const out = ok(await t.call('registration.create', form({ name: 'Rahmat Hidayat' })));
    expect((ok(await t.call('participants.search', { query: 'rahmat hidayat' })).results)[0].id).toBe(out.participant.id);
    expect((await t.call('participants.search', { query: '  ' })).ok).toBe(false);
  });
});

describe('registration slip', () => {
  it('prints to the printer in settings after the save, and a reprint is marked SALINAN', async () => {
    const t = await tellerHost();
    host = t.host;
    printer = await startVirtualPrinter({ dir: join(t.host.dir, 'printer'), cpl: 48 });
    t.host.services.settings.update((s) => ({ ...s, printer: { ...s.printer, kind: 'virtual', port: printer!.port, charsPerLine: 48 } }));
    const out = ok(await t.call('registration.create', form({ name: 'Rahmat Hidayat', jht: true })));
    expect(out.print).toMatchObject({ ok: true, errorKey: null });
    const job = await printer.waitForJob(1);
    expect(job.text).toContain('BUKTI PENDAFTARAN PESERTA');
    expect(job.text).toContain('Rahmat Hidayat');
    expect(job.text).toContain('3518**********');
    expect(job.text).toContain(out.reference);
    expect(job.text).toMatch(/Rp28\.400/);
    expect(job.text).not.toContain('SALINAN');

    const again = ok(await t.call('registration.print', { participantId: out.participant.id }));
    expect(again.ok).toBe(true);
    expect((await printer.waitForJob(2)).text).toContain('SALINAN');
  });

  it('a printer that is down never undoes the registration; the slip waits in the queue', async () => {
    const t = await tellerHost();
    host = t.host;
    printer = await startVirtualPrinter({ dir: join(t.host.dir, 'printer') });
    await printer.setOnline(false);
    t.host.services.settings.update((s) => ({ ...s, printer: { ...s.printer, kind: 'virtual', port: printer!.port } }));
    const out = ok(await t.call('registration.create', form()));
    expect(out.print).toMatchObject({ ok: false, errorKey: 'printing.err.unreachable' });
    expect(counts(t.host)).toMatchObject({ entries: 1, participants: 1 });
    expect(t.host.services.printing.queue.jobsFor(out.participant.id)).toEqual([expect.objectContaining({ status: 'queued' })]);
    await printer.setOnline(true);
    expect(await t.host.services.printing.queue.retryPending()).toMatchObject({ printed: 1, remaining: 0 });
    expect((await printer.waitForJob(1)).text).toContain('Budi Santoso');
  });
});
