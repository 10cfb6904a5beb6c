import { DENOMINATIONS, type CashCount } from '../../shared/domain/cash';
import { occupationGroups } from '../../shared/domain/occupations';
import { addDays } from '../../shared/dates';
import { loadRegionsSync } from '../services/regions';
import type { Services } from '../services/services';
import { rng } from './rng';

// A few weeks of history for the demo branch, written through the same services a teller
// and a head use: registrations, payments, a void, an opening float each day, and each day
// closed against the central server. The clock is moved day by day; nothing is inserted by hand.

const FIRST = ['Siti', 'Sri', 'Dewi', 'Wahyu', 'Agus', 'Budi', 'Joko', 'Slamet', 'Rina', 'Yuni', 'Eko', 'Puji', 'Heru', 'Tri', 'Nur', 'Ahmad'];
const LAST = ['Aminah', 'Rahayu', 'Wati', 'Santoso', 'Susanto', 'Lestari', 'Hidayat', 'Purnomo', 'Suharti', 'Prasetyo', 'Mulyani', 'Setiawan'];
const MOTHERS = ['Sumini', 'Painem', 'Sukarti', 'Tumini', 'Kasmini', 'Suparmi'];

export interface HistoryClock { set(d: Date | null): void }

/** Greedy change-making: the drawer holding exactly `amount` (used for the demo's perfect counts). */
export function countFor(amount: number): CashCount {
  const counts: CashCount = {};
  let rest = amount;
  for (const d of DENOMINATIONS) {
    const n = Math.floor(rest / d.value);
    if (n > 0) { counts[d.id] = n; rest -= n * d.value; }
  }
  return counts;
}

function pad(n: number, w: number) { return String(n).padStart(w, '0'); }

export async function generateDemoHistory(s: Services, clock: HistoryClock, opts: { days?: number; seed?: number; log?: (m: string) => void } = {}): Promise<{ registrations: number; payments: number; days: number }> {
  const r = rng(opts.seed ?? 64400);
  const regions = loadRegionsSync();
  const st = s.settings.get();
  const districts = regions.districtsOf(st.branch.regencyCode);
  const occupations = occupationGroups().flatMap((g) => g.items);
  const users = s.auth.listUsers();
  const tellers = users.filter((u) => u.role === 'teller').map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName }));
  const headUser = users.find((u) => u.role === 'head')!;
  const head = { userId: headUser.id, username: headUser.username, displayName: headUser.displayName };
  const headPin = '123456';
  const savedPrinter = st.printer;
  s.settings.update((c) => ({ ...c, printer: { ...c.printer, kind: 'none' } })); // no paper for history
  const today = s.businessDate();
  const participants: string[] = [];
  let registrations = 0;
  let payments = 0;
  let days = 0;
  let voided = false;
  try {
    for (let back = opts.days ?? 21; back >= 1; back--) {
      const date = addDays(today, -back);
      if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) continue; // closed on Sundays
      const at = (hour: number, minute: number) => new Date(`${date}T${pad(hour, 2)}:${pad(minute, 2)}:00+07:00`);
      clock.set(at(7, 30));
      s.closing.cash.openingFloat(head, 200_000);
      const regs = 2 + Math.floor(r() * 5);
      for (let i = 0; i < regs; i++) {
        const teller = tellers[Math.floor(r() * tellers.length)];
        clock.set(at(8 + i, Math.floor(r() * 59)));
        const district = districts[Math.floor(r() * districts.length)];
        const villages = regions.villagesOf(district.code);
        const village = villages[Math.floor(r() * villages.length)];
        const female = r() < 0.5;
        const y = 1966 + Math.floor(r() * 38);
        const m = 1 + Math.floor(r() * 12);
        const d = 1 + Math.floor(r() * 28);
        const nik = `${district.code}${pad(female ? d + 40 : d, 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(1 + Math.floor(r() * 9000), 4)}`;
        const occupation = occupations[Math.floor(r() * occupations.length)];
        try {
          const created = await s.registration.create({
            nik, name: `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`,
            birthPlace: 'Nganjuk', birthDate: `${y}-${pad(m, 2)}-${pad(d, 2)}`, sex: female ? 'F' : 'M',
            motherName: MOTHERS[Math.floor(r() * MOTHERS.length)], phone: `08${pad(1200000000 + Math.floor(r() * 800000000), 10)}`,
            address: `Jl. Raya ${1 + Math.floor(r() * 200)}, ${village.name}`,
            provinceCode: st.branch.provinceCode, regencyCode: st.branch.regencyCode, districtCode: district.code, villageCode: village.code,
            occupationCode: occupation.code, incomeBand: 1 + Math.floor(r() * 4), jht: r() < 0.3,
          }, teller);
          const participantId = (created as { participant: { id: string } }).participant.id;
          participants.push(participantId);
          registrations++;
          // Most pay their first month at once; some pay three.
          if (r() < 0.8) {
            const months = r() < 0.25 ? 3 : 1;
            const quote = await s.payment.quote(participantId, months);
            const total = (quote as { total: number }).total;
            const paid = await s.payment.create({ participantId, months, cashTendered: Math.ceil(total / 50_000) * 50_000 }, teller);
            payments++;
            if (!voided && back <= 7) {
              // One void in the history: the head corrects a payment taken for the wrong person.
              clock.set(at(8 + i, 59));
              await s.payment.void({ entryId: paid.entryId, reason: 'Salah peserta, dibatalkan', approval: { username: head.username, pin: headPin } }, teller);
              voided = true;
            }
          }
        } catch (e) {
          opts.log?.(`demo history: skipped one registration (${e instanceof Error ? e.message : String(e)})`);
        }
      }
      // Returning workers pay their next month.
      for (let k = 0; k < Math.min(participants.length, 3); k++) {
        const pid = participants[Math.floor(r() * participants.length)];
        clock.set(at(14, 10 + k));
        try {
          const quote = await s.payment.quote(pid, 1);
          await s.payment.create({ participantId: pid, months: 1, cashTendered: Math.ceil((quote as { total: number }).total / 10_000) * 10_000 }, tellers[k % tellers.length]);
          payments++;
        } catch { /* paid up already: fine */ }
      }
      // The head closes the day.
      clock.set(at(16, 30));
      s.closing.start(head, date);
      await s.sync.drainOnce();
      await s.closing.reconcile(head);
      const probe = s.closing.count(head, {});
      const counts = countFor(probe.expected.expected);
      s.closing.count(head, counts);
      await s.closing.confirm(head, { counts, pin: headPin });
      days++;
    }
  } finally {
    clock.set(null);
    s.settings.update((c) => ({ ...c, printer: savedPrinter }));
  }
  opts.log?.(`demo history: ${days} days, ${registrations} registrations, ${payments} payments`);
  return { registrations, payments, days };
}
