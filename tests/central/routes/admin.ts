import type { CentralAdmin } from '../admin';
import {
  adminAlterSchema, adminBranchSchema, adminEnrolCodeSchema, adminPeriodsSchema, adminPlantSchema, adminSeedSchema,
} from '../admin-schemas';
import type { Route } from '../context';
import { validate } from '../http';

// /admin endpoints for the demo and for tests that drive central from outside the process.
// Guarded by the X-Admin-Secret header (checked by the server before these run).

export function adminRoutes(admin: CentralAdmin): Route[] {
  return [
    {
      method: 'POST', path: '/admin/branches', auth: 'admin',
      handle: ({ body }) => ({ body: admin.createBranch(validate(adminBranchSchema, body)) }),
    },
    {
      method: 'POST', path: '/admin/enrol-codes', auth: 'admin',
      handle: ({ body }) => ({ body: admin.createEnrolCode(validate(adminEnrolCodeSchema, body)) }),
    },
    {
      method: 'POST', path: '/admin/entries:plant', auth: 'admin',
      handle: ({ body }) => ({ body: admin.plantEntry(validate(adminPlantSchema, body).entry) }),
    },
    {
      method: 'POST', path: '/admin/entries:alter', auth: 'admin',
      handle: ({ body }) => ({ body: { changed: admin.alterEntry(validate(adminAlterSchema, body)) } }),
    },
    {
      method: 'PUT', path: '/admin/periods', auth: 'admin',
      handle: ({ body }) => {
        const v = validate(adminPeriodsSchema, body);
        return { body: { periods: admin.setPeriods(v.periods, v.branchTargets) } };
      },
    },
    {
      method: 'POST', path: '/admin/seed-branches', auth: 'admin',
      handle: ({ body }) => ({ body: admin.seedBranches(validate(adminSeedSchema, body)) }),
    },
    { method: 'GET', path: '/admin/stats', auth: 'admin', handle: () => ({ body: admin.counts() }) },
  ];
}
