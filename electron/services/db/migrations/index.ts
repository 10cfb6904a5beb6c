import type { Migration } from '../migrate';
import { m0001 } from './0001-foundation';
import { m0002 } from './0002-ledger';
import { m0003 } from './0003-print-queue';
import { m0004 } from './0004-participants';
import { m0005 } from './0005-participant-search';
import { m0006 } from './0006-payments';
import { m0007 } from './0007-closing';
import { m0009 } from './0009-monitoring';
import { m0010 } from './0010-claims';
import { m0011 } from './0011-partial-ref-index';
import { m0012 } from './0012-receipt-number-index';
import { m0013 } from './0013-shallow-search-triggers';
import { m0014 } from './0014-personal-data';
import { m0015 } from './0015-fewer-pages-per-commit';

/** Every schema step, in order. Add a new file for each change; never edit a landed one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0009, m0010, m0011, m0012, m0013, m0014, m0015];
