import type { ComponentType } from 'react';
import type { ScreenId } from '../../shared/menu';
import { Placeholder } from './Placeholder';
import { SettingsScreen } from './technician/SettingsScreen';
import { DiagnosticsScreen } from './technician/DiagnosticsScreen';
import { UsersScreen } from './technician/UsersScreen';
import { PaymentScreen } from './payment/PaymentScreen';
import { HistoryScreen } from './history/HistoryScreen';
import { ClosingScreen } from './closing/ClosingScreen';
import { RegistrationScreen } from './registration/RegistrationScreen';
import { MonitoringScreen } from './monitoring/MonitoringScreen';
import { ClaimsScreen } from './claims/ClaimsScreen';

/** Every screen gets its id; the rest (user, branch, status, navigation) comes from useShell(). */
export interface ScreenProps { id: ScreenId }

/**
 * The one map from menu entry to component. A new screen replaces its Placeholder here;
 * who may open it and its keys live in shared/menu.ts.
 */
export const SCREENS: Record<ScreenId, ComponentType<ScreenProps>> = {
  registration: RegistrationScreen,
  payment: PaymentScreen,
  history: HistoryScreen,
  claims: ClaimsScreen,
  closing: ClosingScreen,
  monitoring: MonitoringScreen,
  settings: SettingsScreen,
  diagnostics: DiagnosticsScreen,
  users: UsersScreen,
};
