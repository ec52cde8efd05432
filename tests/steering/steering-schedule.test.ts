import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Core } from '../../src/features/feature-context.js';
import { configuredMilestoneRegister } from '../../src/features/approvals/milestone-register.js';
import { KnowledgeBase } from '../../src/features/knowledge/index.js';
import { realDigestSources } from '../../src/app/digest-sources.js';
import { steeringFeature } from '../../src/features/steering/steering-feature.js';
import { SteeringGroups } from '../../src/features/steering/steering-groups.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import { latestSlot, nextSlots } from '../../src/scheduling/job-slots.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import type { Db } from '../../src/store/db.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { startTestBot } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { TENANT_ID } from '../helpers/teams-activity.js';
import { channelAddress, testCore, type Posted } from '../helpers/test-core.js';

// First Monday of March 2026 is 2 March; 09:00 Amsterdam (CET) is 08:00 UTC.
const SLOT = new Date('2026-03-02T08:00:00Z');
const before = (ms: number) => new Date(SLOT.getTime() - ms);
const after = (ms: number) => new Date(SLOT.getTime() + ms);
const HOUR = 3_600_000;

/** The steering feature as the app wires it, over the project's milestones. */
const steering = (core: Core) =>
  steeringFeature(core, {
    groups: new SteeringGroups(core.db),
    sources: realDigestSources(core, { register: configuredMilestoneRegister(core.config.MILESTONES_DIR, core.db), kb: new KnowledgeBase(core.db) }),
  });

/** One bot instance's scheduler with the steering feature's jobs, as the composition root wires it. */
const scheduler = (core: Core) => new Scheduler({ db: core.db, log: core.log, now: core.now }).register(...(steering(core).jobs ?? []));

async function registerGroup(db: Db, at: Date) {
  await new SteeringGroups(db).register({ tenantId: TENANT_ID, programme: 'buurtbemiddeling', address: channelAddress(), registeredBy: 'test', at });
}

describe('the steering schedule expression', () => {
  it('reads "0 9 1-7 * 1" as the first Monday of the month at 09:00 Amsterdam time (day of month AND day of week)', () => {
    const [job] = steering(testCore(null as unknown as Db, { now: () => SLOT, posted: [] })).jobs!;
    const runs = nextSlots(job!.schedule, 4, new Date('2026-01-01T00:00:00Z')).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-01-05T08:00:00.000Z', '2026-02-02T08:00:00.000Z', '2026-03-02T08:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    expect(latestSlot(job!.schedule, SLOT)?.toISOString()).toBe(SLOT.toISOString());
    expect(latestSlot(job!.schedule, after(HOUR))?.toISOString()).toBe(SLOT.toISOString());
  });

  it('stops startup with a one-line message naming the variable when it does not parse', () => {
    expect(() => parseConfig({ STEERING_SCHEDULE: 'elke eerste maandag' })).toThrow(ConfigError);
    expect(() => parseConfig({ STEERING_SCHEDULE: '0 9 32 * *' })).toThrow(/^Configuration error: STEERING_SCHEDULE is invalid .*cron expression/);
    expect(() => parseConfig({ STEERING_TIMEZONE: 'Europe/Nergens' })).toThrow(/STEERING_TIMEZONE/);
    expect(parseConfig({ STEERING_SCHEDULE: 'off' }).STEERING_SCHEDULE).toBe('off');
    // "off" declares no job at all.
    expect(steering(testCore(null as unknown as Db, { now: () => SLOT, posted: [], env: { STEERING_SCHEDULE: 'off' } })).jobs).toEqual([]);
  });
});

