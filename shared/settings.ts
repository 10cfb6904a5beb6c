import { z } from 'zod';
import { RECIPIENT_RE } from './recovery-key';

// One schema for the counter's settings, used by electron-store in Electron and by `conf`
// in plain Node. Every value has a default so a fresh install starts in a known state.

const timeZone = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

// Every field has a default, so a settings file written before `system` and `serial` existed
// (kind, host, port, filePath, paper) still loads unchanged.
export const PRINTER_KINDS = ['none', 'virtual', 'network', 'file', 'system', 'serial'] as const;
export const PRINTER_CODE_PAGES = ['PC858_EURO', 'WPC1252', 'PC437_USA'] as const;
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

export const printerSettingsSchema = z.object({
  kind: z.enum(PRINTER_KINDS).default('none'),
  host: z.string().max(255).default('127.0.0.1'),
  port: z.number().int().min(1).max(65535).default(9100),
  filePath: z.string().max(1024).default(''),
  /** `system`: the OS printer's name (CUPS queue, Windows printer), as discovery lists it. */
  printerName: z.string().max(255).default(''),
  /** `serial`: COM3, /dev/ttyUSB0, /dev/rfcomm0 (a paired Bluetooth printer). */
  serialPath: z.string().max(255).default(''),
  baudRate: z.number().int().min(1200).max(921600).default(9600),
  /** The code page selected with ESC t; text outside it is transliterated. */
  codePage: z.enum(PRINTER_CODE_PAGES).default('PC858_EURO'),
  /** A cash drawer hangs on the printer: kick it (ESC p) with the receipt of a cash payment. */
  cashDrawer: z.boolean().default(false),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  charsPerLine: z.number().int().min(24).max(64).default(48),
});

export const settingsSchema = z.object({
  language: z.enum(['id', 'en']).default('id'),
  branch: z.object({
    code: z.string().max(32).default(''),
    name: z.string().max(120).default(''),
    provinceCode: z.string().regex(/^\d{2}$/).or(z.literal('')).default(''),
    regencyCode: z.string().regex(/^\d{4}$/).or(z.literal('')).default(''),
    timeZone: timeZone.default('Asia/Jakarta'),
  }).prefault({}),
  counter: z.object({
    number: z.number().int().min(1).max(99).default(1),
    id: z.string().max(64).default(''),
  }).prefault({}),
  central: z.object({
    url: z.string().max(512).default(''),
    deviceId: z.string().max(64).default(''),
    token: z.string().max(512).default(''),
    /** `sha256/<base64>`: the server's public key pinned at enrolment (https); renewals with the same key go on. */
    tlsPin: z.string().regex(/^sha256\/[A-Za-z0-9+/]{43}=$/).or(z.literal('')).default(''),
    /** A CA file (PEM) the technician installed: head office's own CA, instead of a pin. */
    caFile: z.string().max(1024).default(''),
  }).prefault({}),
  printer: printerSettingsSchema.prefault({}),
  /** Backups of the ledger file (technician): where to and the daily hour, in the branch's zone. */
  backup: z.object({
    dir: z.string().max(1024).default(''),
    dailyAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'err.backup.dailyAt' }).or(z.literal('')).default('18:00'),
    /** The PUBLIC half (`age1…`) of the branch's recovery key; the secret is only on paper. */
    recoveryRecipient: z.string().regex(RECIPIENT_RE).or(z.literal('')).default(''),
    recoveryKeyCreatedAt: z.string().max(40).default(''),
    /** Head office's public key, when central handed one out at enrolment. */
    headOfficeRecipient: z.string().regex(RECIPIENT_RE).or(z.literal('')).default(''),
  }).prefault({}),
  security: z.object({
    lockoutAttempts: z.number().int().min(1).max(20).default(5),
    lockoutMinutes: z.number().int().min(1).max(24 * 60).default(5),
    idleLockMinutes: z.number().int().min(1).max(240).default(10),
  }).prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;
export type BackupSettings = Settings['backup'];

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
