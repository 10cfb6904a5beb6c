import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryFilter } from '../../../shared/contract/history';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/ledger/entry';
import { DateInput } from '../../components/DateInput';

interface Props {
  initial: HistoryFilter;
  users: { id: string; displayName: string }[];
  /** Field errors by path (`from`, `to`, `q`), already translated. */
  errors: Record<string, string>;
  onApply(filter: HistoryFilter): void;
  onExport(filter: HistoryFilter): void;
  exporting: boolean;
}

const clean = (f: { from: string; to: string; userId: string; kind: string; q: string }): HistoryFilter => ({
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
  ...(f.userId ? { userId: f.userId } : {}),
  ...(f.kind ? { kind: f.kind as EntryKind } : {}),
  ...(f.q.trim() ? { q: f.q.trim() } : {}),
});

/** Date range, teller, kind and search text; Enter applies, the export takes the same filter. */
export function HistoryFilters({ initial, users, errors, onApply, onExport, exporting }: Props) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    from: initial.from ?? '', to: initial.to ?? '', userId: initial.userId ?? '', kind: initial.kind ?? '', q: initial.q ?? '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => { e.preventDefault(); onApply(clean(f)); };
  const field = (id: string, label: string, input: ReactNode, error?: string) => (
    <div className={`field${error ? ' field-invalid' : ''}`} style={{ marginRight: '0.75rem' }}>
      <label htmlFor={id}>{label}</label>
      {input}
      {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
    </div>
  );
  const described = (id: string, error?: string) => (error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true } : {});
  return (
    <form onSubmit={submit} noValidate aria-label={t('history.filters')} className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
      {field('hist-from', t('history.from'), <DateInput id="hist-from" value={f.from} onChange={(from) => setF((x) => ({ ...x, from }))} {...described('hist-from', errors.from)} />, errors.from)}
      {field('hist-to', t('history.to'), <DateInput id="hist-to" value={f.to} onChange={(to) => setF((x) => ({ ...x, to }))} {...described('hist-to', errors.to)} />, errors.to)}
      {field('hist-teller', t('history.teller'), (
        <select id="hist-teller" value={f.userId} onChange={set('userId')}>
          <option value="">{t('history.anyTeller')}</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
        </select>
      ))}
      {field('hist-kind', t('history.kindLabel'), (
        <select id="hist-kind" value={f.kind} onChange={set('kind')}>
          <option value="">{t('history.anyKind')}</option>
          {ENTRY_KINDS.map((k) => <option key={k} value={k}>{t(`history.kind.${k}`)}</option>)}
        </select>
      ))}
      {field('hist-q', t('history.search'), <input id="hist-q" type="search" value={f.q} onChange={set('q')} autoFocus style={{ width: '16rem' }} {...described('hist-q', errors.q)} />, errors.q)}
      <div className="row" style={{ marginBottom: '0.9rem' }}>
        <button type="submit" className="primary">{t('history.apply')}</button>
        <button type="button" onClick={() => onExport(clean(f))} disabled={exporting}>{t('history.export')}</button>
      </div>
    </form>
  );
}
