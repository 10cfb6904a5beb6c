import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';

type Claim = Output<'claims.list'>['claims'][number];

/** The counter's latest claims, each opening its status. */
export function RecentClaims({ onOpen }: { onOpen(claimId: string): void }) {
  const { t } = useTranslation();
  const [claims, setClaims] = useState<Claim[] | null>(null);
  useEffect(() => {
    let stale = false;
    api.call('claims.list', { limit: 10 }).then((r) => { if (!stale) setClaims(r.claims); }).catch(() => { if (!stale) setClaims([]); });
    return () => { stale = true; };
  }, []);
  if (!claims) return null;
  return (
    <section aria-labelledby="claims-recent-title" style={{ marginTop: '1.5rem' }}>
      <h2 id="claims-recent-title">{t('claims.recent.title')}</h2>
      {claims.length === 0 && <p className="muted">{t('claims.recent.none')}</p>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {claims.map((c) => (
          <li key={c.id} style={{ marginBottom: '0.35rem' }}>
            <button type="button" onClick={() => onOpen(c.id)} aria-label={t('claims.recent.open', { receiptNo: c.receiptNo })} style={{ width: '100%', textAlign: 'left' }}>
              <strong>{c.participantName}</strong> · {c.type} · {c.receiptNo} · {c.claimNumber ?? '-'} · {t(`claims.status.${c.status ?? 'waiting'}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
