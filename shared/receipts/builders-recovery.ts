import { formatDateTime, type TimeZone } from '../dates';
import { groupedRecoveryKey } from '../recovery-key';
import type { Block, ReceiptDoc } from './layout';
import { translatorOf, type ReceiptLangOptions } from './translate';
import { finish } from './builders-common';

// The recovery key slip, printed once when the key is made and kept in the branch safe.

export interface RecoveryKeySlipData {
  identity: string;
  recipient: string;
  cpl: number;
  at: Date | string | number;
  zone: TimeZone;
  branchName?: string;
  counterId?: string;
}

export function recoveryKeySlip(data: RecoveryKeySlipData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const [prefix, ...groups] = groupedRecoveryKey(data.identity);
  // As many groups of four as fit the paper, a space between them.
  const perLine = Math.max(1, Math.floor((data.cpl + 1) / 5));
  const keyLines: string[] = [prefix];
  for (let i = 0; i < groups.length; i += perLine) keyLines.push(groups.slice(i, i + perLine).join(' '));
  const body: Block[] = [{ type: 'text', text: t('receipt.title.recoveryKey'), align: 'center', bold: true }];
  if (data.branchName) body.push({ type: 'text', text: data.branchName, align: 'center' });
  if (data.counterId) body.push({ type: 'text', text: data.counterId, align: 'center' });
  body.push(
    { type: 'text', text: formatDateTime(data.at, data.zone), align: 'center' },
    { type: 'separator', char: '=' },
    { type: 'text', text: t('receipt.recoveryKey.keep') },
    { type: 'separator' },
    ...keyLines.map((text): Block => ({ type: 'text', text, bold: true })),
    { type: 'separator' },
    { type: 'text', text: t('receipt.recoveryKey.public') },
    { type: 'text', text: data.recipient },
    { type: 'separator' },
    { type: 'text', text: t('receipt.recoveryKey.never') },
  );
  return { blocks: finish(t, body, false) };
}
