import { createLogger } from '../../src/logging/logger.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations as allMigrations } from '../../src/store/migrations/index.js';
import type { Migration } from '../../src/store/migrations/migration.js';
import { openPglite } from '../../src/store/pglite-db.js';
import { openTestPglite } from './pglite-template.js';
import { createTestDatabase } from './postgres.js';

export interface OpenedTestStore {
  db: Db;
  /** Another connection to the same database, as a second bot instance has (PGlite: the same one, a process owns it). */
  connect(): Db;
  dispose(): Promise<void>;
}

export interface TestStore {
  name: string;
  open(): Promise<OpenedTestStore>;
}

/**
 * The two stores every store contract runs on: embedded PGlite and a fresh PostgreSQL database,
 * migrated with `migrations` (all of them by default; fewer to test a migration on rows of an older version).
 */
export function testStores(migrations: readonly Migration[] = allMigrations): TestStore[] {
  const silent = createLogger('silent');
  const upToDate = migrations.length === allMigrations.length;
  return [
    {
      name: 'pglite',
      async open() {
        // The migrated template is a copy away; an older schema is migrated on a fresh store.
        const db = upToDate ? await openTestPglite() : await openPglite();
        if (!upToDate) await migrate(db, migrations, silent);
        return { db, connect: () => db, dispose: () => db.close() };
      },
    },
    {
      name: 'postgres',
      async open() {
        const database = await createTestDatabase();
        const db = database.open();
        await migrate(db, migrations, silent);
        return { db, connect: () => database.open(), dispose: () => database.drop() };
      },
    },
  ];
}