describe('two bot instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    await migrate(database.open(), migrations, createLogger('silent'));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('post exactly one digest when both hit the scheduled moment', async () => {
    const posted: Posted[] = [];
    const dbA = database.open();
    const dbB = database.open();
    await registerGroup(dbA, before(10 * 24 * HOUR));
    const a = scheduler(testCore(dbA, { now: () => after(500), posted }));
    const b = scheduler(testCore(dbB, { now: () => after(700), posted }));
    const outcomes = await Promise.all([a.tick(after(500)), b.tick(after(700)), a.tick(after(900)), b.tick(after(30_000))]);
    expect(outcomes.filter((o) => o['steering.digest'] === 'ran')).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe('19:stuurgroep-buurtbemiddeling@thread.tacv2');
    expect(JSON.stringify(posted[0]!.activity)).toContain('Update stuurgroep buurtbemiddeling');
    // The next slot is a new one.
    const nextSlot = new Date('2026-04-06T07:00:00Z');
    expect(await b.tick(new Date(nextSlot.getTime() + 1000))).toEqual({ 'steering.digest': 'ran' });
    expect(posted).toHaveLength(2);
  });
});

describe('after a restart', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestPglite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('catches up a recently missed slot once, not once per tick or per missed slot', async () => {
    const posted: Posted[] = [];
    await registerGroup(db, new Date('2025-10-01T00:00:00Z'));
    // The bot was down from before the February slot until three hours after the March slot.
    const restartedAt = after(3 * HOUR);
    const instance = scheduler(testCore(db, { now: () => restartedAt, posted }));
    await instance.tick(restartedAt);
    expect(posted).toHaveLength(1);
    await instance.tick(after(3 * HOUR + 30_000));
    // Another restart later that day: still nothing new.
    const again = scheduler(testCore(db, { now: () => after(5 * HOUR), posted }));
    await again.tick(after(5 * HOUR));
    expect(posted).toHaveLength(1);
  });

  it('skips a slot missed by more than a day', async () => {
    const posted: Posted[] = [];
    const fresh = await openTestPglite();
    await registerGroup(fresh, new Date('2025-10-01T00:00:00Z'));
    const instance = scheduler(testCore(fresh, { now: () => after(30 * HOUR), posted }));
    expect(await instance.tick(after(30 * HOUR))).toEqual({ 'steering.digest': 'not-due' });
    expect(posted).toHaveLength(0);
    await fresh.close();
  });

  it('does not send a slot that passed before the group was registered', async () => {
    const posted: Posted[] = [];
    const fresh = await openTestPglite();
    await registerGroup(fresh, after(HOUR));
    const instance = scheduler(testCore(fresh, { now: () => after(2 * HOUR), posted }));
    await instance.tick(after(2 * HOUR));
    expect(posted).toHaveLength(0);
    await fresh.close();
  });

  it('looks at the clock on start, and its stop waits for the digest being posted', async () => {
    const posted: Posted[] = [];
    const fresh = await openTestPglite();
    await registerGroup(fresh, new Date('2025-10-01T00:00:00Z'));
    const instance = scheduler(testCore(fresh, { now: () => after(HOUR), posted }));
    instance.start();
    await instance.stop();
    expect(posted).toHaveLength(1);
    await fresh.close();
  });
});

describe('the app', () => {
  it('posts a due digest from its one scheduler at start, and its close waits until that post is done', async () => {
    const connector = await startFakeConnector();
    const db = await openTestPglite();
    await new SteeringGroups(db).register({
      tenantId: TENANT_ID,
      programme: 'buurtbemiddeling',
      address: { ...channelAddress(), serviceUrl: connector.url },
      registeredBy: 'test',
      at: new Date('2025-10-01T00:00:00Z'),
    });
    // Teams says "too many requests, try again in a second": the post is still busy when close() is called.
    connector.failNext(1, 429, { 'Retry-After': '1' });
    const bot = await startTestBot({ db, now: () => after(HOUR) });
    try {
      await connector.waitForRefused(1);
    } finally {
      await bot.close();
    }
    expect(connector.calls.filter((c) => JSON.stringify(c.body).includes('Update stuurgroep buurtbemiddeling'))).toHaveLength(1);
    expect(bot.logs.some((l) => l.msg === 'scheduled steering digest sent')).toBe(true);
    await db.close();
    await connector.close();
  });
});
