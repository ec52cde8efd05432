import { Worker } from 'node:worker_threads';
import type { Sql } from './db.js';
import type { PgliteDb } from './pglite-db.js';
import { deserializeError, type ThreadOptions, type ThreadReply, type ThreadRequest, type ThreadStarted } from './pglite-thread-protocol.js';
import { translateStoreError } from './store-errors.js';

type Call = { [K in ThreadRequest['op']]: Omit<Extract<ThreadRequest, { op: K }>, 'id'> }[ThreadRequest['op']];

// Running from the TypeScript sources (tests, `npm run dev`), the worker loads its entry through tsx.
const fromSources = import.meta.url.endsWith('.ts');

function startWorker(options: ThreadOptions): Worker {
  if (!fromSources) return new Worker(new URL('./pglite-thread-worker.js', import.meta.url), { workerData: options });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pglite-thread-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData: options, execArgv: [] });
}

/** Resolves when PGlite on the worker is ready; rejects with its error when it cannot start. */
function started(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      outcome();
    };
    const onMessage = (message: ThreadStarted) => settle(() => (message.started ? resolve() : reject(deserializeError(message.error))));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`PGlite is closed: its thread ended with code ${code} while starting`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * PGlite on a worker thread of its own. PGlite runs PostgreSQL as WebAssembly in the thread that
 * calls it, so in the bot's thread every query would hold up every other turn; here queries run
 * beside the bot's JavaScript, on the second core. Same interface and semantics as in-thread PGlite:
 * one engine, statements in order, a transaction holds the engine until it ends.
 */
export async function openPgliteThread(options: ThreadOptions): Promise<PgliteDb> {
  const worker = startWorker(options);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let nextId = 1;
  let stopped: Error | undefined;

  // An idle worker must not keep a finished CLI alive; a query in flight must.
  const track = () => (pending.size ? worker.ref() : worker.unref());

  function stop(reason: Error): void {
    stopped ??= reason;
    for (const waiter of pending.values()) waiter.reject(stopped);
    pending.clear();
    track();
  }

  try {
    await started(worker);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.on('message', (reply: ThreadReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    track();
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(deserializeError(reply.error));
  });
  worker.on('error', (error) => stop(new Error(`PGlite is closed: its thread failed: ${error.message}`)));
  worker.on('exit', (code) => stop(new Error(`PGlite is closed: its thread ended with code ${code}`)));
  track();

  async function call<T>(request: Call): Promise<T> {
    if (stopped) throw translateStoreError(stopped);
    const id = nextId++;
    const reply = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    track();
    worker.postMessage({ ...request, id });
    try {
      return await reply;
    } catch (error) {
      throw translateStoreError(error);
    }
  }

  const sqlIn = (tx?: number): Sql => ({
    query: <T extends object>(text: string, params?: readonly unknown[]) => call<T[]>({ op: 'query', text, ...(params ? { params } : {}), ...(tx ? { tx } : {}) }),
    exec: (text) => call<void>({ op: 'exec', text, ...(tx ? { tx } : {}) }),
  });

  return {
    driver: 'pglite',
    ...sqlIn(),
    async transaction(work) {
      const tx = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await work(sqlIn(tx));
      } catch (error) {
        // The work's own failure is what the caller needs; a rollback that fails too means the thread is gone.
        await call({ op: 'end', tx, commit: false }).catch((rollbackError: unknown) => {
          (error as { rollbackError?: unknown }).rollbackError ??= rollbackError;
        });
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async ping() {
      await call({ op: 'query', text: 'select 1' });
    },
    async close() {
      if (stopped) return;
      try {
        await call({ op: 'close' });
      } finally {
        // Whether or not PGlite closed cleanly, the thread goes: nothing may use it after close().
        stop(new Error('PGlite is closed'));
        await worker.terminate();
      }
    },
    dump: () => call<Blob>({ op: 'dump' }),
  };
}
