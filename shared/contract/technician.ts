import { z } from 'zod';
import { procedure } from './define';
import { diskEncryptionSchema } from '../disk-encryption';
import { PRINTER_CODE_PAGES, PRINTER_KINDS } from '../settings';
import { findRecoveryKey, RECIPIENT_RE } from '../recovery-key';
import { approvalSchema, empty, ok, pinSchema, roleSchema, usernameSchema } from './common';

// The technician's screens: printer, diagnostics, backup, users. A technician never sees money:
// nothing here carries an amount.

const SYSTEM_NAME = /^[^\x00-\x1f\x7f/\\#]{1,127}$/;
const SERIAL_PATH = /^(?:COM\d{1,3}|\/dev\/(?:tty|rfcomm|cu\.|pts\/)[\w.\-/]{0,64})$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export const printerInputSchema = z.object({
  kind: z.enum(PRINTER_KINDS, { error: 'err.printer.kind' }),
  host: z.string().trim().max(255, { error: 'err.printer.host' }).default(''),
  port: z.number({ error: 'err.printer.port' }).int({ error: 'err.printer.port' })
    .min(1, { error: 'err.printer.port' }).max(65535, { error: 'err.printer.port' }).default(9100),
  filePath: z.string().trim().max(1024, { error: 'err.printer.filePath' }).default(''),
  printerName: z.string().trim().max(255, { error: 'err.printer.printerName' }).default(''),
  serialPath: z.string().trim().max(255, { error: 'err.printer.serialPath' }).default(''),
  baudRate: z.number({ error: 'err.printer.baudRate' }).int({ error: 'err.printer.baudRate' })
    .min(1200, { error: 'err.printer.baudRate' }).max(921600, { error: 'err.printer.baudRate' }).default(9600),
  codePage: z.enum(PRINTER_CODE_PAGES, { error: 'err.printer.codePage' }).default('PC858_EURO'),
  cashDrawer: z.boolean().default(false),
  paperWidth: z.union([z.literal(58), z.literal(80)], { error: 'err.printer.paper' }),
  charsPerLine: z.number({ error: 'err.printer.cpl' }).int({ error: 'err.printer.cpl' })
    .min(24, { error: 'err.printer.cpl' }).max(64, { error: 'err.printer.cpl' }),
}).strict().superRefine((p, ctx) => {
  if (p.kind === 'network' && !HOST.test(p.host)) ctx.addIssue({ code: 'custom', path: ['host'], message: 'err.printer.host' });
  // A full path to a .bin or .prn file: print-to-file can never append to a file of the system.
  // A queue name as CUPS and Windows allow it: no control characters, no path separators.
  if (p.kind === 'system' && !SYSTEM_NAME.test(p.printerName)) ctx.addIssue({ code: 'custom', path: ['printerName'], message: 'err.printer.printerName' });
  if (p.kind === 'serial' && !SERIAL_PATH.test(p.serialPath)) ctx.addIssue({ code: 'custom', path: ['serialPath'], message: 'err.printer.serialPath' });
  if (p.kind === 'file' && !/^(\/|[a-zA-Z]:[\\/]).*\.(bin|prn)$/i.test(p.filePath)) ctx.addIssue({ code: 'custom', path: ['filePath'], message: 'err.printer.filePath' });
  // 58 mm paper holds 32 characters in font A (42 in font B); 80 mm holds 48 (64 in font B).
  if (p.paperWidth === 58 && p.charsPerLine > 42) ctx.addIssue({ code: 'custom', path: ['charsPerLine'], message: 'err.printer.cplPaper' });
  if (p.paperWidth === 80 && p.charsPerLine < 32) ctx.addIssue({ code: 'custom', path: ['charsPerLine'], message: 'err.printer.cplPaper' });
});

export const printerStatusSchema = z.enum(['ready', 'offline', 'paperOut', 'coverOpen', 'none', 'unknown']);

/** What the printer itself says, where the transport can tell (DLE EOT, CUPS); null when it cannot. */
export const printerConditionSchema = z.enum(['paperOut', 'coverOpen', 'error']).nullable();

/** The printers the OS has installed and the serial ports it sees: the technician picks, never types. */
export const printerDiscoverySchema = z.object({
  system: z.array(z.object({ name: z.string(), description: z.string(), isDefault: z.boolean() })),
  serial: z.array(z.object({ path: z.string(), description: z.string() })),
  /** i18n key when the OS list could not be read (no CUPS, spooler stopped). */
  problemKey: z.string().nullable(),
});

export const printerOutputSchema = z.object({
  kind: z.enum(PRINTER_KINDS),
  host: z.string(),
  port: z.number().int(),
  filePath: z.string(),
  printerName: z.string(),
  serialPath: z.string(),
  baudRate: z.number().int(),
  codePage: z.enum(PRINTER_CODE_PAGES),
  cashDrawer: z.boolean(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  charsPerLine: z.number().int(),
  /** How it is reached: `tcp://host:port`, `file:///path`, `system://NAME`, `serial:///dev/ttyUSB0`, `none`. */
  target: z.string(),
  status: printerStatusSchema,
  checkedAt: z.string().nullable(),
});

export const testPrintOutputSchema = z.object({
  target: z.string(),
  /** What was sent, as the printer lays it out. */
  text: z.string(),
  bytes: z.number().int(),
});

const verifyResult = z.object({
  ok: z.boolean(), checked: z.number().int(), total: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), id: z.string(), reason: z.enum(['seq-gap', 'prev-hash', 'hash']) }).nullable(),
});

