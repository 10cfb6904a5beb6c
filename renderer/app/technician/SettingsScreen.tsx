import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { BackupPanel } from './BackupPanel';
import { PrinterForm } from './PrinterForm';

/** Pengaturan: the printer (technician edits, head looks) and the backups (technician). */
export function SettingsScreen({ id }: ScreenProps) {
  const { t } = useTranslation();
  const { user, info } = useShell();
  const zone = info.branch.timeZone;
  const [printer, setPrinter] = useState<Output<'printer.get'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isTech = user.role === 'technician';

  useEffect(() => {
    api.call('printer.get', {}).then(setPrinter, (e) => setError((e as { key?: string }).key ?? 'err.network'));
  }, []);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t(`screen.${id}`)}</h1>
      {error && <p className="notice notice-error" role="alert">{messageText(t, error, undefined, zone)}</p>}
      <h2>{t('tech.printer.title')}</h2>
      {printer && (
        <PrinterForm
          initial={{
            kind: printer.kind, host: printer.host, port: printer.port, filePath: printer.filePath, paperWidth: printer.paperWidth, charsPerLine: printer.charsPerLine,
            printerName: printer.printerName, serialPath: printer.serialPath, baudRate: printer.baudRate, codePage: printer.codePage, cashDrawer: printer.cashDrawer,
          }}
          zone={zone}
          readOnly={!isTech}
          save={async (v) => setPrinter(await api.call('printer.save', v))}
          testPrint={() => api.call('printer.testPrint', {})}
          discover={isTech ? () => api.call('printer.discover', {}) : undefined}
        />
      )}
      {isTech && <BackupPanel zone={zone} />}
    </section>
  );
}
