import { appContract } from './app';
import { authContract } from './auth';
import { syncContract } from './sync';
import { paymentContract } from './payment';
import { historyContract } from './history';
import { registrationContract } from './registration';
import { closingContract } from './closing';
import { setupContract } from './setup';
import { technicianContract } from './technician';
import { monitoringContract } from './monitoring';
import { claimsContract } from './claims';
import { participantDataContract } from './participant-data';
import type { InputOf, OutputOf } from './define';

// The whole contract: every procedure the UI can call. Each area adds its own module.
export const contract = {
  ...appContract,
  ...authContract,
  ...syncContract,
  ...paymentContract,
  ...historyContract,
  ...registrationContract,
  ...closingContract,
  ...setupContract,
  ...technicianContract,
  ...monitoringContract,
  ...claimsContract,
  ...participantDataContract,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type Input<K extends ProcedureName> = InputOf<Contract, K>;
export type Output<K extends ProcedureName> = OutputOf<Contract, K>;
