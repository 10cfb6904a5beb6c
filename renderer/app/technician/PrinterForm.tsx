import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TimeZone } from '../../../shared/dates';
import { printerInputSchema, type printerDiscoverySchema } from '../../../shared/contract/technician';
import { BAUD_RATES, PRINTER_CODE_PAGES } from '../../../shared/settings';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';
import { SelectField } from './fields';

type FormIn = z.input<typeof printerInputSchema>;
type FormOut = z.output<typeof printerInputSchema>;
type Discovery = z.output<typeof printerDiscoverySchema>;
const FIELDS = ['kind', 'host', 'port', 'filePath', 'printerName', 'serialPath', 'baudRate', 'codePage', 'paperWidth', 'charsPerLine'] as const;
const KINDS = ['none', 'system', 'serial', 'network', 'virtual', 'file'] as const;

interface Props {
  initial: FormIn;
  zone: TimeZone;
  readOnly?: boolean;
  save(values: FormOut): Promise<unknown>;
  testPrint(): Promise<{ target: string; text: string }>;
  /** The OS's printers and serial ports (setup.discoverPrinters or printer.discover). */
  discover?(): Promise<Discovery>;
  /** Set in the wizard: the shell's status light is not there yet. */
  status?: string;
}

/** Printer kind, address, paper and width; save, then print the test page and show what was sent. */
export function PrinterForm({ initial, zone, readOnly, save, testPrint, discover, status }: Props) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<{ key: string; params?: Record<string, string | number>; error?: boolean } | null>(null);
  const [printed, setPrinted] = useState<{ target: string; text: string } | null>(null);
  const { register, handleSubmit, setError, watch, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(printerInputSchema),
    defaultValues: initial,
  });
  const kind = watch('kind');
  const chosenPrinter = watch('printerName');
  const chosenPort = watch('serialPath');
  const err = (m?: string) => errorText(t, m, zone);
  const [found, setFound] = useState<Discovery | null>(null);
  const [scanning, setScanning] = useState(false);
  const scan = useCallback(() => {
    if (!discover) return;
    setScanning(true);
    discover().then(setFound, () => setFound({ system: [], serial: [], problemKey: 'printing.err.noSpooler' })).finally(() => setScanning(false));
  }, [discover]);
  const needsList = kind === 'system' || kind === 'serial';
  useEffect(() => {
    if (needsList && !found && !scanning) scan();
  }, [needsList, found, scanning, scan]);
  // A saved printer that is not plugged in now still shows as chosen.
  const systemNames = [...(found?.system ?? [])];
  if (chosenPrinter && !systemNames.some((p) => p.name === chosenPrinter)) systemNames.push({ name: chosenPrinter, description: '', isDefault: false });
  const ports = [...(found?.serial ?? [])];
  if (chosenPort && !ports.some((p) => p.path === chosenPort)) ports.push({ path: chosenPort, description: '' });

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
        {kind === 'system' && (
          <SelectField id="printer-name" label={t('tech.printer.printerName')} hint={t('tech.printer.printerNameHint')} error={err(errors.printerName?.message)} {...register('printerName')}>
            <option value="">{systemNames.length ? t('tech.printer.choose') : t('tech.printer.noneFound')}</option>
            {systemNames.map((p) => (
              <option key={p.name} value={p.name}>
                {p.isDefault ? t('tech.printer.isDefault', { name: p.name }) : p.name}{p.description && p.description !== p.name ? ` — ${p.description}` : ''}
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'serial' && (
          <>
            <SelectField id="printer-serial" label={t('tech.printer.serialPath')} hint={t('tech.printer.serialPathHint')} error={err(errors.serialPath?.message)} {...register('serialPath')}>
              <option value="">{ports.length ? t('tech.printer.choose') : t('tech.printer.noneFound')}</option>
              {ports.map((p) => <option key={p.path} value={p.path}>{p.path}{p.description ? ` — ${p.description}` : ''}</option>)}
            </SelectField>
            <SelectField id="printer-baud" label={t('tech.printer.baudRate')} error={err(errors.baudRate?.message)} {...register('baudRate', { setValueAs: (v) => Number(v) })}>
              {BAUD_RATES.map((b) => <option key={b} value={b}>{b}</option>)}
            </SelectField>
          </>
        )}
        {needsList && discover && (
          <p>
            <button type="button" onClick={scan} disabled={scanning}>{t('tech.printer.rescan')}</button>
            {found?.problemKey && <span className="notice notice-warn" role="status"> {messageText(t, found.problemKey, undefined, zone)}</span>}
          </p>
        )}
        {kind === 'network' && (
          <TextField id="printer-host" label={t('tech.printer.host')} autoComplete="off" spellCheck={false} error={err(errors.host?.message)} {...register('host')} />
        )}
        {(kind === 'network' || kind === 'virtual') && (
          <TextField id="printer-port" className="field-short" label={t('tech.printer.port')} inputMode="numeric" error={err(errors.port?.message)} {...register('port', { valueAsNumber: true })} />
        )}
        {kind === 'file' && (
          <TextField id="printer-file" label={t('tech.printer.filePath')} hint={t('tech.printer.filePathHint')} spellCheck={false} error={err(errors.filePath?.message)} {...register('filePath')} />
        )}
        <SelectField id="printer-paper" label={t('tech.printer.paper')} error={err(errors.paperWidth?.message)} {...register('paperWidth', { setValueAs: (v) => Number(v) })}>
          <option value={80}>{t('tech.printer.paperMm', { mm: 80 })}</option>
          <option value={58}>{t('tech.printer.paperMm', { mm: 58 })}</option>
        </SelectField>
        <TextField id="printer-cpl" className="field-short" label={t('tech.printer.cpl')} hint={t('tech.printer.cplHint')} inputMode="numeric" error={err(errors.charsPerLine?.message)} {...register('charsPerLine', { valueAsNumber: true })} />
        {kind !== 'none' && kind !== 'file' && (
          <>
            <SelectField id="printer-codepage" label={t('tech.printer.codePage')} hint={t('tech.printer.codePageHint')} error={err(errors.codePage?.message)} {...register('codePage')}>
              {PRINTER_CODE_PAGES.map((c) => <option key={c} value={c}>{t(`tech.printer.codePages.${c}`)}</option>)}
            </SelectField>
            <div className="field">
              <label><input type="checkbox" id="printer-drawer" {...register('cashDrawer')} /> {t('tech.printer.cashDrawer')}</label>
            </div>
          </>
        )}
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
