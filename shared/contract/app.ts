import { z } from 'zod';
import { procedure } from './define';
import { empty, ok, roleSchema } from './common';

const timeZone = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

export const appContract = {
  /** What the shell shows before and after sign-in. */
  'app.info': procedure({
    access: 'public',
    passive: true,
    input: empty,
    output: z.object({
      version: z.string(),
      branch: z.object({ code: z.string(), name: z.string(), timeZone, zoneLabel: z.enum(['WIB', 'WITA', 'WIT']) }),
      counter: z.object({ number: z.number().int(), id: z.string() }),
      businessDate: z.string(),
      language: z.enum(['id', 'en']),
      setupNeeded: z.boolean(),
      settingsProblem: z.string().nullable(),
    }),
  }),
  'app.setLanguage': procedure({
    access: 'public',
    mutates: true,
    input: z.object({ language: z.enum(['id', 'en']) }).strict(),
    output: ok,
  }),
  /** The shell's status bar: connection, outbox, printer, business day. Polled. */
  'status.get': procedure({
    access: ['teller', 'head', 'technician'],
    passive: true,
    whileLocked: true,
    input: empty,
    output: z.object({
      online: z.boolean(),
      waiting: z.number().int(),
      lastSyncAt: z.string().nullable(),
      lastError: z.string().nullable(),
      /** A drain under way: "mengirim 120 dari 480". */
      sending: z.object({ sent: z.number().int(), total: z.number().int() }).nullable(),
      /** The last batch's round trip and throughput (bytes/s on the wire). */
      link: z.object({ lastMs: z.number().int().nullable(), bytesPerSecond: z.number().int().nullable() }),
      printer: z.enum(['ready', 'offline', 'paperOut', 'coverOpen', 'none', 'unknown']),
      businessDate: z.string(),
      dayState: z.enum(['OPEN', 'CLOSING', 'CLOSED']),
      role: roleSchema,
    }),
  }),
} as const;
