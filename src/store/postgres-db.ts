import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import type { Db, Sql } from './db.js';
import { translateStoreError } from './store-errors.js';

export function openPostgres(connectionString: string, log: Logger, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', (error) => log.warn({ err: error }, 'postgres idle client error'));

  async function run<T extends object>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      const result = await client.query(text, params as unknown[] | undefined);
      return result.rows as T[];
    } catch (error) {
      throw translateStoreError(error);
    }
  }

  return {
    driver: 'postgres',
    query: (text, params) => run(pool, text, params),
    exec: async (text) => {
      await run(pool, text);
    },
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translateStoreError(error);
      }
      const tx: Sql = {
        query: (text, params) => run(client, text, params),
        exec: async (text) => {
          await run(client, text);
        },
      };
      try {
        await tx.query('BEGIN');
        const result = await work(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => log.warn({ err: rollbackError }, 'rollback failed'));
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await run(pool, 'select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
