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


/** The win-back status in words (the same wording as the exports). */
export function winBackStatus(w: WinBackRow, t: T, lang: Lang): string {
  const base = w.status === 'lapsed'
    ? t('monitoring.winBack.lapsed', { month: w.lapsedSince ? formatMonth(w.lapsedSince, lang) : '' })
    : w.status === 'arrears' ? t('monitoring.winBack.arrears', { count: w.unpaidRun }) : t('monitoring.winBack.due');
  return w.status === 'due' && w.overdue ? `${base} (${t('monitoring.winBack.overdue')})` : base;
}
