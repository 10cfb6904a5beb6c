import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countLines, countTotal, DENOMINATIONS, type CashCount, type DenominationId } from '../../../shared/domain/cash';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import { ErrorLine, useAction, type CountResult } from './common';

export type CountText = Partial<Record<DenominationId, string>>;

/** What was typed, as counts; null for a row that is not a whole number. */
export function parseCounts(text: CountText): { counts: CashCount; bad: DenominationId[] } {
  const counts: CashCount = {};
  const bad: DenominationId[] = [];
  for (const d of DENOMINATIONS) {
    const raw = (text[d.id] ?? '').trim();
    if (raw === '') continue;
    if (!/^\d{1,6}$/.test(raw)) { bad.push(d.id); continue; }
    const n = Number(raw);
    if (n > 0) counts[d.id] = n;
  }
  return { counts, bad };
}

/**
 * Step 3: the blind count. Quantities per denomination typed with the keyboard (Enter moves
 * down the list, the totals follow live); the expected cash is not shown until submitted.
 */
export function CountStep({ text, onChange, onCounted }: { text: CountText; onChange(t: CountText): void; onCounted(r: CountResult): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const submitRef = useRef<HTMLButtonElement>(null);
  const { counts, bad } = parseCounts(text);
  const lines = countLines(counts);
  const total = countTotal(counts);

  const onKey = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const next = inputs.current[i + 1];
    if (next) next.focus();
    else submitRef.current?.focus();
  };

  const submit = () => void run(async () => onCounted(await api.call('closing.count', { counts })));

  return (
    <form onSubmit={(e) => { e.preventDefault(); if (bad.length === 0) submit(); }} noValidate>
      <p id="count-hint" className="muted">{t('closing.ui.countHint')}</p>
      <table className="shortcut-table" aria-label={t('closing.ui.countTitle')}>
        <tbody>
          {DENOMINATIONS.map((d, i) => {
            const id = `count-${d.id}`;
            const invalid = bad.includes(d.id);
            const label = t(d.form === 'note' ? 'closing.ui.note' : 'closing.ui.coin', { value: formatRupiah(d.value) });
            return (
              <tr key={d.id}>
                <td><label htmlFor={id}>{label}{'optional' in d && d.optional ? ` ${t('closing.ui.optional')}` : ''}</label></td>
                <td>
                  <input id={id} ref={(el) => { inputs.current[i] = el; }} inputMode="numeric" autoComplete="off" size={6}
                    autoFocus={i === 0} value={text[d.id] ?? ''} aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? `${id}-error` : 'count-hint'}
                    onKeyDown={onKey(i)} onChange={(e) => onChange({ ...text, [d.id]: e.target.value })} />
                  {invalid && <span id={`${id}-error`} className="field-error" role="alert">{t('closing.err.countInteger')}</span>}
                </td>
                <td aria-label={t('closing.ui.subtotal')}>{formatRupiah(lines[i].subtotal)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr><th colSpan={2}>{t('closing.ui.counted')}</th><th aria-live="polite" data-testid="counted-total">{formatRupiah(total)}</th></tr>
        </tfoot>
      </table>
      <ErrorLine error={error} />
      <button ref={submitRef} type="submit" className="primary" disabled={busy || bad.length > 0}>{t('closing.ui.submitCount')}</button>
    </form>
  );
}
