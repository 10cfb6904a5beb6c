import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { CashMoveDialog, OpeningFloatDialog, XReportDialog } from './CashDialogs';
import { ErrorLine, toCoded, type Coded, type Confirmed, type CountResult, type Recon } from './common';
import { ConfirmStep } from './ConfirmStep';
import { CountStep, parseCounts, type CountText } from './CountStep';
import { ReconcileStep } from './ReconcileStep';
import { ClosingHistory, ReportStep } from './ReportStep';
import { StartStep } from './StartStep';

type Status = Output<'closing.status'>;
const STEPS = ['start', 'reconcile', 'count', 'confirm', 'report'] as const;
type Step = (typeof STEPS)[number];

/**
 * Tutup Hari (head only): a stepper from starting the closing to the report, the closing
 * history, and the day's cash dialogs (opening float, cash in/out, X report).
 */
export function ClosingScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const { lang } = useShell();
  const [status, setStatus] = useState<Status | null>(null);
  const [step, setStep] = useState<Step>('start');
  const [recon, setRecon] = useState<Recon | null>(null);
  const [countText, setCountText] = useState<CountText>({});
  const [counted, setCounted] = useState<CountResult | null>(null);
  const [done, setDone] = useState<Confirmed | null>(null);
  const [dialog, setDialog] = useState<'float' | 'move' | 'x' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<Coded | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const s = await api.call('closing.status', {});
      setStatus(s);
      return s;
    } catch (e) {
      setError(toCoded(e));
      return null;
    }
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);

  // A changed count is a new count: the expected cash hides again until it is submitted.
  const changeCount = (next: CountText) => { setCountText(next); setCounted(null); if (step === 'confirm') setStep('count'); };
  const closeDialog = (message?: string) => { setDialog(null); if (message) setNote(message); void refresh(); };

  const dayState = status?.dayState ?? 'OPEN';
  const date = status?.businessDate;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('screen.closing')}</h1>
      {date && <p>{t('closing.ui.intro', { date: formatDate(date, lang) })}</p>}
      {status && status.unacked.length > 0 && (
        <p className="notice notice-warn" role="status">
          {t('closing.ui.unacked', { dates: status.unacked.map((u) => formatDate(u.businessDate, lang)).join(', ') })}
        </p>
      )}
      <div className="row">
        <span>{t('closing.ui.dayState', { state: t(`closing.ui.state.${dayState}`) })}</span>
        {status?.openingFloat != null && <span className="badge">{t('closing.ui.floatRecorded', { amount: formatRupiah(status.openingFloat) })}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => setDialog('float')} disabled={dayState !== 'OPEN' || status?.openingFloat != null}>{t('closing.ui.openingFloat')}</button>
        <button type="button" onClick={() => setDialog('move')} disabled={dayState !== 'OPEN'}>{t('closing.ui.cashMove')}</button>
        <button type="button" onClick={() => setDialog('x')}>{t('closing.ui.xReport')}</button>
      </div>
      {note && <p role="status">{note}</p>}
      <ErrorLine error={error} />

      <nav aria-label={t('screen.closing')}>
        {/* The numbers are in the text: the list draws no markers of its own (they doubled them). */}
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined}>
              {s === step ? <strong>{i + 1}. {t(`closing.ui.steps.${s}`)}</strong> : <span className="muted">{i + 1}. {t(`closing.ui.steps.${s}`)}</span>}
            </li>
          ))}
        </ol>
      </nav>
      <h2>{t('closing.ui.stepLabel', { n: STEPS.indexOf(step) + 1, name: t(`closing.ui.steps.${step}`) })}</h2>

      {step === 'start' && status && (dayState !== 'CLOSED' || done) && (
        <StartStep dayState={dayState} onStarted={() => void refresh()} onNext={() => setStep('reconcile')}
          onCancelled={() => { setRecon(null); setCounted(null); void refresh(); }} />
      )}
      {step === 'start' && dayState === 'CLOSED' && !done && <p>{t('closing.ui.closed', { date: formatDate(date ?? '', lang) })}</p>}
      {step === 'reconcile' && <ReconcileStep recon={recon} onDone={setRecon} onNext={() => setStep('count')} />}
      {step === 'count' && (
        <>
          <h3>{t('closing.ui.countTitle')}</h3>
          <CountStep text={countText} onChange={changeCount} onCounted={(r) => { setCounted(r); setStep('confirm'); }} />
        </>
      )}
      {step === 'confirm' && counted && (
        <ConfirmStep result={counted} counts={parseCounts(countText).counts}
          onConfirmed={(r) => { setDone(r); setStep('report'); setHistoryKey((k) => k + 1); void refresh(); }} />
      )}
      {step === 'confirm' && counted && (
        <button type="button" className="ghost" onClick={() => setStep('count')}>{t('action.back')}</button>
      )}
      {step === 'report' && done && <ReportStep done={done} />}

      <ClosingHistory refresh={historyKey} />

      {dialog === 'float' && <OpeningFloatDialog onClose={() => closeDialog()} onDone={closeDialog} />}
      {dialog === 'move' && <CashMoveDialog onClose={() => closeDialog()} onDone={closeDialog} />}
      {dialog === 'x' && <XReportDialog onClose={() => closeDialog()} />}
    </section>
  );
}
