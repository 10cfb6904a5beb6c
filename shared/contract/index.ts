import { appContract } from './app';
import { authContract } from './auth';
import { syncContract } from './sync';
import type { InputOf, OutputOf } from './define';

// The whole contract: every procedure the UI can call. Each area adds its own module.
export const contract = {
  ...appContract,
  ...authContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type Input<K extends ProcedureName> = InputOf<Contract, K>;
export type Output<K extends ProcedureName> = OutputOf<Contract, K>;
