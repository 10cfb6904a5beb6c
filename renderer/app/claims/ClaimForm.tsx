import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type Output } from '../../../shared/contract';
import { checkDocuments, type ClaimType } from '../../../shared/domain/claims';
import type { Lang } from '../../../shared/dates';
import { fieldErrorsFromZod, type FieldError } from '../../../shared/errors';
import { maskNik } from '../../../shared/receipts/mask';
import { api, isApiError } from '../../api/client';
import { DateField, TextField } from '../../components/Field';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';
import { AttachmentsField, type PickedFile } from './AttachmentsField';
import type { CreatedClaim } from './ClaimsScreen';

type Types = Output<'claims.types'>;
type Values = Record<'accidentDate' | 'accidentPlace' | 'deathDate' | 'heirName' | 'heirNik' | 'heirRelation' | 'heirPhone' | 'bankCode' | 'accountNumber' | 'accountHolder', string>;
/** Fields in the order they appear: the first error gets the focus. */
const ORDER = ['type', 'documents', 'accidentDate', 'accidentPlace', 'deathDate', 'heirName', 'heirNik', 'heirRelation', 'heirPhone', 'bankCode', 'accountNumber', 'accountHolder', 'attachments'];
const EMPTY: Values = { accidentDate: '', accidentPlace: '', deathDate: '', heirName: '', heirNik: '', heirRelation: '', heirPhone: '', bankCode: '', accountNumber: '', accountHolder: '' };

/** Enter moves to the next field; Ctrl+Enter submits. */
function onFormKey(e: KeyboardEvent<HTMLFormElement>, submit: () => void) {
  if (e.key !== 'Enter') return;
  if (e.ctrlKey) { e.preventDefault(); submit(); return; }
  const el = e.target as HTMLElement;
  if (!(el instanceof HTMLInputElement) || el.type === 'file' || el.type === 'checkbox' || el.type === 'radio') return;
  e.preventDefault();
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('input:not([disabled]), select, button[type=submit]')];
  all[all.indexOf(el) + 1]?.focus();
}

