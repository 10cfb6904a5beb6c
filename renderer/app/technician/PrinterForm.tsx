import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TimeZone } from '../../../shared/dates';
import { printerInputSchema } from '../../../shared/contract/technician';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';
import { SelectField } from './fields';

type FormIn = z.input<typeof printerInputSchema>;
type FormOut = z.output<typeof printerInputSchema>;
const FIELDS = ['kind', 'host', 'port', 'filePath', 'paperWidth', 'charsPerLine'] as const;
const KINDS = ['none', 'virtual', 'network', 'file'] as const;

interface Props {
  initial: FormOut;
  zone: TimeZone;
  readOnly?: boolean;
  save(values: FormOut): Promise<unknown>;
  testPrint(): Promise<{ target: string; text: string }>;
  /** Set in the wizard: the shell's status light is not there yet. */
  status?: string;
}

/** Printer kind, address, paper and width; save, then print the test page and show what was sent. */
export function PrinterForm({ initial, zone, readOnly, save, testPrint, status }: Props) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ key: string; params?: Record<string, string | number>; error?: boolean } | null>(null);
  const [printed, setPrinted] = useState<{ target: string; text: string } | null>(null);
  const { register, handleSubmit, setError, watch, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(printerInputSchema),
    defaultValues: initial,
  });
  const kind = watch('kind');
  const err = (m?: string) => errorText(t, m, zone);

  const run = (alsoTest: boolean) => handleSubmit(async (values) => {
    setNotice(null);
    setPrinted(null);
    try {
      await save(values);
      if (alsoTest) setPrinted(await testPrint());
      else setNotice({ key: 'tech.printer.saved' });
    } catch (e) {
      const rest = applyServerErrors<FormIn>(e, FIELDS, setError);
      if (rest) setNotice({ ...rest, error: true });
    }
  });

  return (
    <form onSubmit={run(false)} noValidate aria-label={t('tech.printer.title')}>
      <fieldset disabled={readOnly || isSubmitting}>
        <SelectField id="printer-kind" label={t('tech.printer.kind')} error={err(errors.kind?.message)} {...register('kind')}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`tech.printer.kinds.${k}`)}</option>)}
        </SelectField>
        {kind === 'network' && (
          <TextField id="printer-host" label={t('tech.printer.host')} autoComplete="off" spellCheck={false} error={err(errors.host?.message)} {...register('host')} />
        )}
        {(kind === 'network' || kind === 'virtual') && (
          <TextField id="printer-port" label={t('tech.printer.port')} inputMode="numeric" error={err(errors.port?.message)} {...register('port', { valueAsNumber: true })} />
        )}
        {kind === 'file' && (
          <TextField id="printer-file" label={t('tech.printer.filePath')} hint={t('tech.printer.filePathHint')} spellCheck={false} error={err(errors.filePath?.message)} {...register('filePath')} />
        )}
        <SelectField id="printer-paper" label={t('tech.printer.paper')} error={err(errors.paperWidth?.message)} {...register('paperWidth', { setValueAs: (v) => Number(v) })}>
          <option value={80}>{t('tech.printer.paperMm', { mm: 80 })}</option>
          <option value={58}>{t('tech.printer.paperMm', { mm: 58 })}</option>
        </SelectField>
        <TextField id="printer-cpl" label={t('tech.printer.cpl')} hint={t('tech.printer.cplHint')} inputMode="numeric" error={err(errors.charsPerLine?.message)} {...register('charsPerLine', { valueAsNumber: true })} />
      </fieldset>
      {status && <p>{t('tech.printer.status')}: <strong>{status}</strong></p>}
      {readOnly && <p className="muted">{t('tech.printer.viewOnly')}</p>}
      {notice && <p className={`notice${notice.error ? ' notice-error' : ''}`} role={notice.error ? 'alert' : 'status'}>{messageText(t, notice.key, notice.params, zone)}</p>}
      {!readOnly && (
        <div className="row">
          <button type="submit" className="primary" disabled={isSubmitting}>{t('tech.printer.save')}</button>
          <button type="button" onClick={() => void run(true)()} disabled={isSubmitting || kind === 'none'}>
            {isSubmitting ? t('tech.printer.testing') : t('tech.printer.test')}
          </button>
        </div>
      )}
      {printed && (
        <div role="status">
          <p className="notice">{t('tech.printer.testSent', { target: printed.target })}</p>
          <pre aria-label={t('tech.printer.test')} className="card">{printed.text}</pre>
        </div>
      )}
    </form>
  );
}
