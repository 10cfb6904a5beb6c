import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import { ErrorLine, useAction, type Recon } from './common';

const side = (s: { kind: string; amount: number } | null) => (s ? formatRupiah(s.amount) : '—');

/** Step 2: the day against central's summary, entry by entry, and totals side by side. */
export function ReconcileStep({ recon, onDone, onNext }: { recon: Recon | null; onDone(r: Recon): void; onNext(): void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const [showMatched, setShowMatched] = useState(false);
  const kindLabel = (k: string) => t(`closing.kind.${k}`, { defaultValue: k });
  const rows = recon ? recon.rows.filter((r) => showMatched || r.status !== 'matched') : [];

  return (
    <div>
      <div className="row">
        <button type="button" className={recon ? '' : 'primary'} autoFocus={!recon} disabled={busy}
          onClick={() => void run(async () => onDone(await api.call('closing.reconcile', {})))}>
          {busy ? t('closing.ui.reconciling') : recon ? t('closing.ui.again') : t('closing.ui.reconcile')}
        </button>
        {recon && <button type="button" className="primary" autoFocus onClick={onNext}>{t('closing.ui.next')}</button>}
      </div>
      <ErrorLine error={error} />
      {recon && (
        <>
          <p className={recon.status === 'reconciled' ? '' : 'notice notice-warn'} role="status">
            <strong>{t(`closing.status.${recon.status}`)}</strong>
            {recon.reasonKey && <> — {t(recon.reasonKey)}</>}
          </p>
          <p>
            {(['matched', 'onlyLocal', 'onlyCentral', 'different'] as const).map((k) => (
              <span key={k} className="badge">{t(`closing.row.${k}`)}: {recon.counts[k]}</span>
            ))}
          </p>
          <table className="shortcut-table" aria-label={t('closing.ui.table')}>
            <thead>
              <tr><th>{t('closing.ui.colSeq')}</th><th>{t('closing.ui.colKind')}</th><th>{t('closing.ui.colStatus')}</th>
                <th>{t('closing.ui.colLocal')}</th><th>{t('closing.ui.colCentral')}</th></tr>
            </thead>
            <tbody>
              {rows.slice(0, 500).map((r) => (
                <tr key={r.id}>
                  <td>{r.seq}</td>
                  <td>{kindLabel(r.local?.kind ?? r.central?.kind ?? '')}</td>
                  <td>{t(`closing.row.${r.status}`)}{r.pushedAgain && <> ({t('closing.ui.pushedAgain')})</>}</td>
                  <td title={r.local?.hash}>{side(r.local)}</td>
                  <td title={r.central?.hash}>{side(r.central)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!showMatched && recon.counts.matched > 0 && (
            <p className="muted">
              {t('closing.ui.matchedHidden', { count: recon.counts.matched })}{' '}
              <button type="button" className="ghost" onClick={() => setShowMatched(true)}>{t('closing.ui.showMatched')}</button>
            </p>
          )}
          <h3>{t('closing.ui.totalsKind')}</h3>
          <table className="shortcut-table">
            <thead><tr><th>{t('closing.ui.colWhat')}</th><th>{t('closing.ui.colCount')}</th><th>{t('closing.ui.colAmountLocal')}</th>
              <th>{t('closing.ui.colCount')}</th><th>{t('closing.ui.colAmountCentral')}</th></tr></thead>
            <tbody>
              {recon.perKind.map((k) => (
                <tr key={k.kind}><td>{kindLabel(k.kind)}</td><td>{k.local.count}</td><td>{formatRupiah(k.local.amount)}</td>
                  <td>{k.central.count}</td><td>{formatRupiah(k.central.amount)}</td></tr>
              ))}
            </tbody>
          </table>
          <h3>{t('closing.ui.totalsProgram')}</h3>
          <table className="shortcut-table">
            <thead><tr><th>{t('closing.ui.colWhat')}</th><th>{t('closing.ui.colAmountLocal')}</th><th>{t('closing.ui.colAmountCentral')}</th></tr></thead>
            <tbody>
              {recon.perProgram.map((p) => (
                <tr key={p.program}><td>{t(`closing.program.${p.program}`)}</td><td>{formatRupiah(p.local)}</td><td>{formatRupiah(p.central)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