export function ClaimForm({ types, onCreated }: { types: Types; onCreated(result: CreatedClaim): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const zone = useShell().info.branch.timeZone;
  const p = types.participant;
  const [type, setType] = useState<ClaimType | ''>('');
  const [docs, setDocs] = useState<string[]>([]);
  const [values, setValues] = useState<Values>({ ...EMPTY, accountHolder: p.name });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [filesError, setFilesError] = useState<{ key: string; params?: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const info = types.types.find((x) => x.type === type);

  const errorOf = (path: string) => {
    const f = errors.find((x) => x.path === path);
    return f ? messageText(t, f.key, f.params, zone) : null;
  };
  const fileErrors: Record<number, string> = {};
  for (const f of errors) {
    const m = /^attachments\.(\d+)$/.exec(f.path);
    if (m) fileErrors[Number(m[1])] = messageText(t, f.key, f.params, zone);
  }
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const field = (k: keyof Values, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={`claim-${k}`} label={label} value={values[k]} onChange={set(k)} error={errorOf(k)} autoComplete="off" {...extra} />
  );
  const dateField = (k: keyof Values, label: string) => (
    <DateField id={`claim-${k}`} label={label} value={values[k]} onChange={(value) => setValues((v) => ({ ...v, [k]: value }))} error={errorOf(k)} />
  );

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const only = (keys: (keyof Values)[]) => Object.fromEntries(keys.filter((k) => values[k] !== '').map((k) => [k, values[k]]));
    const input = {
      participantId: p.id, type, documents: docs, bankCode: values.bankCode, accountNumber: values.accountNumber, accountHolder: values.accountHolder,
      ...(type === 'JKK' ? only(['accidentDate', 'accidentPlace']) : {}),
      ...(type === 'JKM' ? only(['deathDate', 'heirName', 'heirNik', 'heirRelation', 'heirPhone']) : {}),
      attachments: files.map(({ fileName, mimeType, dataBase64 }) => ({ fileName, mimeType, dataBase64 })),
    };
    const parsed = contract['claims.create'].input.safeParse(input);
    const focusFirst = (list: FieldError[]) => {
      const path = list[0]?.path ?? '';
      const id = path.startsWith('attachments') ? 'claim-files' : path === 'documents' ? 'claim-docs-first' : path === 'type' ? 'claim-type-first' : `claim-${path}`;
      document.getElementById(id)?.focus();
    };
    // The checklist is data the schema does not hold: check it here too, with the other fields.
    const missing = type ? checkDocuments(type, docs).missing : [];
    const docErrors: FieldError[] = missing.length ? [{ path: 'documents', key: 'err.claims.documentsMissing' }] : [];
    if (!parsed.success || docErrors.length) {
      const f = [...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)), ...docErrors]
        .sort((x, y) => ORDER.indexOf(x.path.split('.')[0]) - ORDER.indexOf(y.path.split('.')[0]));
      setErrors(f);
      focusFirst(f);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      onCreated(await api.call('claims.create', parsed.data));
    } catch (err) {
      const f = isApiError(err) ? (err.fields.length ? err.fields : [{ path: '', key: err.key, params: err.params }]) : [{ path: '', key: 'err.internal' }];
      setErrors(f);
      focusFirst(f);
    } finally {
      setBusy(false);
    }
  };

  const formError = errors.find((f) => f.path === '' || f.path === 'participantId');
  const filesText = filesError ? messageText(t, filesError.key, filesError.params, zone) : errorOf('attachments');
  return (
    <form onSubmit={(e) => void submit(e)} onKeyDown={(e) => onFormKey(e, () => void submit())} noValidate aria-labelledby="claim-participant">
      <h2 id="claim-participant">{p.name}</h2>
      <p>{maskNik(p.nik)} · {p.kpj ?? '-'} · {t('claims.participant.programs', { programs: p.programs.join(', ') })} · {t('claims.participant.age', { age: p.age })}</p>

      <fieldset className={`field${errorOf('type') ? ' field-invalid' : ''}`} aria-describedby={errorOf('type') ? 'claim-type-error' : undefined}>
        <legend>{t('claims.type.legend')}</legend>
        {types.types.map((x, i) => (
          <label key={x.type} style={{ display: 'block' }}>
            <input
              id={i === 0 ? 'claim-type-first' : undefined} type="radio" name="claim-type" value={x.type} disabled={!x.allowed}
              checked={type === x.type} onChange={() => { setType(x.type); setDocs([]); }}
            />{' '}
            {x.label[lang]}{!x.allowed && <span className="muted"> ({t('claims.type.notAllowed')})</span>}
          </label>
        ))}
        {errorOf('type') && <p id="claim-type-error" className="field-error" role="alert">{errorOf('type')}</p>}
      </fieldset>

      {info && (
        <>
          {info.notes.map((n) => <p key={n.id} className="notice">{n[lang]} ({n.confidence})</p>)}
          {info.noteKeys.map((k) => <p key={k} className="notice notice-warn">{t(k, { age: p.age })}</p>)}
          <fieldset className={`field${errorOf('documents') ? ' field-invalid' : ''}`}>
            <legend>{t('claims.docs.legend')}</legend>
            {info.documents.map((d, i) => (
              <label key={d.id} style={{ display: 'block' }}>
                <input
                  id={i === 0 ? 'claim-docs-first' : undefined} type="checkbox" checked={docs.includes(d.id)}
                  aria-describedby={errorOf('documents') ? 'claim-docs-error' : undefined}
                  onChange={(e) => setDocs((cur) => (e.target.checked ? [...cur, d.id] : cur.filter((x) => x !== d.id)))}
                />{' '}
                {d.label[lang]} <span className="muted">({t(d.required ? 'claims.docs.required' : 'claims.docs.optional')})</span>
              </label>
            ))}
            {errorOf('documents') && <p id="claim-docs-error" className="field-error" role="alert">{errorOf('documents')}</p>}
            <p className="field-hint">{t('claims.docs.source', { source: types.source, confidence: types.confidence })}</p>
          </fieldset>

          {type === 'JKK' && (
            <fieldset>
              <legend>{t('claims.jkk.legend')}</legend>
              {dateField('accidentDate', t('claims.jkk.date'))}
              {field('accidentPlace', t('claims.jkk.place'))}
            </fieldset>
          )}
          {type === 'JKM' && (
            <fieldset>
              <legend>{t('claims.jkm.legend')}</legend>
              {dateField('deathDate', t('claims.jkm.date'))}
              {field('heirName', t('claims.jkm.heirName'))}
              {field('heirNik', t('claims.jkm.heirNik'), { inputMode: 'numeric' })}
              <div className={`field${errorOf('heirRelation') ? ' field-invalid' : ''}`}>
                <label htmlFor="claim-heirRelation">{t('claims.jkm.heirRelation')}</label>
                <select id="claim-heirRelation" value={values.heirRelation} onChange={set('heirRelation')} aria-describedby={errorOf('heirRelation') ? 'claim-heirRelation-error' : undefined}>
                  <option value="">{t('claims.jkm.choose')}</option>
                  {types.relations.map((r) => <option key={r} value={r}>{t(`claims.relation.${r}`)}</option>)}
                </select>
                {errorOf('heirRelation') && <p id="claim-heirRelation-error" className="field-error" role="alert">{errorOf('heirRelation')}</p>}
              </div>
              {field('heirPhone', t('claims.jkm.heirPhone'), { inputMode: 'tel' })}
            </fieldset>
          )}

          <fieldset>
            <legend>{t('claims.bank.legend')}</legend>
            <div className={`field${errorOf('bankCode') ? ' field-invalid' : ''}`}>
              <label htmlFor="claim-bankCode">{t('claims.bank.bank')}</label>
              <select id="claim-bankCode" value={values.bankCode} onChange={set('bankCode')} aria-describedby={errorOf('bankCode') ? 'claim-bankCode-error' : undefined}>
                <option value="">{t('claims.bank.choose')}</option>
                {types.banks.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
              </select>
              {errorOf('bankCode') && <p id="claim-bankCode-error" className="field-error" role="alert">{errorOf('bankCode')}</p>}
            </div>
            {field('accountNumber', t('claims.bank.account'), { inputMode: 'numeric' })}
            {field('accountHolder', t('claims.bank.holder'))}
          </fieldset>

          <AttachmentsField
            files={files} onChange={(f) => { setFiles(f); setErrors((e) => e.filter((x) => !x.path.startsWith('attachments'))); }}
            error={filesText} fileErrors={fileErrors} onError={(key, params) => setFilesError(key ? { key, params } : null)}
          />
        </>
      )}

      {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
      <button type="submit" className="primary" disabled={busy || !type} aria-keyshortcuts="Control+Enter">
        {busy ? t('claims.busy') : t('claims.submit')} <kbd>Ctrl+Enter</kbd>
      </button>
    </form>
  );
}
