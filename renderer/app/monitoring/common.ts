import type { CSSProperties } from 'react';
import type { Output } from '../../../shared/contract';
import type { WinBackRow } from '../../../shared/contract/monitoring';
import { formatMonth, type Lang } from '../../../shared/dates';

// What the monitoring screen's parts share: the overview type, table cell styles (set through
// the DOM's style object, which the CSP's style-src 'self' allows), downloads via Blob URLs.

export type Overview = Output<'monitoring.overview'>;
export type T = (key: string, params?: Record<string, string | number>) => string;

export const table: CSSProperties = { borderCollapse: 'collapse', width: '100%' };
export const cell: CSSProperties = { padding: '0.35rem 0.6rem', borderBottom: '1px solid var(--line)', textAlign: 'left', verticalAlign: 'top' };
export const num: CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' };
export const mine: CSSProperties = { fontWeight: 700, background: 'var(--accent-soft)' };

/** Saves bytes as a file through the browser's download (Electron shows its save dialog). */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

/** The win-back status in words (the same wording as the exports). */
export function winBackStatus(w: WinBackRow, t: T, lang: Lang): string {
  const base = w.status === 'lapsed'
    ? t('monitoring.winBack.lapsed', { month: w.lapsedSince ? formatMonth(w.lapsedSince, lang) : '' })
    : w.status === 'arrears' ? t('monitoring.winBack.arrears', { count: w.unpaidRun }) : t('monitoring.winBack.due');
  return w.status === 'due' && w.overdue ? `${base} (${t('monitoring.winBack.overdue')})` : base;
}
