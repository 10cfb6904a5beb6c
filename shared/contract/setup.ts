import { z } from 'zod';
import { procedure } from './define';
import { isAllowedCentralUrl } from '../protocol/central-url';
import { empty, pinSchema, roleSchema, usernameSchema } from './common';
import {
  newRecoveryKeyOutput, printerDiscoverySchema, printerInputSchema, printerOutputSchema, printRecoveryKeyOutput,
  recipientSchema, recoveryKeyInput, recoveryKeyStatus, testPrintOutputSchema,
} from './technician';

// The first-run wizard. These are public (nobody can sign in yet) but the service refuses
// each of them once the counter is set up (enrolled and with users).

const timeZone = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

export const serverUrlSchema = z.string().trim().max(512, { error: 'err.setup.url' })
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/i, { error: 'err.setup.url' })
  // Plain http only to this computer: personal data never crosses a network in clear.
  .refine(isAllowedCentralUrl, { error: 'err.setup.urlInsecure', abort: true });

/** A CA file (PEM) of head office's own CA, instead of pinning the certificate seen at enrolment. */
const caFileSchema = z.string().trim().max(1024, { error: 'err.setup.caFile' }).optional();

export const serverCheckSchema = z.object({
  reachable: z.boolean(),
  /** Round trip of the health call, in milliseconds. */
  latencyMs: z.number().int().nullable(),
  /** Server clock minus this computer's clock, in milliseconds. */
  skewMs: z.number().int().nullable(),
  serverTime: z.string().nullable(),
  /** Whether the skew is within what enrolment accepts. */
  skewOk: z.boolean(),
  /** Why it is not usable (an i18n key), or null. */
  problemKey: z.string().nullable(),
  problemParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  /** https: the certificate the server presented (pinned at enrolment), for the technician to compare. */
  certificate: z.object({ fingerprint256: z.string(), pin: z.string(), subject: z.string(), validTo: z.string(), trusted: z.boolean() }).nullable().optional(),
});

export const displayNameSchema = z.string().trim().min(2, { error: 'err.users.displayName' }).max(80, { error: 'err.users.displayName' });

const newUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  pin: pinSchema,
  pinConfirm: pinSchema,
}).strict().refine((u) => u.pin === u.pinConfirm, { error: 'err.users.pinMismatch', path: ['pinConfirm'] });

export const setupContract = {
  /** Where the wizard stands: what is done already (a half-finished set-up resumes). */
  'setup.state': procedure({
    access: 'public',
    passive: true,
    input: empty,
    output: z.object({
      setupNeeded: z.boolean(),
      enrolled: z.boolean(),
      hasUsers: z.boolean(),
      /** The branch's recovery key is made and confirmed (its public half saved). */
      hasRecoveryKey: z.boolean(),
      serverUrl: z.string(),
      branch: z.object({ code: z.string(), name: z.string(), timeZone }).nullable(),
      counter: z.object({ number: z.number().int(), id: z.string() }).nullable(),
    }),
  }),
  /** Reachability, latency and clock skew of a central server address. */
  'setup.checkServer': procedure({
    access: 'public',
    input: z.object({ url: serverUrlSchema, caFile: caFileSchema }).strict(),
    output: serverCheckSchema,
  }),
  /** Enrols the counter with a one-time code and sets the branch's time zone from its region. */
  'setup.enrol': procedure({
    access: 'public',
    mutates: true,
    input: z.object({
      url: serverUrlSchema,
      caFile: caFileSchema,
      branchCode: z.string().trim().regex(/^\d{5}$/, { error: 'err.setup.branchCode' }),
      counterNumber: z.number({ error: 'err.setup.counterNumber' }).int({ error: 'err.setup.counterNumber' })
        .min(1, { error: 'err.setup.counterNumber' }).max(99, { error: 'err.setup.counterNumber' }),
      code: z.string().trim().min(4, { error: 'err.setup.code' }).max(32, { error: 'err.setup.code' }),
    }).strict(),
    output: z.object({
      branch: z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), timeZone }),
      counter: z.object({ number: z.number().int(), id: z.string() }),
      /** Where the zone came from: the branch's province (normal) or the server (unknown province). */
      zoneFrom: z.enum(['region', 'server']),
      /** The server named another zone than the region's; the region's was kept. */
      zoneDiffered: z.boolean(),
    }),
  }),
  /** The printer, during set-up (afterwards: printer.save by a technician). */
  'setup.savePrinter': procedure({
    access: 'public',
    mutates: true,
    input: printerInputSchema,
    output: printerOutputSchema,
  }),
  'setup.discoverPrinters': procedure({
    access: 'public',
    input: empty,
    output: printerDiscoverySchema,
  }),
  'setup.testPrint': procedure({
    access: 'public',
    mutates: true,
    input: empty,
    output: testPrintOutputSchema,
  }),
  /** The branch's recovery key for encrypted backups: shown once, printed, confirmed as stored. */
  'setup.newRecoveryKey': procedure({ access: 'public', mutates: true, input: empty, output: newRecoveryKeyOutput }),
  'setup.printRecoveryKey': procedure({
    access: 'public', mutates: true,
    input: z.object({ identity: recoveryKeyInput.refine((s) => s.trim() !== '', { error: 'err.backup.keyInvalid' }) }).strict(),
    output: printRecoveryKeyOutput,
  }),
  'setup.confirmRecoveryKey': procedure({ access: 'public', mutates: true, input: z.object({ recipient: recipientSchema }).strict(), output: recoveryKeyStatus }),
  /** The first head (and the technician's own account); only while no user exists. */
  'setup.createFirstHead': procedure({
    access: 'public',
    mutates: true,
    input: z.object({ head: newUserSchema, technician: newUserSchema.optional() }).strict(),
    output: z.object({ users: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: roleSchema })) }),
  }),
} as const;

export type ServerCheck = z.infer<typeof serverCheckSchema>;
export { newUserSchema };
