import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { FindParticipant } from './FindParticipant';
import { ParticipantPanel } from './ParticipantPanel';
import { PayForm, type Created } from './PayForm';
import { PaymentDone } from './PaymentDone';
import { takePendingParticipant } from './handoff';
import { CorrectionDialog } from './CorrectionDialog';
import { DataReportDialog } from './DataReportDialog';
import { ErasureDialog } from './ErasureDialog';

type Options = Output<'payment.options'>;
type Step = { at: 'find' } | { at: 'pay'; options: Options } | { at: 'done'; result: Created };

/** Pembayaran iuran: find the participant, choose the months, take the cash, print the receipt. */
export function PaymentScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [step, setStep] = useState<Step>({ at: 'find' });
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [correcting, setCorrecting] = useState<Output<'participants.get'> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [erasing, setErasing] = useState<{ id: string; name: string } | null>(null);
  const isHead = useShell().user.role === 'head';

  const open = useCallback(async (participantId: string) => {
    setError(null);
    setNotice(null);
    try {
      setStep({ at: 'pay', options: await api.call('payment.options', { participantId }) });
    } catch (e) {
      setError(isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' });
    }
  }, []);

  const startCorrection = async (participantId: string) => {
    setNotice(null);
    try {
      setCorrecting(await api.call('participants.get', { id: participantId }));
    } catch (e) {
      setError(isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' });
    }
  };

  // A new participant's KPJ number comes from central when the registration syncs: while it is
  // awaited, each status poll (the shell's, every few seconds) reads the participant again, and
  // the number appears on the open screen without the teller reopening it.
  const { status } = useShell();
  const awaitingKpj = step.at === 'pay' && !step.options.participant.kpj ? step.options.participant.id : null;
  useEffect(() => {
    if (!awaitingKpj) return;
    let live = true;
    api.call('payment.options', { participantId: awaitingKpj }).then((fresh) => {
      if (!live || !fresh.participant.kpj) return;
      setStep((cur) => (cur.at === 'pay' && cur.options.participant.id === awaitingKpj
        ? { at: 'pay', options: { ...cur.options, participant: fresh.participant } } : cur));
    }, () => undefined); // offline: the next poll tries again
    return () => { live = false; };
  }, [awaitingKpj, status]);

  // Arriving from registration (or history) with a participant already chosen.
  useEffect(() => {
    const id = takePendingParticipant();
    if (id) void open(id);
  }, [open]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('screen.payment')}</h1>
      {error && <p className="notice notice-error" role="alert">{messageText(t, error.key, error.params, zone)}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      {step.at === 'find' && <FindParticipant onPicked={(id) => void open(id)} />}
      {step.at === 'pay' && (
        <>
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            {step.options.participant.origin === 'local' && (
              <button type="button" className="ghost" onClick={() => void startCorrection(step.options.participant.id)}>{t('correction.open')}</button>
            )}
            <button type="button" className="ghost" onClick={() => setReporting(step.options.participant.id)}>{t('dataReport.open')}</button>
            {isHead && (
              <button type="button" className="ghost" onClick={() => setErasing({ id: step.options.participant.id, name: step.options.participant.name })}>{t('erasure.open')}</button>
            )}
            <button type="button" className="ghost" onClick={() => setStep({ at: 'find' })}>{t('payment.find.change')}</button>
          </div>
          <ParticipantPanel options={step.options} />
          {step.options.counts.length > 0 && <PayForm key={step.options.participant.id} options={step.options} onPaid={(result) => setStep({ at: 'done', result })} />}
        </>
      )}
      {erasing && (
        <ErasureDialog
          participantId={erasing.id} name={erasing.name}
          onCancel={() => setErasing(null)}
          onDone={(r) => {
            setErasing(null);
            setStep({ at: 'find' });
            setNotice(t('erasure.done', { versions: r.versionsErased }));
          }}
        />
      )}
      {reporting && <DataReportDialog participantId={reporting} onClose={() => setReporting(null)} />}
      {correcting && (
        <CorrectionDialog
          participant={correcting}
          onCancel={() => setCorrecting(null)}
          onDone={(r) => {
            setCorrecting(null);
            void open(r.participant.id).then(() => setNotice(t('correction.done', { version: r.version })));
          }}
        />
      )}
      {step.at === 'done' && <PaymentDone result={step.result} onNext={() => setStep({ at: 'find' })} />}
    </section>
  );
}
