import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorLine, useAction } from './common';

type Progress = Output<'closing.progress'>;

/** Step 1: OPEN → CLOSING, then the push of what waits, with a progress bar. */
export function StartStep({ dayState, onStarted, onNext, onCancelled }: {
  dayState: 'OPEN' | 'CLOSING' | 'CLOSED'; onStarted(): void; onNext(): void; onCancelled(): void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    if (dayState !== 'CLOSING') return;
    let stop = false;
    const poll = async () => {
      try {
        const p = await api.call('closing.progress', {});
        if (!stop) setProgress(p);
        if (!stop && p.push.running) setTimeout(() => void poll(), 400);
      } catch { /* the status bar shows the connection */ }
    };
    void poll();
    return () => { stop = true; };
  }, [dayState]);

  const push = progress?.push;
  const total = Math.max(push?.total ?? 0, 1);
  const done = push ? Math.max(0, total - push.waiting) : 0;

  return (
    <div>
      {dayState === 'OPEN' && (
        <>
          <p>{t('closing.ui.startHint')}</p>
          <button type="button" className="primary" disabled={busy} autoFocus
            onClick={() => void run(async () => { await api.call('closing.start', {}); onStarted(); })}>
            {t('closing.ui.start')}
          </button>
        </>
      )}
      {dayState === 'CLOSING' && (
        <>
          <label htmlFor="closing-progress">{t('closing.ui.progressLabel')}</label>
          <progress id="closing-progress" max={total} value={done}>
            {done}/{total}
          </progress>
          <p aria-live="polite">
            {!push || push.running ? t('closing.ui.pushing')
              : push.error && push.waiting > 0 ? t('closing.ui.pushOffline', { waiting: push.waiting })
                : t('closing.ui.pushDone', { sent: push.sent, waiting: push.waiting })}
          </p>
          <div className="row">
            <button type="button" className="primary" autoFocus disabled={push?.running} onClick={onNext}>{t('closing.ui.next')}</button>
            <button type="button" disabled={busy} onClick={() => void run(async () => { await api.call('closing.cancel', {}); onCancelled(); })}>
              {t('closing.ui.cancel')}
            </button>
          </div>
        </>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
