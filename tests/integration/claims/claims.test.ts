import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimDetails, ClaimUpload } from '../../../shared/protocol/claims';
import { claimSubmittedPayloadSchema } from '../../../shared/protocol/claims';
import { uploadClaim } from '../../../electron/services/claims/upload';
import { b64, claimsCounter, jkkClaim, PDF, PNG, seedBpu, type ClaimsCounter } from './claims-helpers';

// Claims against the real central double over HTTP: offline intake and exactly-once upload,
// programs deciding the claim types, attachments checked by their bytes, status from central.

let c: ClaimsCounter | null = null;
afterEach(async () => { await c?.close(); c = null; });

const n = (sql: string) => (c!.services.db.prepare(sql).get() as { n: number }).n;

describe('claims intake', () => {
  it('a claim with two attachments filed offline arrives exactly once after sync, retried but not duplicated', async () => {
    c = await claimsCounter();
    const p = seedBpu(c);
    await c.services.sync.drainOnce(); // the registration is at central already
    c.setOnline(false);

    const created = await c.ok('claims.create', jkkClaim(p.id));
    expect(created.claim.claimNumber).toBeNull();
    expect(created.claim.attachments.map((a: { size: number }) => a.size)).toEqual([PNG.length, PDF.length]);
    expect(created.print.ok).toBe(true);
    const entry = c.services.ledger.byId(created.claim.entryId)!;
    expect(entry.kind).toBe('CLAIM_SUBMITTED');
    expect(entry.amount).toBe(0);
    // The ledger carries ids, hashes and sizes; never the bytes.
    const payload = claimSubmittedPayloadSchema.parse(JSON.parse(entry.payload!));
    expect(payload.claim.attachments.map((a) => a.sha256)).toEqual([PNG, PDF].map((b) => createHash('sha256').update(b).digest('hex')));
    expect(entry.payload!).not.toContain(b64(PNG).slice(0, 12));
    expect(n("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'claims.create'")).toBe(1);
    expect(n(`SELECT COUNT(*) AS n FROM outbox WHERE entry_id = '${entry.id}'`)).toBe(1);

    // Offline: the entry stays in the outbox and the claim waits with it.
    expect((await c.services.sync.drainOnce()).failed).toBe(true);
    expect((await c.services.claims.uploader.uploadPending()).uploaded).toBe(0);
    expect(c.central.admin.claimCount()).toBe(0);

    // An earlier attempt reached central but its answer was lost: central has the claim, the counter does not know.
    const row = c.services.claims.repo.byId(created.claim.id)!;
    const files = c.services.claims.repo.files(row.id);
    const bytes = c.services.claims.repo.fileBytes(row.id);
    const upload: ClaimUpload = {
      claimId: row.id, entryId: row.entry_id, counterId: c.services.settings.get().counter.id, participantId: p.id, type: 'JKK',
      documents: JSON.parse(row.documents), details: JSON.parse(row.details) as ClaimDetails, submittedAt: row.created_at,
      attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type as 'image/png', size: f.size, sha256: f.sha256 })),
    };
    const cfg = { url: c.central.url, token: c.services.settings.get().central.token };
    const lost = await uploadClaim(cfg, upload, files.map((f, i) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, bytes: bytes[i]! })));

    c.setOnline(true);
    const sync = await c.services.sync.drainOnce();
    expect(sync.accepted).toBe(1);
    await c.services.claims.uploader.uploadPending();
    await c.services.claims.uploader.uploadPending(); // a second run finds nothing to send

    const after = c.services.claims.repo.byId(row.id)!;
    expect(after.claim_number).toBe(lost.claimNumber);
    expect(after.status).toBe('diterima');
    expect(c.central.admin.claimCount()).toBe(1);
    expect(c.central.admin.claimFileCount(row.id)).toBe(2);
    // Central has the files: the counter dropped the bytes and kept their fingerprints.
    expect(c.services.claims.repo.fileBytes(row.id)).toEqual([null, null]);
    expect(c.services.claims.repo.files(row.id).map((f) => f.sha256)).toEqual(upload.attachments.map((a) => a.sha256));
    const listed = await c.ok('claims.list', { participantId: p.id });
    expect(listed.claims).toHaveLength(1);
    expect(listed.claims[0].claimNumber).toBe(lost.claimNumber);
  });

  it('refuses a claim type the participant\'s programs do not allow, and writes nothing', async () => {
    c = await claimsCounter();
    const p = seedBpu(c, ['JKK', 'JKM']);
    const types = await c.ok('claims.types', { participantId: p.id });
    expect(types.types.map((t: { type: string; allowed: boolean }) => [t.type, t.allowed])).toEqual([['JHT', false], ['JKK', true], ['JKM', true]]);
    const before = c.services.ledger.count();
    const r = await c.call('claims.create', jkkClaim(p.id, { type: 'JHT', documents: ['KPJ_CARD', 'KTP', 'KK', 'BANK_BOOK'] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.key).toBe('err.claims.typeNotAllowed');
      expect(r.error.fields).toEqual([expect.objectContaining({ path: 'type', key: 'err.claims.typeNotAllowed' })]);
    }
    expect(c.services.ledger.count()).toBe(before);
    expect(n('SELECT COUNT(*) AS n FROM claims')).toBe(0);

    // With JHT among the programs it is taken.
    const q = seedBpu(c, ['JKK', 'JKM', 'JHT']);
    const ok = await c.ok('claims.create', jkkClaim(q.id, { type: 'JHT', documents: ['KPJ_CARD', 'KTP', 'KK', 'BANK_BOOK'] }));
    expect(ok.claim.type).toBe('JHT');
  });

  it('refuses bad attachments: wrong type by content, too big, too many; and missing required documents', async () => {
    c = await claimsCounter();
    const p = seedBpu(c);
    const refused = async (input: unknown) => {
      const r = await c!.call('claims.create', input);
      if (r.ok) throw new Error('expected a refusal');
      return r.error;
    };
    const fake = await refused(jkkClaim(p.id, { attachments: [{ fileName: 'ktp.png', mimeType: 'image/png', dataBase64: b64(Buffer.from('MZ not an image at all')) }] }));
    expect(fake.fields).toEqual([expect.objectContaining({ path: 'attachments.0', key: 'err.claims.fileContent' })]);
    const lying = await refused(jkkClaim(p.id, { attachments: [{ fileName: 'scan.pdf', mimeType: 'application/pdf', dataBase64: b64(PNG) }] }));
    expect(lying.fields?.[0]).toMatchObject({ path: 'attachments.0', key: 'err.claims.fileContent' });
    const exe = await refused(jkkClaim(p.id, { attachments: [{ fileName: 'a.gif', mimeType: 'image/gif', dataBase64: b64(Buffer.from('GIF89a')) }] }));
    expect(exe.fields?.[0]).toMatchObject({ path: 'attachments.0', key: 'err.claims.fileType' });
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await refused(jkkClaim(p.id, { attachments: [{ fileName: 'big.png', mimeType: 'image/png', dataBase64: b64(big) }] }));
    expect(tooBig.fields?.[0]).toMatchObject({ path: 'attachments.0', key: 'err.claims.fileTooBig' });
    const nine = Array.from({ length: 9 }, (_, i) => ({ fileName: `p${i}.png`, mimeType: 'image/png', dataBase64: b64(PNG) }));
    const many = await refused(jkkClaim(p.id, { attachments: nine }));
    expect(many.fields?.[0]).toMatchObject({ path: 'attachments', key: 'err.claims.tooManyFiles' });
    const docs = await refused(jkkClaim(p.id, { documents: ['KTP'] }));
    expect(docs.fields?.[0]).toMatchObject({ path: 'documents', key: 'err.claims.documentsMissing' });
    const jkm = await refused(jkkClaim(p.id, { type: 'JKM', documents: [], deathDate: '2026-11-01', heirName: 'Budi', heirNik: '1234', heirRelation: 'CHILD', heirPhone: '081234567890' }));
    expect(jkm.fields?.map((f) => f.path)).toContain('heirNik');
    expect(n('SELECT COUNT(*) AS n FROM claims')).toBe(0);
    expect(c.services.ledger.count()).toBe(1); // only the registration

    // Central checks the same by itself: a file part over 5 MB is 413, a fake type is 400.
    const cfg = { url: c.central.url, token: c.services.settings.get().central.token };
    const claimId = '01JCLAIM0000000000000000AA'.replace(/[IL]/g, 'K').slice(0, 26);
    const meta = (bytes: Buffer, mimeType: 'image/png') => ({
      claimId, entryId: claimId, counterId: c!.services.settings.get().counter.id, participantId: p.id, type: 'JKK' as const,
      documents: [], details: { bank: { code: 'BRI', accountNumber: '1234567', holder: 'Sri' } }, submittedAt: '2026-11-25T03:00:00.000Z',
      attachments: [{ id: claimId, fileName: 'x.png', mimeType, size: Math.min(bytes.length, 5 * 1024 * 1024), sha256: createHash('sha256').update(bytes).digest('hex') }],
    });
    await expect(uploadClaim(cfg, meta(big, 'image/png'), [{ id: claimId, fileName: 'x.png', mimeType: 'image/png', bytes: big }]))
      .rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const gif = Buffer.from('GIF89a-----');
    await expect(uploadClaim(cfg, meta(gif, 'image/png'), [{ id: claimId, fileName: 'x.png', mimeType: 'image/png', bytes: gif }]))
      .rejects.toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(c.central.admin.claimCount()).toBe(0);
  });

  it('sees the status central gives the claim, with the reason of a refusal, and prints it', async () => {
    c = await claimsCounter();
    const p = seedBpu(c);
    const created = await c.ok('claims.create', jkkClaim(p.id));
    const receipt = await c.printer!.waitForJob(1);
    const text = receipt.decoded.lines.join('\n');
    expect(text).toContain('TANDA TERIMA KLAIM');
    expect(text).toContain(created.claim.receiptNo);
    expect(text).toContain('ktp.png');
    expect(text).toContain('surat-dokter.pdf');

    // Looking the status up sends what waits first.
    let st = await c.ok('claims.status', { claimId: created.claim.id });
    expect(st.central).toBe('online');
    expect(st.claim.claimNumber).toMatch(/^KLM\d{12}$/);
    expect(st.claim.status).toBe('diterima');

    c.central.admin.setClaimStatus({ claimId: created.claim.id, status: 'diverifikasi' });
    st = await c.ok('claims.status', { claimId: created.claim.id });
    expect(st.claim.status).toBe('diverifikasi');
    c.central.admin.setClaimStatus({ claimId: created.claim.id, status: 'ditolak', reason: 'Surat dokter tidak terbaca' });
    st = await c.ok('claims.status', { claimId: created.claim.id, print: true });
    expect(st.claim.status).toBe('ditolak');
    expect(st.claim.statusReason).toBe('Surat dokter tidak terbaca');
    expect(st.history.map((h: { status: string }) => h.status)).toEqual(['diterima', 'diverifikasi', 'ditolak']);
    expect(st.print.ok).toBe(true);
    const slip = (await c.printer!.waitForJob(2)).decoded.lines.join('\n');
    expect(slip).toContain('STATUS KLAIM');
    expect(slip).toContain('Ditolak');
    expect(slip).toContain(st.claim.claimNumber);

    // The reprinted tanda terima now carries the claim number.
    expect((await c.ok('claims.print', { claimId: created.claim.id })).ok).toBe(true);
    expect((await c.printer!.waitForJob(3)).decoded.lines.join('\n')).toContain(st.claim.claimNumber);

    // A technician never reaches claims.
    const tech = await (await import('../../support/host')).signInAs(c.host, 'teknisi', '999999');
    const denied = await c.call('claims.status', { claimId: created.claim.id }, tech);
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
  });
});
