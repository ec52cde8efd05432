import { AppError } from '../errors/app-error.js';
import { describeErrorSafely } from '../errors/serialize-error.js';

// SQLSTATE classes and socket codes that mean "the database is not there", not "the query is wrong".
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  return /Connection terminated|connection (is )?closed|PGlite is closed|Client has encountered a connection error|timeout exceeded when trying to connect|is not currently accepting connections|the database system is (?:starting up|shutting down|in recovery mode)/i.test(
    error.message,
  );
}

/** Turns driver failures into the app's error: unavailability is 503 with a Dutch message, the rest stays as thrown. */
export function translateStoreError(error: unknown): unknown {
  if (isUnavailable(error)) {
    return new AppError('store_unavailable', { status: 503, detail: describeErrorSafely(error), cause: error });
  }
  return error;
}
