import { parentPort, workerData } from 'node:worker_threads';
import type { Transaction } from '@electric-sql/pglite';
import { createPgliteEngine, runStatement } from './pglite-db.js';
import { serializeError, type ThreadOptions, type ThreadReply, type ThreadRequest, type ThreadStarted } from './pglite-thread-protocol.js';

/** Runs PGlite on this worker thread and answers the requests of pglite-thread.ts. */
const port = parentPort!;
const options = workerData as ThreadOptions;

// Marks a transaction the bot's thread asked to roll back, so PGlite rolls back instead of committing.
const rollbackRequested = Symbol('rollback requested');

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  done: Promise<void>;
}

async function main(): Promise<void> {
  let pglite;
  try {
    pglite = await createPgliteEngine(options);
  } catch (error) {
    port.postMessage({ started: false, error: serializeError(error) } satisfies ThreadStarted);
    return;
  }
  const db = pglite;
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;

  function target(tx: number | undefined) {
    if (tx === undefined) return db;
    const open = transactions.get(tx);
    if (!open) throw new Error(`Transaction ${tx} is closed`);
    return open.tx;
  }

  async function begin(): Promise<number> {
    const id = nextTransaction++;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let end!: (commit: boolean) => void;
    const ended = new Promise<boolean>((resolve) => (end = resolve));
    const done = db
      .transaction(async (tx) => {
        transactions.set(id, { tx, end, done });
        started();
        if (!(await ended)) throw rollbackRequested;
      })
      .catch((error: unknown) => {
        if (error !== rollbackRequested) throw error;
      })
      .finally(() => transactions.delete(id));
    // PGlite may refuse to begin (closed): the failure then comes from `done` before `running` resolves.
    await Promise.race([running, done]);
    if (!transactions.has(id)) await done;
    return id;
  }

  async function handle(request: ThreadRequest): Promise<unknown> {
    switch (request.op) {
      case 'query':
        return runStatement(target(request.tx), request.text, request.params);
      case 'exec':
        await target(request.tx).exec(request.text);
        return undefined;
      case 'begin':
        return begin();
      case 'end': {
        const open = transactions.get(request.tx);
        if (!open) throw new Error(`Transaction ${request.tx} is closed`);
        open.end(request.commit);
        await open.done;
        return undefined;
      }
      case 'dump':
        return db.dumpDataDir('gzip');
      case 'close': {
        // A transaction still open would hold PGlite, and close() would wait for it forever.
        const open = [...transactions.values()];
        for (const t of open) t.end(false);
        await Promise.allSettled(open.map((t) => t.done));
        if (!db.closed) await db.close();
        return undefined;
      }
    }
  }

  port.on('message', (request: ThreadRequest) => {
    handle(request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: serializeError(error) } satisfies ThreadReply),
    );
  });
  port.postMessage({ started: true } satisfies ThreadStarted);
}

void main();
