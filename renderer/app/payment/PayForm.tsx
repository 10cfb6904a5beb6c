import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type Output } from '../../../shared/contract';
import type { Quote } from '../../../shared/contract/payment';
import { fieldErrorsFromZod, type MessageParams } from '../../../shared/errors';
import { formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah, parseRupiahInput } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';
import { QuoteTable } from './QuoteTable';

type Options = Output<'payment.options'>;
export type Created = Output<'payment.create'>;
interface Coded { key: string; params?: MessageParams }

/** Months, the amounts, the cash and its change, and "Bayar" (Ctrl+Enter). */
export function PayForm({ options, onPaid }: { options: Options; onPaid(result: Created): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const zone = useShell().info.branch.timeZone;
  const [months, setMonths] = useState<number>(options.offers.includes(1) ? 1 : options.counts[0] ?? 1);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [cash, setCash] = useState('');
  const [errors, setErrors] = useState<{ months?: Coded; cash?: Coded; form?: Coded }>({});
  const [busy, setBusy] = useState(false);
  const cashRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const participantId = options.participant.id;

  useEffect(() => {
    let stale = false;
    setQuote(null);
    api.call('payment.quote', { participantId, months })
      .then((q) => { if (!stale) setQuote(q); })
      .catch((e) => { if (!stale) setErrors({ months: isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' } }); });
    return () => { stale = true; };
  }, [participantId, months]);

  const cashValue = parseRupiahInput(cash);
  const change = quote && cashValue !== null ? cashValue - quote.total : null;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!quote || busy) return;
    const input = { participantId, months, cashTendered: cashValue ?? Number.NaN, expectedTotal: quote.total };
    const parsed = contract['payment.create'].input.safeParse(input);
    if (!parsed.success) {
      const f = fieldErrorsFromZod(parsed.error);
      setErrors({ cash: f.find((x) => x.path === 'cashTendered'), months: f.find((x) => x.path === 'months') });
      cashRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onPaid(await api.call('payment.create', parsed.data));
    } catch (err) {
      if (!isApiError(err)) { setErrors({ form: { key: 'err.internal' } }); return; }
      const onCash = err.fields.find((f) => f.path === 'cashTendered');
      const onMonths = err.fields.find((f) => f.path === 'months');
      setErrors({ cash: onCash, months: onMonths, form: onCash || onMonths ? undefined : { key: err.key, params: err.params } });
      if (onCash) cashRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+Enter pays from anywhere on the form.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); void submit(); }
  };
  const others = options.counts.filter((n) => !options.offers.includes(n));
  const text = (c?: Coded) => (c ? messageText(t, c.key, c.params, zone) : null);

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('payment.title')}>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 1rem' }} aria-describedby={errors.months ? 'pay-months-error' : undefined}>
        <legend style={{ fontWeight: 700, marginBottom: '0.4rem' }}>{t('payment.months.legend')}</legend>
        <div className="row" style={{ flexWrap: 'wrap' }}>
          {options.offers.map((n) => (
            <label key={n} className="row" style={{ gap: '0.3rem', marginRight: '1rem' }}>
              <input
                type="radio" name="pay-months" value={n} checked={months === n} autoFocus={n === months}
                onChange={() => setMonths(n)}
                onKeyDown={(e) => { if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); cashRef.current?.focus(); } }}
              />
              {t('payment.months.option', { count: n })}
            </label>
          ))}
          {others.length > 0 && (
            <label className="row" style={{ gap: '0.3rem' }}>
              {t('payment.months.other')}
              <select
                aria-label={t('payment.months.otherLabel')}
                value={others.includes(months) ? months : ''}
                onChange={(e) => { if (e.target.value) setMonths(Number(e.target.value)); }}
              >
                <option value="">—</option>
                {others.map((n) => <option key={n} value={n}>{t('payment.months.option', { count: n })}</option>)}
              </select>
            </label>
          )}
        </div>
        {quote && <p className="muted" style={{ margin: '0.4rem 0 0' }}>{t('payment.months.range', { from: formatMonth(quote.from, lang), to: formatMonth(quote.to, lang) })}</p>}
        {errors.months && <p id="pay-months-error" className="field-error" role="alert">{text(errors.months)}</p>}
      </fieldset>

      {quote ? <QuoteTable quote={quote} /> : <p className="muted" role="status">{t('payment.quote.loading')}</p>}

      <div className="row" style={{ alignItems: 'flex-start', gap: '2rem', marginTop: '1rem' }}>
        <TextField
          ref={cashRef}
          id="pay-cash"
          label={t('payment.cash.label')}
          hint={t('payment.cash.hint')}
          inputMode="numeric"
          autoComplete="off"
          value={cash}
          onChange={(e) => { setCash(e.target.value); setErrors((x) => ({ ...x, cash: undefined })); }}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.ctrlKey) { e.preventDefault(); submitRef.current?.focus(); } }}
          error={text(errors.cash)}
          style={{ width: '14rem', fontSize: '1.2rem' }}
        />
        <div role="status" aria-live="polite" style={{ paddingTop: '1.6rem' }}>
          {change !== null && change >= 0 && (
            <span>{t('payment.cash.change')}: <strong data-testid="pay-change" style={{ fontSize: '1.3rem' }}>{formatRupiah(change)}</strong></span>
          )}
          {change !== null && change < 0 && <span className="warn-text">{t('payment.cash.short', { amount: formatRupiah(-change) })}</span>}
        </div>
      </div>
      {errors.form && <p className="notice notice-error" role="alert">{text(errors.form)}</p>}
      <button ref={submitRef} type="submit" className="primary" disabled={busy || !quote} aria-keyshortcuts="Control+Enter" style={{ fontSize: '1.1rem', padding: '0.6rem 1.5rem' }}>
        {busy ? t('payment.busy') : t('payment.submit')} <kbd>Ctrl+Enter</kbd>
      </button>
    </form>
  );
}
