import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, firstCard, startTestBot, type TestBot } from '../helpers/test-app.js';
import { personas } from '../helpers/teams-activity.js';
import { createTestDatabase, testDatabaseUrl } from '../helpers/postgres.js';
import { intakeInput } from '../mediation/fixtures.js';
import { count, until } from './production-helpers.js';

const UNAVAILABLE = 'De opslag van de bot is even niet bereikbaar';

async function health(bot: TestBot): Promise<{ status: number; body: any }> {
  const res = await fetch(`${bot.url}/healthz`);
  return { status: res.status, body: await res.json() };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the database goes away mid-run (PostgreSQL) and comes back', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let name: string;
  let bot: TestBot;
  beforeAll(async () => {
    database = await createTestDatabase();
    name = new URL(database.url).pathname.slice(1);
    bot = await startTestBot({ listen: true, db: database.open() });
  });
  afterAll(async () => {
    await admin((c) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
    await bot?.close();
    await database?.drop();
  });

  it('tells the user in Dutch, reports 503 on /healthz, loses nothing confirmed, and recovers by itself', async () => {
    const confirmed = await bot.act('mediation.submit', intakeInput());
    const caseNumber = JSON.stringify(confirmed.body).match(/BB-\d{4}-\d{4}/)![0];

    // the database refuses new connections and every open one is cut
    await admin(async (c) => {
      await c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    });

    const replies = await bot.say('help', { from: personas.burgemeester });
    expect(replies.map((r) => r.text).join('\n')).toContain(UNAVAILABLE);
    const click = await bot.act('mediation.submit', intakeInput());
    expect(click.body?.value?.code).toBe('store_unavailable');
    expect(click.body.value.message).toContain(UNAVAILABLE);
    const down = await health(bot);
    expect(down).toMatchObject({ status: 503, body: { status: 'store_unavailable' } });

    await admin((c) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    await until(async () => (await health(bot)).status === 200, 10_000, 'healthz 200 after the database is back');
    const again = await bot.say('help', { from: personas.burgemeester });
    expect(again.map((r) => r.text ?? '').join('\n')).not.toContain(UNAVAILABLE);
    expect(cardText(firstCard(again))).toContain('Buurtbemiddeling aanmelden');
    const [row] = await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_cases WHERE case_number = $1', [caseNumber]);
    expect(row!.n).toBe(1);
    // the refused submit left nothing half-done
    expect(await count(bot.db, 'mediation_cases')).toBe(1);
  });
});

describe('the embedded store (PGlite) is closed under the bot', () => {
  it('tells the user and reports 503; recovery needs a restart, because a closed PGlite cannot be reopened in-process', async () => {
    const bot = await startTestBot({ listen: true });
    try {
      await bot.db.close();
      const replies = await bot.say('help');
      expect(replies.map((r) => r.text).join('\n')).toContain(UNAVAILABLE);
      expect(await health(bot)).toMatchObject({ status: 503, body: { status: 'store_unavailable', store: 'pglite' } });
    } finally {
      await bot.close();
    }
  });
});

describe('the connector throttles or fails', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { SEND_MAX_ATTEMPTS: '2' } });
    await bot.say('help', { from: personas.burgemeester });
    await bot.say('help', { from: personas.adviseur });
  });
  afterAll(async () => {
    await bot?.close();
  });

  const address = async (id: string) => (await bot.core.conversations.find(id))!;

  it('retries a 429 after Retry-After, without holding up a post to another conversation', async () => {
    const first = await address('a:personal-user-burgemeester');
    const second = await address('a:personal-user-adviseur');
    bot.connector.failNext(1, 429, { 'Retry-After': '2' });
    const started = Date.now();
    const throttled = bot.core.messenger.send(first, { type: 'message', text: 'eerste' }).then(() => Date.now() - started);
    await bot.connector.waitForRefused(1); // the first try has met the 429
    const otherStarted = Date.now();
    await bot.core.messenger.send(second, { type: 'message', text: 'tweede' });
    const otherTook = Date.now() - otherStarted;
    const throttledTook = await throttled;
    expect(otherTook).toBeLessThan(1000);
    expect(throttledTook).toBeGreaterThanOrEqual(1900);
    // botbuilder's own HTTP pipeline already retries a 429 after Retry-After (and 5xx with backoff)
    expect(bot.connector.calls.filter((c) => c.body.text === 'eerste')).toHaveLength(1);
  });

  it('gives up after the configured tries with a log line', async () => {
    // botbuilder tries 4 times per send (its retry policy); the reliable messenger around it twice
    const refusedBefore = bot.connector.refused.length;
    bot.connector.failNext(8, 503);
    await expect(bot.core.messenger.send(await address('a:personal-user-adviseur'), { type: 'message', text: 'opgegeven' })).rejects.toMatchObject({ statusCode: 503 });
    expect(bot.connector.refused.slice(refusedBefore).map((c) => c.status)).toEqual(Array(8).fill(503));
    expect(bot.connector.calls.filter((c) => c.body.text === 'opgegeven')).toHaveLength(0);
    const gaveUp = bot.logs.find((l) => l.msg === 'proactive send gave up after retries');
    expect(gaveUp).toMatchObject({ status: 503, tries: 2 });
    // and the bot carries on
    await bot.core.messenger.send(await address('a:personal-user-adviseur'), { type: 'message', text: 'daarna' });
    expect(bot.connector.calls.filter((c) => c.body.text === 'daarna')).toHaveLength(1);
  }, 60_000);
});