export const backupItemSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  /** Null when the backup has no verification record beside it. */
  verified: z.boolean().nullable(),
  integrity: z.string().nullable(),
  chainOk: z.boolean().nullable(),
  entries: z.number().int().nullable(),
  counterId: z.string().nullable(),
  /** An age file (encrypted to the recovery key); false for an old plain SQLite backup. */
  encrypted: z.boolean(),
});

/** The recovery key as typed, pasted or read from a key file; checked as it is typed. */
export const recoveryKeyInput = z.string().max(4096, { error: 'err.backup.keyInvalid' })
  .refine((s) => s.trim() === '' || findRecoveryKey(s) !== null, { error: 'err.backup.keyInvalid' });
export const recipientSchema = z.string().trim().regex(RECIPIENT_RE, { error: 'err.backup.keyNotPending' });

/** A key just made: shown once, never stored by Loket (only its public half, once confirmed). */
export const newRecoveryKeyOutput = z.object({ identity: z.string(), recipient: z.string(), createdAt: z.string() });
export const printRecoveryKeyOutput = z.object({ target: z.string(), bytes: z.number().int() });
export const recoveryKeyStatus = z.object({ recipient: z.string(), createdAt: z.string() });

const dailyAtSchema = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.backup.dailyAt' }).or(z.literal(''));

const serverCheck = z.object({
  reachable: z.boolean(), latencyMs: z.number().int().nullable(), skewMs: z.number().int().nullable(),
  serverTime: z.string().nullable(), skewOk: z.boolean(), problemKey: z.string().nullable(),
  problemParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
  certificate: z.object({ fingerprint256: z.string(), pin: z.string(), subject: z.string(), validTo: z.string(), trusted: z.boolean() }).nullable().optional(),
});

const managedUser = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: roleSchema,
  disabled: z.boolean(), createdAt: z.string(), locked: z.boolean(), hasEntries: z.boolean(),
});

const pinPair = { pin: pinSchema, pinConfirm: pinSchema };

