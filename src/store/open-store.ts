import type { Config } from '../config/config-schema.js';
import type { Logger } from '../logging/logger.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { openPglite } from './pglite-db.js';
import { openPostgres } from './postgres-db.js';

/** PostgreSQL when DATABASE_URL is set, else the embedded PGlite under DATA_DIR; migrated either way. */
export async function openStore(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>, log: Logger): Promise<Db> {
  const db = config.DATABASE_URL ? openPostgres(config.DATABASE_URL, log) : await openPglite({ dataDir: config.DATA_DIR, thread: 'worker' });
  try {
    await migrate(db, migrations, log);
  } catch (error) {
    await db.close();
    throw error;
  }
  log.info({ driver: db.driver }, 'store ready');
  return db;
}
