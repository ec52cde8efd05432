import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../src/logging/logger.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openPglite } from '../../src/store/pglite-db.js';
import type { Db } from '../../src/store/db.js';

// One file per test run (several runs may share a working tree); global setup passes it to the workers.
function templateFile(): string {
  process.env.VB_PGLITE_TEMPLATE ??= join(process.cwd(), '.tmp', `pglite-template-${process.pid}.tgz`);
  return process.env.VB_PGLITE_TEMPLATE;
}

/**
 * Creating a PGlite database runs initdb (seconds); loading a dump of a migrated one takes well
 * under one. vitest's global setup writes the dump once per run; every test opens its own copy.
 */
export async function writePgliteTemplate(): Promise<void> {
  const db = await openPglite();
  await migrate(db, migrations, createLogger('silent'));
  const blob = await db.dump();
  mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
  writeFileSync(templateFile(), Buffer.from(await blob.arrayBuffer()));
  await db.close();
}

/** The migrated template as a dump to load (written first if this run has none yet). */
export async function pgliteTemplate(): Promise<Blob> {
  if (!existsSync(templateFile())) await writePgliteTemplate();
  return new Blob([readFileSync(templateFile())]);
}

/** A fresh, migrated, in-memory PGlite database of its own. */
export async function openTestPglite(): Promise<Db> {
  return openPglite({ loadDataDir: await pgliteTemplate() });
}
