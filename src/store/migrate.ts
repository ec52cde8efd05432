import type { Logger } from '../logging/logger.js';
import type { Db } from './db.js';
import type { Migration } from './migrations/migration.js';

// Any fixed number; it only has to be the same for every instance of the bot.
const migrationLockKey = 746_117;

/**
 * Applies pending migrations in one transaction under an advisory lock, so two instances
 * starting at once on one PostgreSQL database do not both apply them.
 */
export async function migrate(db: Db, all: readonly Migration[], log: Logger): Promise<number[]> {
  const sorted = [...all].sort((a, b) => a.id - b.id);
  const ids = new Set<number>();
  for (const m of sorted) {
    if (ids.has(m.id)) throw new Error(`Two migrations share id ${m.id}`);
    ids.add(m.id);
  }
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const applied: number[] = [];
    for (const m of sorted) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
      log.info({ migration: m.id, name: m.name }, 'migration applied');
    }
    return applied;
  });
}
