import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createLogger } from '../../src/logging/logger.js';
import type { Db } from '../../src/store/db.js';
import { openPostgres } from '../../src/store/postgres-db.js';

/** The PostgreSQL the contract tests run on; CI sets it, locally it defaults to this machine's server. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh database of its own on the test server (created from template0, dropped by `drop`),
 * so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<{ url: string; open(): Db; drop(): Promise<void> }> {
  const name = `vb_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const opened: Db[] = [];
  return {
    url: url.toString(),
    open() {
      const db = openPostgres(url.toString(), createLogger('silent'));
      opened.push(db);
      return db;
    },
    async drop() {
      for (const db of opened) await db.close().catch(() => undefined);
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
