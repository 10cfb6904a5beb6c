import type { ZodError } from 'zod';

// One typed error shape crosses every boundary (IPC, bridge, central HTTP).
// `key` is an i18n key the UI translates; `message` is the Indonesian text for logs
// and for clients that have no i18n of their own.

export const ERROR_CODES = [
  'INVALID_INPUT', 'UNAUTHENTICATED', 'SESSION_LOCKED', 'FORBIDDEN', 'WRONG_PIN', 'USER_LOCKED',
  'NOT_FOUND', 'CONFLICT', 'DAY_CLOSED', 'UNAVAILABLE', 'UNKNOWN_PROCEDURE', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

export interface FieldError { path: string; key: string; params?: MessageParams }

export interface AppErrorData {
  code: ErrorCode;
  key: string;
  params?: MessageParams;
  fields?: FieldError[];
  message?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params?: MessageParams;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, key: string, params?: MessageParams, fields?: FieldError[]) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.fields = fields;
  }
  toData(): AppErrorData {
    return { code: this.code, key: this.key, params: this.params, fields: this.fields };
  }
  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.key, data.params, data.fields);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Turns zod issues into field errors. A schema may name its own message as an i18n key
 * (`{ error: 'err.nik.length' }`); zod's built-in issues map to generic keys.
 */
export function fieldErrorsFromZod(error: ZodError): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const path = issue.path.map(String).join('.');
    if (typeof issue.message === 'string' && issue.message.startsWith('err.')) return { path, key: issue.message };
    const i = issue as unknown as Record<string, unknown>;
    switch (issue.code) {
      case 'invalid_type':
        return { path, key: i.input === undefined ? 'err.required' : 'err.invalidType' };
      case 'too_small':
        return i.origin === 'string'
          ? { path, key: Number(i.minimum) <= 1 ? 'err.required' : 'err.tooShort', params: { min: Number(i.minimum) } }
          : { path, key: 'err.tooSmall', params: { min: Number(i.minimum) } };
      case 'too_big':
        return i.origin === 'string'
          ? { path, key: 'err.tooLong', params: { max: Number(i.maximum) } }
          : { path, key: 'err.tooBig', params: { max: Number(i.maximum) } };
      case 'invalid_format':
        return { path, key: 'err.format' };
      case 'invalid_value':
        return { path, key: 'err.choice' };
      case 'unrecognized_keys':
        return { path, key: 'err.unknownField' };
      default:
        return { path, key: 'err.invalid' };
    }
  });
}

export function invalidInput(error: ZodError): AppError {
  return new AppError('INVALID_INPUT', 'err.invalidInput', undefined, fieldErrorsFromZod(error));
}
