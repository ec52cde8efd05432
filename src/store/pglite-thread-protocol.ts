/** Messages between the bot's thread and the thread that runs PGlite (pglite-thread.ts ↔ pglite-thread-worker.ts). */
export type ThreadRequest =
  | { id: number; op: 'query'; text: string; params?: readonly unknown[]; tx?: number }
  | { id: number; op: 'exec'; text: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** A database error as plain data: the fields callers and translateStoreError look at survive the thread boundary. */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number>;
}

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export type ThreadStarted = { started: true } | { started: false; error: SerializedError };

export interface ThreadOptions {
  pgliteDir?: string;
  loadDataDir?: Blob;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return { name: error.name, message: error.message, fields };
}

export function deserializeError(data: SerializedError): Error {
  const error = new Error(data.message);
  error.name = data.name;
  return Object.assign(error, data.fields);
}