export const technicianContract = {
  'printer.get': procedure({ access: ['technician', 'head'], input: empty, output: printerOutputSchema }),
  'printer.save': procedure({ access: ['technician'], mutates: true, input: printerInputSchema, output: printerOutputSchema }),
  /** Prints the test page; answers with what was sent, as text. */
  'printer.testPrint': procedure({ access: ['technician'], mutates: true, input: empty, output: testPrintOutputSchema }),
  /** Probes the printer now (the shell's light uses the background probe). */
  /** The OS's printers (default marked) and serial ports, for the printer form's lists. */
  'printer.discover': procedure({ access: ['technician'], passive: true, input: empty, output: printerDiscoverySchema }),
  'printer.status': procedure({
    access: ['technician', 'head'], passive: true, input: empty,
    output: z.object({ status: printerStatusSchema, checkedAt: z.string().nullable(), target: z.string() }),
  }),

  'diagnostics.get': procedure({
    access: ['technician', 'head'],
    input: z.object({ checkServer: z.boolean().default(true), integrity: z.boolean().default(true) }).strict(),
    output: z.object({
      version: z.string(),
      platform: z.string(),
      node: z.string(),
      dataDir: z.string(),
      disk: z.object({ freeBytes: z.number(), totalBytes: z.number(), low: z.boolean() }).nullable(),
      diskEncryption: diskEncryptionSchema,
      database: z.object({
        path: z.string(), sizeBytes: z.number().int(), integrity: z.array(z.string()).nullable(),
        integrityOk: z.boolean().nullable(), schemaVersion: z.number().int(), entries: z.number().int(),
      }),
      verification: z.object({
        running: z.boolean(),
        progress: z.object({ checked: z.number().int(), total: z.number().int() }).nullable(),
        result: verifyResult.nullable(),
        at: z.string().nullable(),
      }),
      server: z.object({
        url: z.string(), enrolled: z.boolean(), deviceId: z.string(), check: serverCheck.nullable(),
        /** What the TLS connection trusts: the pinned key, or the CA file. */
        tls: z.object({ pin: z.string(), caFile: z.string() }),
      }),
      outbox: z.object({
        online: z.boolean(), waiting: z.number().int(), rejected: z.number().int(),
        lastSyncAt: z.string().nullable(), lastError: z.string().nullable(),
      }),
      printer: z.object({ kind: z.string(), target: z.string(), status: printerStatusSchema, checkedAt: z.string().nullable() }),
      settingsProblem: z.string().nullable(),
      logs: z.object({ dir: z.string(), files: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })) }),
      backup: z.object({ dir: z.string(), dailyAt: z.string(), last: backupItemSchema.nullable() }),
    }),
  }),
  /** Pins the key central presents now, after head office changed it (the technician compared its fingerprint). */
  'central.repin': procedure({
    access: ['technician'],
    mutates: true,
    input: z.object({ pin: z.string().regex(/^sha256\/[A-Za-z0-9+/]{43}=$/, { error: 'tech.diag.repinChanged' }) }).strict(),
    output: z.object({ pin: z.string(), fingerprint256: z.string() }),
  }),
  /** One file with the logs, personal data masked: kept in the data folder and sent back to download. */
  'diagnostics.exportLogs': procedure({
    access: ['technician', 'head'],
    mutates: true,
    input: empty,
    output: z.object({ path: z.string(), fileName: z.string(), bytes: z.number().int(), lines: z.number().int(), base64: z.string() }),
  }),

  'backup.settings': procedure({
    access: ['technician'], input: empty,
    output: z.object({
      dir: z.string(), dailyAt: z.string(), nextRunAt: z.string().nullable(), lastRunAt: z.string().nullable(), lastError: z.string().nullable(),
      /** The branch's recovery key (its public half), or null: then no backup can be made. */
      recoveryKey: recoveryKeyStatus.nullable(),
      headOfficeRecipient: z.string().nullable(),
    }),
  }),
  /** Makes the branch's recovery key (a counter set up before keys existed, or a lost one replaced). */
  'backup.newRecoveryKey': procedure({
    access: ['technician'], mutates: true,
    input: z.object({ replace: z.boolean().default(false) }).strict(),
    output: newRecoveryKeyOutput,
  }),
  /** Prints the key just made on the receipt printer, for the branch safe. */
  'backup.printRecoveryKey': procedure({
    access: ['technician'], mutates: true,
    input: z.object({ identity: recoveryKeyInput.refine((s) => s.trim() !== '', { error: 'err.backup.keyInvalid' }) }).strict(),
    output: printRecoveryKeyOutput,
  }),
  /** The technician stored the key: its public half is saved and every backup is encrypted to it. */
  'backup.confirmRecoveryKey': procedure({
    access: ['technician'], mutates: true,
    input: z.object({ recipient: recipientSchema }).strict(),
    output: recoveryKeyStatus,
  }),
  'backup.saveSettings': procedure({
    access: ['technician'], mutates: true,
    input: z.object({ dir: z.string().trim().max(1024, { error: 'err.backup.dir' }), dailyAt: dailyAtSchema }).strict(),
    output: ok,
  }),
  'backup.now': procedure({
    access: ['technician'], mutates: true,
    input: z.object({ dir: z.string().trim().max(1024, { error: 'err.backup.dir' }).optional() }).strict(),
    output: backupItemSchema,
  }),
  'backup.list': procedure({
    access: ['technician'], input: z.object({ dir: z.string().trim().max(1024).optional() }).strict(),
    output: z.object({ dir: z.string(), items: z.array(backupItemSchema) }),
  }),
  /** Restores a verified backup with the head's approval; takes effect when Loket restarts. */
  'backup.restore': procedure({
    access: ['technician'], mutates: true,
    input: z.object({
      path: z.string().trim().min(1, { error: 'err.backup.path' }).max(1024),
      /** Needed for an encrypted backup; an old plain one is restored without. */
      recoveryKey: recoveryKeyInput.optional(),
      approval: approvalSchema,
    }).strict(),
    output: z.object({ restartRequired: z.literal(true), entries: z.number().int(), pendingPath: z.string() }),
  }),

  'users.list': procedure({ access: ['head', 'technician'], input: empty, output: z.object({ users: z.array(managedUser) }) }),
  'users.create': procedure({
    access: ['head', 'technician'], mutates: true,
    input: z.object({
      username: usernameSchema,
      displayName: z.string().trim().min(2, { error: 'err.users.displayName' }).max(80, { error: 'err.users.displayName' }),
      role: roleSchema,
      ...pinPair,
    }).strict().refine((u) => u.pin === u.pinConfirm, { error: 'err.users.pinMismatch', path: ['pinConfirm'] }),
    output: managedUser,
  }),
  'users.resetPin': procedure({
    access: ['head', 'technician'], mutates: true,
    input: z.object({ userId: z.string().min(1).max(64), ...pinPair }).strict()
      .refine((u) => u.pin === u.pinConfirm, { error: 'err.users.pinMismatch', path: ['pinConfirm'] }),
    output: ok,
  }),
  'users.setDisabled': procedure({
    access: ['head', 'technician'], mutates: true,
    input: z.object({ userId: z.string().min(1).max(64), disabled: z.boolean() }).strict(),
    output: ok,
  }),
} as const;

export type PrinterInput = z.input<typeof printerInputSchema>;
export type BackupItem = z.infer<typeof backupItemSchema>;
export type ManagedUser = z.infer<typeof managedUser>;
