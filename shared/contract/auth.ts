import { z } from 'zod';
import { procedure } from './define';
import { empty, ok, pinSchema, userSchema, usernameSchema } from './common';

export const authContract = {
  'auth.signIn': procedure({
    access: 'public',
    mutates: true,
    input: z.object({ username: usernameSchema, pin: pinSchema }).strict(),
    output: z.object({ session: z.string(), user: userSchema, idleLockMinutes: z.number().int() }),
  }),
  'auth.me': procedure({
    access: ['teller', 'head', 'technician'],
    whileLocked: true,
    passive: true,
    input: empty,
    output: z.object({ user: userSchema, locked: z.boolean(), idleLockMinutes: z.number().int() }),
  }),
  /** The teller is active in the UI (typing, clicking) without calling anything else. */
  'auth.touch': procedure({
    access: ['teller', 'head', 'technician'],
    input: empty,
    output: ok,
  }),
  'auth.unlock': procedure({
    access: ['teller', 'head', 'technician'],
    whileLocked: true,
    mutates: true,
    input: z.object({ pin: pinSchema }).strict(),
    output: ok,
  }),
  'auth.lock': procedure({
    access: ['teller', 'head', 'technician'],
    whileLocked: true,
    mutates: true,
    input: empty,
    output: ok,
  }),
  'auth.signOut': procedure({
    access: ['teller', 'head', 'technician'],
    whileLocked: true,
    mutates: true,
    input: z.object({ reason: z.enum(['user', 'idle']).default('user') }).strict(),
    output: ok,
  }),
} as const;
