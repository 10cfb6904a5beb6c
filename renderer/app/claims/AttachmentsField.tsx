import { useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentInput } from '../../../shared/contract/claims';
import { attachmentProblem, MAX_ATTACHMENTS } from '../../../shared/domain/claims';

export interface PickedFile extends AttachmentInput { size: number }

interface Props {
  files: PickedFile[];
  onChange(files: PickedFile[]): void;
  /** Translated errors: of the field as a whole, and per file index. */
  error: string | null;
  fileErrors: Record<number, string>;
  onError(key: string | null, params?: Record<string, string>): void;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Scans or photos chosen from disk: type (by content, not only by name) and size checked before they are kept. */
export function AttachmentsField({ files, onChange, error, fileErrors, onError }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const picked = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length + chosen.length > MAX_ATTACHMENTS) { onError('err.claims.tooManyFiles'); return; }
    const next = [...files];
    for (const f of chosen) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const problem = attachmentProblem(f.type, bytes);
      if (problem) { onError(problem, { name: f.name }); return; }
      next.push({ fileName: f.name, mimeType: f.type, dataBase64: toBase64(bytes), size: bytes.length });
    }
    onError(null);
    onChange(next);
  };

  const describedBy = ['claim-files-hint', error ? 'claim-files-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`}>
      <legend>{t('claims.files.legend')}</legend>
      <label htmlFor="claim-files">{t('claims.files.label')}</label>
      <input
        ref={input} id="claim-files" type="file" multiple accept="image/jpeg,image/png,application/pdf"
        aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => void picked(e)}
      />
      <p id="claim-files-hint" className="field-hint">{t('claims.files.hint')}</p>
      {error && <p id="claim-files-error" className="field-error" role="alert">{error}</p>}
      {files.length === 0 ? <p className="muted">{t('claims.files.none')}</p> : (
        <ul aria-label={t('claims.files.list')} style={{ listStyle: 'none', padding: 0 }}>
          {files.map((f, i) => (
            <li key={`${f.fileName}-${i}`}>
              {f.fileName} · {Math.max(1, Math.round(f.size / 1024))} KB{' '}
              <button type="button" className="ghost" onClick={() => onChange(files.filter((_, j) => j !== i))}>{t('claims.files.remove', { name: f.fileName })}</button>
              {fileErrors[i] && <span className="field-error" role="alert"> {fileErrors[i]}</span>}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
