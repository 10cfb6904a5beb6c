import { join } from 'node:path';
import { paymentHost, seedParticipant } from '../payment/helpers';
import { enrolCounter } from '../../../electron/services/enrolment';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { startCentralServer, type CentralServer } from '../../central/server';
import type { ClaimCreateInput } from '../../../shared/contract/claims';

// A counter (real host, virtual printer, teller and head sessions) enrolled with a real central
// double on 127.0.0.1, and small real-looking files: a PNG and a PDF by their first bytes.

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR scan of a KTP')]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
export const b64 = (b: Buffer) => b.toString('base64');

export async function claimsCounter() {
  const ph = await paymentHost();
  const central = await startCentralServer({ dbPath: join(ph.host.dir, 'central.sqlite'), port: 0, adminSecret: 'secret', now: ph.clock.fn });
  central.admin.createBranch(DEMO_BRANCH);
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await enrolCounter(ph.services, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'test' });
  return {
    ...ph,
    central,
    /** Points the counter at a closed port (offline) or back at central. */
    setOnline(online: boolean) {
      ph.services.settings.update((c) => ({ ...c, central: { ...c.central, url: online ? central.url : 'http://127.0.0.1:9' } }));
    },
    async close() { await central.close(); await ph.cleanup(); },
  };
}
export type ClaimsCounter = Awaited<ReturnType<typeof claimsCounter>>;

let serial = 0;
export function seedBpu(c: ClaimsCounter, programs: string[] = ['JKK', 'JKM']) {
  serial += 1;
  return seedParticipant(c.services, { programs: JSON.stringify(programs), nik: `32012345058${String(serial).padStart(5, '0')}` });
}

export function jkkClaim(participantId: string, overrides: Partial<ClaimCreateInput> = {}): ClaimCreateInput {
  return {
    participantId,
    type: 'JKK',
    documents: ['KPJ_CARD', 'KTP', 'ACCIDENT_REPORT', 'MEDICAL_REPORT', 'BANK_BOOK'],
    accidentDate: '2026-11-20',
    accidentPlace: 'Pasar Wage, Nganjuk',
    bankCode: 'BRI',
    accountNumber: '0123 4567 8901',
    accountHolder: 'Sri Wahyuni',
    attachments: [
      { fileName: 'ktp.png', mimeType: 'image/png', dataBase64: b64(PNG) },
      { fileName: 'surat-dokter.pdf', mimeType: 'application/pdf', dataBase64: b64(PDF) },
    ],
    ...overrides,
  };
}
