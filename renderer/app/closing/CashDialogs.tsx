import { useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { formatRupiah, parseRupiahInput } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import { useFocusTrap } from '../useFocusTrap';
import { useShell } from '../shell-context';
import { toCoded, type Coded } from './common';

// The opening float, cash in/out (head's approval) and the X report, as dialogs over the screen.

function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useFocusTrap<HTMLDivElement>();
  return (
    <div className="overlay" onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); } }}>
      <div ref={ref} className="card" role="dialog" aria-modal="true" aria-labelledby="cash-dialog-title">
        <h2 id="cash-dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

function useForm() {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [fields, setFields] = useState<Record<string, Coded>>({});
  const [error, setError] = useState<Coded | null>(null);
  const [busy, setBusy] = useState(false);
  const text = (c: Coded | null | undefined) => (c ? messageText(t, c.key, c.params, zone) : null);
  async function submit(fn: () => Promise<void>) {
    setBusy(true); setError(null); setFields({});
    try { await fn(); } catch (e) {
      const f: Record<string, Coded> = {};
      if (isApiError(e)) for (const x of e.fields) f[x.path] = { key: x.key, params: x.params };
      setFields(f);
      if (Object.keys(f).length === 0) setError(toCoded(e));
    } finally { setBusy(false); }
  }
  return { fields, error, busy, text, submit, setFields };
}

function Input({ id, label, error, ...rest }: { id: string; label: string; error: string | null } & ComponentProps<'input'>) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function OpeningFloatDialog({ onClose, onDone }: { onClose(): void; onDone(message: string): void }) {
  const { t } = useTranslation();
  const f = useForm();
  const [amount, setAmount] = useState('');
  return (
    <Dialog title={t('closing.ui.openingFloatTitle')} onClose={onClose}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); void f.submit(async () => {
        const value = parseRupiahInput(amount);
        if (value === null) { f.setFields({ amount: { key: 'closing.err.amount' } }); return; }
        const r = await api.call('cash.openingFloat', { amount: value });
        onDone(t('closing.ui.openingFloatDone', { amount: formatRupiah(r.amount) }));
      }); }}>
        <Input id="float-amount" label={t('closing.ui.amount')} inputMode="numeric" autoFocus value={amount}
          onChange={(e) => setAmount(e.target.value)} error={f.text(f.fields.amount)} />
        {f.error && <p className="notice notice-error" role="alert">{f.text(f.error)}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={f.busy}>{t('closing.ui.save')}</button>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('closing.ui.close')} (Esc)</button>
        </div>
      </form>
    </Dialog>
  );
}

export function CashMoveDialog({ onClose, onDone }: { onClose(): void; onDone(message: string): void }) {
  const { t } = useTranslation();
  const f = useForm();
  const [v, setV] = useState({ direction: 'IN' as 'IN' | 'OUT', amount: '', reason: '', username: '', pin: '' });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <Dialog title={t('closing.ui.cashMoveTitle')} onClose={onClose}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); void f.submit(async () => {
        const amount = parseRupiahInput(v.amount);
        if (amount === null) { f.setFields({ amount: { key: 'closing.err.amount' } }); return; }
        const r = await api.call('cash.move', { direction: v.direction, amount, reason: v.reason, approval: { username: v.username, pin: v.pin } });
        onDone(t('closing.ui.moveDone', { kind: t(`closing.kind.${r.kind}`), amount: formatRupiah(Math.abs(r.amount)) }));
      }); }}>
        <fieldset className="row">
          <legend>{t('closing.ui.direction')}</legend>
          {(['IN', 'OUT'] as const).map((d) => (
            <label key={d}><input type="radio" name="direction" value={d} checked={v.direction === d} autoFocus={d === 'IN'}
              onChange={() => setV({ ...v, direction: d })} /> {t(`closing.ui.dir${d}`)}</label>
          ))}
        </fieldset>
        <Input id="move-amount" label={t('closing.ui.amount')} inputMode="numeric" value={v.amount} onChange={set('amount')} error={f.text(f.fields.amount)} />
        <Input id="move-reason" label={t('closing.ui.moveReason')} value={v.reason} maxLength={200} onChange={set('reason')} error={f.text(f.fields.reason)} />
        <Input id="move-approver" label={t('closing.ui.approver')} autoComplete="off" value={v.username} onChange={set('username')} error={f.text(f.fields['approval.username'])} />
        <Input id="move-pin" label={t('closing.ui.approverPin')} type="password" inputMode="numeric" maxLength={6} autoComplete="off"
          value={v.pin} onChange={set('pin')} error={f.text(f.fields['approval.pin'])} />
        {f.error && <p className="notice notice-error" role="alert">{f.text(f.error)}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={f.busy}>{t('closing.ui.save')}</button>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('closing.ui.close')} (Esc)</button>
        </div>
      </form>
    </Dialog>
  );
}

type XReport = Output<'closing.xReport'>;

export function XReportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { info } = useShell();
  const f = useForm();
  const [report, setReport] = useState<XReport | null>(null);
  const load = (print: boolean) => f.submit(async () => setReport(await api.call('closing.xReport', { print })));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  useEffect(() => { void load(false); }, []);
  const e = report?.expected;
  return (
    <Dialog title={report ? t('closing.ui.xTitle', { date: report.businessDate }) : t('closing.ui.xReport')} onClose={onClose}>
      {report && e && (
        <>
          <p className="muted">{t('closing.ui.xAt', { time: formatDateTime(report.at, info.branch.timeZone) })}</p>
          <table className="shortcut-table">
            <tbody>
              <tr><td>{t('closing.expected.openingFloat')}</td><td>{formatRupiah(e.openingFloat)}</td></tr>
              <tr><td>{t('closing.expected.cashPayments')}</td><td>{formatRupiah(e.cashPayments)}</td></tr>
              <tr><td>{t('closing.expected.voided')}</td><td>{formatRupiah(-e.voidedCashPayments)}</td></tr>
              <tr><td>{t('closing.expected.cashIn')}</td><td>{formatRupiah(e.cashIn)}</td></tr>
              <tr><td>{t('closing.expected.cashOut')}</td><td>{formatRupiah(-e.cashOut)}</td></tr>
              <tr><th>{t('closing.expected.expected')}</th><th>{formatRupiah(e.expected)}</th></tr>
              {report.perKind.map((k) => <tr key={k.kind}><td>{t(`closing.kind.${k.kind}`)} ({k.count})</td><td>{formatRupiah(k.amount)}</td></tr>)}
            </tbody>
          </table>
          {report.print && <p role="status">{report.print.printed ? t('closing.ui.printed') : t('closing.ui.notPrinted', { error: t(report.print.errorKey ?? 'err.internal') })}</p>}
        </>
      )}
      {f.error && <p className="notice notice-error" role="alert">{f.text(f.error)}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={f.busy} onClick={() => void load(true)}>{t('closing.ui.xPrint')}</button>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('closing.ui.close')} (Esc)</button>
      </div>
    </Dialog>
  );
}
