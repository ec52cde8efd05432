import type { ErrorCode } from '../i18n/catalogue.js';
import { describeErrorSafely } from './serialize-error.js';

/**
 * The one error type of the app. `code` is stable (logs, tests, API clients),
 * the user sees only the catalogue text for `code`, the log gets `detail` and `cause`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  /** Values for placeholders in the catalogue message, never personal data. */
  readonly params: Record<string, string | number>;
  /** Per-field messages for form validation (field id → catalogue-rendered text). */
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      status?: number;
      detail?: string;
      cause?: unknown;
      params?: Record<string, string | number>;
      fields?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 400;
    this.detail = options.detail;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping the original as cause (grammY's BotError idea). */
export function toAppError(error: unknown, fallback: ErrorCode = 'unexpected'): AppError {
  if (isAppError(error)) return error;
  // A driver's message may quote the values of the failing statement: the detail never does.
  const detail = describeErrorSafely(error);
  return new AppError(fallback, { status: 500, detail, cause: error });
}
