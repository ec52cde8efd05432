import { toAppError } from '../errors/app-error.js';
import { newReferenceId } from '../errors/reference-id.js';
import { format } from '../i18n/catalogue.js';
import type { InvokeResult } from './route.js';
import type { Turn } from './turn.js';

export interface ErrorReply {
  ref: string;
  code: string;
  status: number;
  /** Safe to show: from the catalogue, in the user's language, never a stack or driver text. */
  message: string;
}

/**
 * The one place that turns a thrown error into what the user sees and what the log gets.
 * Expected errors (AppError with status < 500) log at warn; everything else at error with the cause.
 */
export function describeTurnError(error: unknown, turn: Pick<Turn, 't' | 'log' | 'activityType'>): ErrorReply {
  const appError = toAppError(error);
  const ref = newReferenceId();
  const message = format(turn.t.errors[appError.code], { ...appError.params, ref });
  const entry = { ref, code: appError.code, status: appError.status, detail: appError.detail, activityType: turn.activityType };
  if (appError.status >= 500) turn.log.error({ ...entry, err: appError.cause ?? appError }, 'turn failed');
  else turn.log.warn(entry, 'turn refused');
  return { ref, code: appError.code, status: appError.status, message };
}

/** Teams shows this shape on the card itself instead of a generic "something went wrong". */
export function errorInvokeResult(reply: ErrorReply): InvokeResult {
  const statusCode = reply.status >= 500 ? 500 : 400;
  return {
    status: statusCode,
    body: {
      statusCode,
      type: 'application/vnd.microsoft.error',
      value: { code: reply.code, message: reply.message },
    },
  };
}
