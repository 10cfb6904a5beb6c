import type { Migration } from '../migrate';
import { m0001 } from './0001-foundation';

/** Every schema step, in order. Add a new file for each change; never edit a landed one. */
export const MIGRATIONS: readonly Migration[] = [m0001];
