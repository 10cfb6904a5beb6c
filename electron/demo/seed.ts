import type { Services } from '../services/services';
import type { Role } from '../../shared/roles';

// The embedded default: KCU Nganjuk (Jawa Timur, WIB) with two counters and demo users.
// Used by `npm run demo` and by the end-to-end tests, written through the real services.

export const DEMO_BRANCH = {
  code: '64400',
  name: 'KCU Nganjuk',
  provinceCode: '35',
  regencyCode: '3518',
  timeZone: 'Asia/Jakarta' as const,
};

export interface DemoUser { username: string; displayName: string; role: Role; pin: string }

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'siti', displayName: 'Siti Rahayu', role: 'teller', pin: '111111' },
  { username: 'agus', displayName: 'Agus Santoso', role: 'teller', pin: '222222' },
  { username: 'kepala', displayName: 'Bambang Wijaya', role: 'head', pin: '123456' },
  { username: 'teknisi', displayName: 'Dedi Kurniawan', role: 'technician', pin: '999999' },
];

export function demoCounterId(counterNumber: number): string {
  return `${DEMO_BRANCH.code}-${String(counterNumber).padStart(2, '0')}`;
}

/** Puts the branch, the counter and the demo users in place when they are not there yet. */
export async function seedDemoCounter(s: Services, counterNumber = 1): Promise<void> {
  const st = s.settings.get();
  if (!st.branch.code) {
    s.settings.update((cur) => ({
      ...cur,
      branch: { ...DEMO_BRANCH },
      counter: { number: counterNumber, id: demoCounterId(counterNumber) },
    }));
  }
  if (s.auth.userCount() === 0) {
    for (const u of DEMO_USERS) await s.auth.createUser(u, null);
  }
}
