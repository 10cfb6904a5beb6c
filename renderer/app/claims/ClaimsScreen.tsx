import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import { FindParticipant } from '../payment/FindParticipant';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { ClaimDone } from './ClaimDone';
import { ClaimForm } from './ClaimForm';
import { ClaimStatusView } from './ClaimStatusView';
import { RecentClaims } from './RecentClaims';

type Types = Output<'claims.types'>;
export type CreatedClaim = Output<'claims.create'>;
type Step = { at: 'find' } | { at: 'form'; types: Types } | { at: 'done'; result: CreatedClaim } | { at: 'status'; claimId: string };

/** Klaim: find the participant, choose the claim type, tick the documents, attach the scans, submit, print; later the status. */
export function ClaimsScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [step, setStep] = useState<Step>({ at: 'find' });
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);

  const open = useCallback(async (participantId: string) => {
    setError(null);
    try {
      setStep({ at: 'form', types: await api.call('claims.types', { participantId }) });
    } catch (e) {
      setError(isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' });
    }
  }, []);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('screen.claims')}</h1>
      {error && <p className="notice notice-error" role="alert">{messageText(t, error.key, error.params, zone)}</p>}
      {step.at === 'find' && (
        <>
          <FindParticipant onPicked={(id) => void open(id)} />
          <RecentClaims onOpen={(claimId) => setStep({ at: 'status', claimId })} />
        </>
      )}
      {step.at === 'form' && (
        <>
          <div className="row" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="ghost" onClick={() => setStep({ at: 'find' })}>{t('claims.change')}</button>
          </div>
          <ClaimForm key={step.types.participant.id} types={step.types} onCreated={(result) => setStep({ at: 'done', result })} />
        </>
      )}
      {step.at === 'done' && (
        <ClaimDone result={step.result} onStatus={() => setStep({ at: 'status', claimId: step.result.claim.id })} onNext={() => setStep({ at: 'find' })} />
      )}
      {step.at === 'status' && <ClaimStatusView claimId={step.claimId} onBack={() => setStep({ at: 'find' })} />}
    </section>
  );
}
