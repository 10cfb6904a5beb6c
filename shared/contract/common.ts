import { z } from 'zod';
import { ROLES } from '../roles';

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });

export const usernameSchema = z.string().trim().toLowerCase()
  .regex(/^[a-z0-9._]{3,32}$/, { error: 'signIn.usernameFormat' });
export const pinSchema = z.string().regex(/^\d{6}$/, { error: 'err.pinFormat' });
export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: roleSchema,
});

/** A head's approval given at any session: user name and PIN of a head. */
export const approvalSchema = z.object({ username: usernameSchema, pin: pinSchema });
