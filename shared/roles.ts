export const ROLES = ['teller', 'head', 'technician'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a procedure: a list of roles, or `public` (no session needed: sign-in, app info). */
export type Access = readonly Role[] | 'public';

/** Roles that see money (payments, cash, closing). A technician never does. */
export const MONEY_ROLES: readonly Role[] = ['teller', 'head'];
