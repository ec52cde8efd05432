import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationDirectory } from '../../src/conversations/conversation-directory.js';
import { isAppError } from '../../src/core/app-error.js';
import { createLogger } from '../../src/core/logger.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { ETagConflictError, SqlBotStorage } from '../../src/teams/sql-bot-storage.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { createTestDatabase } from '../helpers/postgres.js';

const silent = createLogger('silent');

/** The same contract, run on the embedded driver and on PostgreSQL. */
const drivers: { name: string; open(): Promise<{ db: Db; dispose(): Promise<void> }> }[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openTestPglite();
      return { db, dispose: () => db.close() };
    },
  },
  {
    name: 'postgres',
    async open() {
      const database = await createTestDatabase();
      const db = database.open();
      await migrate(db, migrations, silent);
      return { db, dispose: () => database.drop() };
    },
  },
];

describe.each(drivers)('store contract on $name', (driver) => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await driver.open());
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('has applied every migration once, and a second run applies none', async () => {
    const rows = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id).sort((a, b) => a - b));
    expect(await migrate(db, migrations, silent)).toEqual([]);
  });

  it('returns counts as numbers, JSON as objects and timestamps as dates', async () => {
    await db.query("INSERT INTO bot_state (key, doc, etag) VALUES ('types', $1::jsonb, 'e')", [JSON.stringify({ a: [1, 'twee'] })]);
    const [row] = await db.query<{ n: number; doc: unknown; updated_at: Date }>("SELECT count(*)::int AS n, max(doc::text)::jsonb AS doc, max(updated_at) AS updated_at FROM bot_state WHERE key = 'types'");
    expect(row).toMatchObject({ n: 1, doc: { a: [1, 'twee'] } });
    expect(row!.updated_at).toBeInstanceOf(Date);
  });

  it('rolls a transaction back when its work throws, and commits when it resolves', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO bot_state (key, doc, etag) VALUES ('rolled-back', '{}'::jsonb, 'e')");
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO bot_state (key, doc, etag) VALUES ('committed', '{}'::jsonb, 'e')");
    });
    const keys = (await db.query<{ key: string }>("SELECT key FROM bot_state WHERE key IN ('rolled-back', 'committed')")).map((r) => r.key);
    expect(keys).toEqual(['committed']);
  });

  it('keeps botbuilder state with eTag optimistic concurrency', async () => {
    const storage = new SqlBotStorage(db);
    await storage.write({ 'conv/1': { topic: 'beleid', eTag: '*' } });
    const first = await storage.read(['conv/1', 'missing']);
    expect(first['conv/1']).toMatchObject({ topic: 'beleid' });
    expect(first.missing).toBeUndefined();
    const eTag = first['conv/1'].eTag as string;
    await storage.write({ 'conv/1': { topic: 'mijlpalen', eTag } });
    // A second writer holding the old eTag must not overwrite the newer state.
    await expect(storage.write({ 'conv/1': { topic: 'oud', eTag } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['conv/1']))['conv/1']).toMatchObject({ topic: 'mijlpalen' });
    // Conversation and user state of one turn are read together; each caller gets its own keys.
    await storage.write({ 'user/1': { locale: 'en', eTag: '*' } });
    const [conversation, user] = await Promise.all([storage.read(['conv/1']), storage.read(['user/1', 'user/none'])]);
    expect(Object.keys(conversation)).toEqual(['conv/1']);
    expect(user).toEqual({ 'user/1': expect.objectContaining({ locale: 'en' }) });
    await storage.delete(['conv/1']);
    expect(await storage.read(['conv/1'])).toEqual({});
  });

  it('remembers conversation addresses for proactive messages and finds a personal chat by user', async () => {
    const directory = new ConversationDirectory(db);
    const address = { conversationId: 'a:1', conversationType: 'personal' as const, tenantId: 't1', serviceUrl: 'http://x', raw: { conversation: { id: 'a:1' } } };
    await directory.remember(address, 'aad-1');
    expect(await directory.findPersonal('t1', 'aad-1')).toEqual(address);
    expect(await directory.findPersonal('t2', 'aad-1')).toBeUndefined();
    await directory.markInactive('a:1');
    expect(await directory.findPersonal('t1', 'aad-1')).toBeUndefined();
    expect((await directory.find('a:1'))?.active).toBe(false);
  });
});

describe('store failures', () => {
  it('reports a closed embedded store as store_unavailable (503), not as a driver error', async () => {
    const db = await openTestPglite();
    await db.close();
    const error = await db.query('SELECT 1').catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('store_unavailable');
    expect(isAppError(error) && error.status).toBe(503);
  });

  it('reports an unreachable PostgreSQL as store_unavailable', async () => {
    const { openPostgres } = await import('../../src/store/postgres-db.js');
    const db = openPostgres('postgres://postgres@127.0.0.1:1/none', silent);
    const error = await db.query('SELECT 1').catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('store_unavailable');
    await db.close();
  });
});
