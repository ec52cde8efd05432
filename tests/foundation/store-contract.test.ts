import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationDirectory } from '../../src/conversations/conversation-directory.js';
import { isAppError } from '../../src/errors/app-error.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { ProcessedActivities } from '../../src/store/processed-activities.js';
import { ETagConflictError, SqlBotStorage } from '../../src/teams/sql-bot-storage.js';
import { openTestPglite, pgliteTemplate } from '../helpers/pglite-template.js';
import { openPglite } from '../../src/store/pglite-db.js';
import { testStores } from '../helpers/test-stores.js';

const silent = createLogger('silent');

/** The same contract, run on the embedded driver (in-process and on its own thread, as the server runs it) and on PostgreSQL. */
const [pglite, postgres] = testStores();
const drivers: { name: string; open(): Promise<{ db: Db; dispose(): Promise<void> }> }[] = [
  pglite!,
  {
    // The server's default: PGlite on a worker thread of its own.
    name: 'pglite on its own thread',
    async open() {
      const db = await openPglite({ thread: 'worker', loadDataDir: await pgliteTemplate() });
      return { db, dispose: () => db.close() };
    },
  },
  postgres!,
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
    const [row] = await db.query<{ n: number; doc: unknown; updated_at: Date }>(
      "SELECT count(*)::int AS n, max(doc::text)::jsonb AS doc, max(updated_at) AS updated_at FROM bot_state WHERE key = 'types'",
    );
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

  // Only a store no other process writes (embedded PGlite) may keep its state in memory.
  const stateModes: [string, boolean][] = [
    ['read from the store on every turn', false],
    ...(driver.name.startsWith('pglite') ? [['kept in memory, as the embedded store does', true] as [string, boolean]] : []),
  ];
  it.each(stateModes)('keeps botbuilder state with eTag optimistic concurrency (%s)', async (_how, exclusive) => {
    await db.query('DELETE FROM bot_state');
    const storage = new SqlBotStorage(db, { exclusive });
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
    // Two bots on one store: what one writes, the other reads, and a stale eTag still loses.
    const other = new SqlBotStorage(db, { exclusive });
    const [seenByOne, seenByOther] = [await storage.read(['user/1']), await other.read(['user/1'])];
    await storage.write({ 'user/1': { locale: 'nl', eTag: seenByOne['user/1'].eTag } });
    expect((await other.read(['user/1']))['user/1']).toMatchObject({ locale: 'nl' });
    await expect(other.write({ 'user/1': { locale: 'fr', eTag: seenByOther['user/1'].eTag } })).rejects.toBeInstanceOf(ETagConflictError);
    // A write that lands while a read is under way is not overwritten by the older copy the read brings.
    const reading = other.read(['conv/2']);
    await storage.write({ 'conv/2': { topic: 'nieuw', eTag: '*' } });
    await reading;
    expect((await other.read(['conv/2']))['conv/2']).toMatchObject({ topic: 'nieuw' });
    // A turn's state stays whole when reading it pushes other copies out of a full memory.
    const small = new SqlBotStorage(db, { exclusive, remember: 2 });
    await small.write({ 'conv/3': { topic: 'drie', eTag: '*' }, 'user/3': { locale: 'nl', eTag: '*' } });
    // user/1 is not in memory; fetching it pushes out conv/3, which this turn already found there.
    const turn = await small.read(['user/1', 'conv/3', 'user/3']);
    expect([turn['conv/3']?.topic, turn['user/3']?.locale, turn['user/1']?.locale]).toEqual(['drie', 'nl', 'nl']);
    expect((await small.read(['conv/3']))['conv/3']).toMatchObject({ topic: 'drie', eTag: turn['conv/3']!.eTag });
    // Each read is a copy: changing it changes nothing stored.
    (await storage.read(['conv/2']))['conv/2'].topic = 'veranderd';
    expect((await storage.read(['conv/2']))['conv/2']).toMatchObject({ topic: 'nieuw' });
  });

  it('lets exactly one of any number of deliveries of a message run, also when they arrive together', async () => {
    const processed = new ProcessedActivities(db);
    const keys = ['a', 'b', 'c'].map((id) => ProcessedActivities.key(`conv-${driver.name}`, id));
    // Five deliveries of "a" at once, beside one each of "b" and "c", claimed in shared statements.
    const claims = await Promise.all([...Array(5).fill(keys[0]), keys[1], keys[2]].map((key: string) => processed.claimMessage(key)));
    expect(claims.filter((c) => c.kind === 'first')).toHaveLength(3);
    expect(claims.slice(0, 5).filter((c) => c.kind === 'first')).toHaveLength(1);
    expect(await Promise.all(keys.map((key) => processed.claimMessage(key)))).toEqual(keys.map(() => ({ kind: 'done' })));
  });

  it('remembers conversation addresses for proactive messages and finds a personal chat by user', async () => {
    const directory = new ConversationDirectory(db);
    const address = { conversationId: 'a:1', conversationType: 'personal' as const, tenantId: 't1', serviceUrl: 'http://x', raw: { conversation: { id: 'a:1' } } };
    await directory.remember(address, { aadObjectId: 'aad-1', id: '29:1' });
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

  it('reports a store whose PGlite thread has stopped as store_unavailable, in and out of a transaction', async () => {
    const db = await openPglite({ thread: 'worker', loadDataDir: await pgliteTemplate() });
    const inTransaction = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await db.close();
      return tx.query('SELECT 2');
    });
    for (const error of [await inTransaction.catch((e: unknown) => e), await db.query('SELECT 1').catch((e: unknown) => e)]) {
      expect(isAppError(error) && error.code).toBe('store_unavailable');
    }
  });

  it('runs the statements of concurrent transactions one transaction at a time on the PGlite thread', async () => {
    const db = await openPglite({ thread: 'worker', loadDataDir: await pgliteTemplate() });
    try {
      await db.query("INSERT INTO bot_state (key, doc, etag) VALUES ('counter', '{\"n\":0}'::jsonb, 'e')");
      // Read-then-write in each: without isolation between them, increments would be lost.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const [row] = await tx.query<{ n: number }>("SELECT (doc->>'n')::int AS n FROM bot_state WHERE key = 'counter'");
            await new Promise((resolve) => setImmediate(resolve));
            await tx.query("UPDATE bot_state SET doc = jsonb_build_object('n', $1::int) WHERE key = 'counter'", [row!.n + 1]);
          }),
        ),
      );
      expect(await db.query("SELECT (doc->>'n')::int AS n FROM bot_state WHERE key = 'counter'")).toEqual([{ n: 20 }]);
    } finally {
      await db.close();
    }
  });

  it('reports an unreachable PostgreSQL as store_unavailable', async () => {
    const { openPostgres } = await import('../../src/store/postgres-db.js');
    const db = openPostgres('postgres://postgres@127.0.0.1:1/none', silent);
    const error = await db.query('SELECT 1').catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('store_unavailable');
    await db.close();
  });
});
