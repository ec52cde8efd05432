/**
 * The one way an error reaches the log. A database error carries the statement, its parameters
 * (PGlite writes them into `query`), and PostgreSQL's `detail`/`where` quote the failing row: all
 * of it can be personal data or question text. So a database error keeps only what identifies the
 * failure (SQLSTATE, constraint, table, column, type), and any other error keeps its type, message
 * (quoted values taken out) and stack, plus the same for its cause.
 */
export interface SerializedError {
  type: string;
  message?: string;
  sqlstate?: string;
  code?: string | number;
  status?: number;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  routine?: string;
  detail?: string;
  stack?: string;
  cause?: SerializedError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_MESSAGE = 500;
const MAX_CAUSES = 5;

/** pg's DatabaseError and PGlite's error: a SQLSTATE code plus PostgreSQL's severity. */
function isDatabaseError(error: Record<string, unknown>): boolean {
  return typeof error.code === 'string' && SQLSTATE.test(error.code) && (typeof error.severity === 'string' || 'query' in error || 'routine' in error);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 200 ? value : undefined);

/** Quoted parts of a message ("…", '…', Key (x)=(…)) are where drivers and parsers put values. */
export function withoutQuotedValues(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/=\((?:[^()]|\([^()]*\))*\)/g, '=(…)')
    .slice(0, MAX_MESSAGE);
}

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  // The first line repeats the message; only the frames are kept.
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length ? frames.slice(0, 12).join('\n') : undefined;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { type: error === null ? 'null' : typeof error, ...(typeof error === 'string' ? { message: withoutQuotedValues(error) } : {}) };
  }
  const fields = error as unknown as Record<string, unknown>;
  const cause = depth < MAX_CAUSES && error.cause !== undefined ? { cause: serializeError(error.cause, depth + 1) } : {};
  if (isDatabaseError(fields)) {
    return {
      type: 'DatabaseError',
      sqlstate: fields.code as string,
      ...(text(fields.constraint) ? { constraint: text(fields.constraint) } : {}),
      ...(text(fields.table) ? { table: text(fields.table) } : {}),
      ...(text(fields.column) ? { column: text(fields.column) } : {}),
      ...(text(fields.schema) ? { schema: text(fields.schema) } : {}),
      ...(text(fields.dataType) ? { dataType: text(fields.dataType) } : {}),
      ...(text(fields.routine) ? { routine: text(fields.routine) } : {}),
      ...(stackFrames(error.stack) ? { stack: stackFrames(error.stack) } : {}),
      ...cause,
    };
  }
  const out: SerializedError = { type: error.name || error.constructor?.name || 'Error', message: withoutQuotedValues(error.message) };
  if (typeof fields.code === 'string' || typeof fields.code === 'number') out.code = fields.code;
  if (typeof fields.status === 'number') out.status = fields.status;
  // AppError's detail is written for the log; values in quotes still come out.
  if (typeof fields.detail === 'string' && error.name === 'AppError') out.detail = withoutQuotedValues(fields.detail);
  const frames = stackFrames(error.stack);
  if (frames) out.stack = frames;
  return { ...out, ...cause };
}

/** One line about an error, safe for the log (the `detail` of an unexpected error). */
export function describeErrorSafely(error: unknown): string {
  const s = serializeError(error);
  if (s.type === 'DatabaseError') return [`database error ${s.sqlstate}`, s.table && `table ${s.table}`, s.constraint && `constraint ${s.constraint}`].filter(Boolean).join(', ');
  return s.message ? `${s.type}: ${s.message}` : s.type;
}
