import type { Migration } from '../migrate';
import { m0001 } from './0001-foundation';
import { m0002 } from './0002-ledger';

/** Every schema step, in order. Add a new file for each change; never edit a landed one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002];
