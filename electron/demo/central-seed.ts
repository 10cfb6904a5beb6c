import type { CentralAdmin } from '../../tests/central/admin';
import { DEMO_BRANCH } from './seed';

/** The demo branch and other branches at the central double, so standings are real. */
export function prepareDemoCentral(admin: CentralAdmin): void {
  admin.createBranch({ ...DEMO_BRANCH });
  if (admin.counts().branches <= 1) admin.seedBranches({ seed: 2026, count: 40 });
}
