import { createContext, useContext } from 'react';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/dates';
import type { ScreenId } from '../../shared/menu';

export type AppInfo = Output<'app.info'>;
export type StatusInfo = Output<'status.get'>;
export type SignedInUser = Output<'auth.signIn'>['user'];
export type Place = ScreenId | 'home';

/** What every screen may read from the shell: who, where, the counter's status, and navigation. */
export interface ShellValue {
  info: AppInfo;
  user: SignedInUser;
  status: StatusInfo | null;
  lang: Lang;
  place: Place;
  navigate(place: Place): void;
}

export const ShellContext = createContext<ShellValue | null>(null);

export function useShell(): ShellValue {
  const value = useContext(ShellContext);
  if (!value) throw new Error('useShell outside the signed-in shell');
  return value;
}
