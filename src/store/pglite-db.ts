import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { AppError } from '../errors/app-error.js';
import type { Db, Sql } from './db.js';
import { inlineParameters } from './inline-parameters.js';
import { openPgliteThread } from './pglite-thread.js';
import { translateStoreError } from './store-errors.js';

const lockName = 'veiligheidsbot.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite cannot be opened by two processes; say so plainly instead of letting it corrupt or hang. */
function takeLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, lockName);
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && processAlive(pid)) {
      throw new AppError('store_in_use', { status: 503, params: { dir: dataDir, pid }, detail: `PGlite data folder ${dataDir} is locked by process ${pid}` });
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

export interface PgliteOptions {
  /** A folder on disk; leave out for an in-memory database (tests). */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start tests from a migrated copy instead of running initdb. */
  loadDataDir?: Blob;
  /**
   * Where the database engine runs. 'worker' (the server's default) runs it on a thread of its own,
   * so queries do not hold up the bot's event loop; 'main' runs it in the calling thread.
   */
  thread?: 'main' | 'worker';
}

export type PgliteDb = Db & { dump(): Promise<Blob> };

/** Creates the PGlite engine with the extensions the migrations need; used in either thread. */
export async function createPgliteEngine(options: { pgliteDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  return PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
  });
}

export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDb> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const release = dataDir ? takeLock(dataDir) : () => undefined;
  const engine = { ...(dataDir ? { pgliteDir: join(dataDir, 'pglite') } : {}), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) };
  try {
    const db = options.thread === 'worker' ? await openPgliteThread(engine) : wrapPglite(await createPgliteEngine(engine));
    return { ...db, close: () => db.close().finally(release) };
  } catch (error) {
    release();
    throw translateStoreError(error);
  }
}

/**
 * One statement on PGlite, its parameters written into the text as literals: PGlite runs that in
 * one trip into its engine, where bound parameters take two (a third of a turn's store time).
 */
export async function runStatement<T extends object>(target: Pick<PGlite, 'exec'>, text: string, params?: readonly unknown[]): Promise<T[]> {
  const results = await target.exec(params?.length ? inlineParameters(text, params) : text);
  return (results[results.length - 1]?.rows ?? []) as T[];
}

/** The store interface on a PGlite engine in this thread. */
export function wrapPglite(pglite: PGlite): PgliteDb {
  async function script(target: Pick<PGlite, 'exec'>, text: string): Promise<void> {
    try {
      await target.exec(text);
    } catch (error) {
      throw translateStoreError(error);
    }
  }

  async function run<T extends object>(target: Pick<PGlite, 'exec'>, text: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      return await runStatement<T>(target, text, params);
    } catch (error) {
      throw translateStoreError(error);
    }
  }

  return {
    driver: 'pglite',
    query: (text, params) => run(pglite, text, params),
    exec: (text) => script(pglite, text),
    async transaction(work) {
      try {
        return await pglite.transaction(async (raw) => {
          const tx: Sql = { query: (text, params) => run(raw, text, params), exec: (text) => script(raw, text) };
          return work(tx);
        });
      } catch (error) {
        throw translateStoreError(error);
      }
    },
    async ping() {
      await run(pglite, 'select 1');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
    async dump() {
      return pglite.dumpDataDir('gzip') as Promise<Blob>;
    },
  };
}
