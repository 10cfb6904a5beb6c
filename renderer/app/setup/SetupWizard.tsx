import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { messageText } from '../../i18n';
import { LanguageButton } from '../LanguageButton';
import type { AppInfo } from '../shell-context';
import { PrinterForm } from '../technician/PrinterForm';
import { RecoveryKeyCard } from '../technician/RecoveryKeyCard';
import { EnrolStep, enrolledText } from './EnrolStep';
import { ServerStep } from './ServerStep';
import { UsersStep } from './UsersStep';

type Step = 'server' | 'enrol' | 'printer' | 'recovery' | 'users' | 'done';
const NUMBERED: Step[] = ['server', 'enrol', 'printer', 'recovery', 'users'];

interface Props { info: AppInfo; onFinished(): void; onToggleLanguage(): void }

/**
 * The first-run wizard, shown instead of sign-in while the counter is not set up: server,
 * enrolment, printer, the branch's recovery key (backups are encrypted to it; shown once,
 * printed, confirmed as stored), first users. A half-finished set-up resumes where it stopped.
 */
export function SetupWizard({ info, onFinished, onToggleLanguage }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<Output<'setup.state'> | null>(null);
  const [step, setStep] = useState<Step>('server');
  const [url, setUrl] = useState('');
  const [caFile, setCaFile] = useState('');
  const [enrolled, setEnrolled] = useState<Output<'setup.enrol'> | null>(null);
  const [printer, setPrinter] = useState<Output<'setup.savePrinter'> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [keyDone, setKeyDone] = useState(false);

  const load = useCallback(async () => {
    try {
      const s = await api.call('setup.state', {});
      setState(s);
      setUrl(s.serverUrl);
      setKeyDone(s.hasRecoveryKey);
      setStep(!s.enrolled ? 'server' : !s.hasUsers ? 'printer' : 'done');
    } catch (e) {
      setLoadError((e as { key?: string }).key ?? 'err.network');
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const zone = enrolled?.branch.timeZone ?? state?.branch?.timeZone ?? info.branch.timeZone;
  const n = NUMBERED.indexOf(step);

  return (
    <div className="center-page">
      <main className="card signin-card setup-card" aria-labelledby="setup-title">
        <div className="card-head">
          <div>
            <p className="brand">{t('app.name')}</p>
            <p className="muted">{t('wizard.intro')}</p>
          </div>
          <LanguageButton onToggle={onToggleLanguage} />
        </div>
        <h1 id="setup-title">{t('wizard.title')}</h1>
        {info.settingsProblem && <p className="notice notice-error" role="alert">{t('tech.diag.settingsProblem', { problem: info.settingsProblem })}</p>}
        {loadError && <p className="notice notice-error" role="alert">{messageText(t, loadError, undefined, zone)}</p>}
        {n >= 0 && (
          <p className="muted wizard-step" aria-live="polite">
            {t('wizard.step', { n: n + 1, total: NUMBERED.length })}: <strong>{t(`wizard.steps.${step}`)}</strong>
          </p>
        )}
        {(enrolled || state?.branch) && step !== 'server' && step !== 'enrol' && (
          <p className="signin-place">
            {enrolled ? enrolledText(t, enrolled) : `${state!.branch!.name} · ${t('shell.counter', { number: state!.counter!.number })}`}
          </p>
        )}
        {enrolled?.zoneDiffered && step === 'printer' && <p className="notice notice-warn">{t('wizard.zoneDiffered')}</p>}

        {state && step === 'server' && <ServerStep initialUrl={url} onNext={(u, ca) => { setUrl(u); setCaFile(ca); setStep('enrol'); }} />}
        {state && step === 'enrol' && (
          <EnrolStep url={url} caFile={caFile} onBack={() => setStep('server')} onEnrolled={(r) => { setEnrolled(r); setStep('printer'); }} />
        )}
        {state && step === 'printer' && (
          <>
            <p className="muted">{t('wizard.printerIntro')}</p>
            <PrinterForm
              initial={{ kind: 'none', host: '', port: 9100, filePath: '', paperWidth: 80, charsPerLine: 48 }}
              zone={zone}
              save={async (v) => setPrinter(await api.call('setup.savePrinter', v))}
              testPrint={() => api.call('setup.testPrint', {})}
              discover={() => api.call('setup.discoverPrinters', {})}
              status={printer ? t(`shell.printer.${printer.status}`) : undefined}
            />
            <div className="row">
              <button type="button" className="primary" onClick={() => setStep('recovery')}>{printer ? t('action.next') : t('wizard.skip')}</button>
            </div>
          </>
        )}
        {state && step === 'recovery' && (
          keyDone ? (
            <>
              <p className="notice" role="status">{t('wizard.recoveryDone')}</p>
              <div className="row">
                <button type="button" className="primary" autoFocus onClick={() => setStep('users')}>{t('action.next')}</button>
              </div>
            </>
          ) : (
            <>
              <p className="muted">{t('wizard.recoveryIntro')}</p>
              <RecoveryKeyCard
                zone={zone}
                counterId={enrolled?.counter.id ?? state.counter?.id ?? ''}
                makeLabel={t('tech.backup.key.make')}
                make={() => api.call('setup.newRecoveryKey', {})}
                print={(identity) => api.call('setup.printRecoveryKey', { identity })}
                confirm={(recipient) => api.call('setup.confirmRecoveryKey', { recipient })}
                onConfirmed={() => { setKeyDone(true); setStep('users'); }}
              />
            </>
          )
        )}
        {state && step === 'users' && <UsersStep zone={zone} onDone={() => setStep('done')} />}
        {step === 'done' && (
          <>
            <p className="notice" role="status">{t('wizard.done')}</p>
            <button type="button" className="primary wide" autoFocus onClick={onFinished}>{t('wizard.toSignIn')}</button>
          </>
        )}
      </main>
    </div>
  );
}
