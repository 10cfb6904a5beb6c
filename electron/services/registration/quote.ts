import type { Quote } from '../../../shared/contract/registration';
import { priceMonth } from '../../../shared/domain/contribution';
import { isTransportOccupation } from '../../../shared/domain/occupations';
import { rates } from '../../../shared/domain/rates';
import { AppError } from '../../../shared/errors';
import { PROGRAMS } from '../../../shared/ledger/entry';

export interface QuoteInput { incomeBand?: number; declaredIncome?: number; jht: boolean; occupationCode?: string }

/**
 * The monthly contribution for `month` from the effective-dated table: per program, full,
 * reduced and due, and the reduction (PP 50/2025) as its own line. The occupation's transport
 * flag decides which reduction window applies.
 */
export function quoteMonth(input: QuoteInput, month: string): Quote {
  const transport = input.occupationCode ? isTransportOccupation(input.occupationCode) : false;
  const choice = input.incomeBand !== undefined ? { bandNo: input.incomeBand } : input.declaredIncome !== undefined ? { declaredIncome: input.declaredIncome } : null;
  if (!choice) throw new AppError('INVALID_INPUT', 'err.registration.incomeBand', undefined, [{ path: 'incomeBand', key: 'err.registration.incomeBand' }]);
  let price;
  try {
    price = priceMonth({ ...choice, jht: input.jht, transport, month });
  } catch (e) {
    // An unknown band: the error belongs next to the band select.
    if (e instanceof AppError && e.key === 'err.contribution.band') {
      throw new AppError('INVALID_INPUT', 'err.registration.incomeBand', e.params, [{ path: 'incomeBand', key: 'err.registration.incomeBand' }]);
    }
    throw e;
  }
  const programs = PROGRAMS.filter((p) => price.programs.includes(p)).map((code) => ({
    code, full: price.full[code], reduction: price.reduction?.[code] ?? 0, due: price.due[code],
  }));
  const reductionAmount = programs.reduce((s, p) => s + p.reduction, 0);
  return {
    month,
    band: { no: price.band.no, dpp: price.band.dpp, incomeFrom: price.band.incomeFrom, incomeTo: price.band.incomeTo },
    transport,
    programs,
    reduction: price.reduction && reductionAmount > 0
      ? { id: price.reduction.id, regulation: price.reduction.regulation, amount: reductionAmount }
      : null,
    totalFull: programs.reduce((s, p) => s + p.full, 0),
    total: price.total,
  };
}

export function bandsOf(month: string) {
  return rates.listBands(month).map((b) => ({ no: b.no, incomeFrom: b.incomeFrom, incomeTo: b.incomeTo, dpp: b.dpp }));
}
