import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import type { JobRun, ScheduledJob } from '../../src/scheduling/scheduled-job.js';
import { latestSlot, nextSlots } from '../../src/scheduling/job-slots.js';
import { Scheduler } from '../../src/scheduling/scheduler.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { testStores } from '../helpers/test-stores.js';

const silent = createLogger('silent');
const MINUTE = 60_000;
/** A slot of an hourly job: 2026-03-02 10:00 UTC. */
const SLOT = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(SLOT.getTime() + ms);

/** Two bot instances: two schedulers on one store (on PostgreSQL each with a connection pool of its own). */
const stores = testStores();

/** A promise the test settles by hand: a job that runs exactly as long as the test wants. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** A job that records every run; `hold` (if given) keeps a run busy until the test opens it. */
function recordingJob(name: string, options: { everyMinutes?: number; leaseMs?: number; hold?: () => Promise<void>; fail?: (run: JobRun) => boolean } = {}) {
  const runs: string[] = [];
  const job: ScheduledJob = {
    name,
    schedule: { everyMinutes: options.everyMinutes ?? 60 },
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    async run(run) {
      runs.push(run.slot.toISOString());
      if (options.fail?.(run)) throw new Error('de koppeling antwoordde niet');
      await options.hold?.();
    },
  };
  return { job, runs };
}

const scheduler = (db: Db, log = silent) => new Scheduler({ db, log, now: () => SLOT });
/** Lets every pending callback run (no timer involved): a stop that did not wait would have resolved by then. */
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

describe.each(stores)('the scheduler on $name', (store) => {
  let first: Db;
  let second: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await store.open();
    ({ db: first, dispose } = opened);
    second = opened.connect();
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('runs each slot once when two instances race for it, and the next slot again', async () => {
    const { job, runs } = recordingJob('test.race');
    const a = scheduler(first).register(job);
    const b = scheduler(second).register(job);
    const outcomes = await Promise.all([a.runDue(job.name, at(1000)), b.runDue(job.name, at(1200)), b.runDue(job.name, at(1500)), a.runDue(job.name, at(30 * MINUTE))]);
    expect(runs).toEqual([SLOT.toISOString()]);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    // A third instance started later in the same hour (a restart) does not run it again either.
    expect(
      await scheduler(second)
        .register(job)
        .runDue(job.name, at(45 * MINUTE)),
    ).toBe('taken');
    // The next hour is a new slot; whichever instance looks first runs it, once.
    const next = await Promise.all([b.runDue(job.name, at(61 * MINUTE)), a.runDue(job.name, at(61 * MINUTE))]);
    expect(next.sort()).toEqual(['ran', 'taken']);
    expect(runs).toEqual([SLOT.toISOString(), at(60 * MINUTE).toISOString()]);
  });

  it('lets a later slot run once the lease of an instance that crashed mid-run has expired', async () => {
    const crashed = gate();
    const started = gate();
    const hung = recordingJob('test.crash', {
      everyMinutes: 1,
      leaseMs: 5 * MINUTE,
      hold: async () => {
        started.open();
        await crashed.opened;
      },
    });
    const survivor = recordingJob('test.crash', { everyMinutes: 1, leaseMs: 5 * MINUTE });
    const a = scheduler(first).register(hung.job);
    const b = scheduler(second).register(survivor.job);
    // Instance A takes the 10:00 slot and never finishes it (it is "crashed": its run stays busy).
    const abandoned = a.runDue(hung.job.name, at(1000));
    await started.opened;
    // While A's lease holds, B runs neither that slot nor a later one: A might still be working.
    expect(await b.runDue(survivor.job.name, at(2 * MINUTE + 1000))).toBe('taken');
    // Five minutes after A took it the lease has expired: B runs the slot of that moment.
    expect(await b.runDue(survivor.job.name, at(5 * MINUTE + 1000))).toBe('ran');
    expect(survivor.runs).toEqual([at(5 * MINUTE).toISOString()]);
    expect(await b.runDue(survivor.job.name, at(5 * MINUTE + 2000))).toBe('taken');
    crashed.open();
    await abandoned;
  });

  it('stop() resolves only after the job that is running has finished, and nothing runs after it', async () => {
    const release = gate();
    const started = gate();
    const events: string[] = [];
    const { job, runs } = recordingJob('test.stop', {
      hold: async () => {
        started.open();
        await release.opened;
        events.push('job finished');
      },
    });
    const instance = scheduler(first).register(job);
    const running = instance.runDue(job.name, at(1000));
    await started.opened;
    const stopping = instance.stop().then(() => events.push('stopped'));
    await turnOfTheEventLoop();
    expect(events).toEqual([]);
    release.open();
    await stopping;
    expect(events).toEqual(['job finished', 'stopped']);
    expect(await running).toBe('ran');
    expect(await instance.tick(at(61 * MINUTE))).toEqual({ 'test.stop': 'stopped' });
    expect(runs).toEqual([SLOT.toISOString()]);
  });

  it('logs a failing job with its name and slot, and keeps running the next slots', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _encoding, done) => done(void lines.push(JSON.parse(String(chunk)))) }));
    const { job, runs } = recordingJob('test.fail', { fail: (run) => run.slot.getTime() === SLOT.getTime() });
    const other = recordingJob('test.other');
    const instance = scheduler(first, log).register(job, other.job);
    expect(await instance.tick(at(1000))).toEqual({ 'test.fail': 'failed', 'test.other': 'ran' });
    const failed = lines.find((l) => l.msg === 'scheduled job failed');
    expect(failed).toMatchObject({ job: 'test.fail', slot: SLOT.toISOString(), err: { type: 'Error', message: 'de koppeling antwoordde niet' } });
    // A failed slot is done (not retried every look); the next one runs.
    expect(await instance.tick(at(2000))).toEqual({ 'test.fail': 'taken', 'test.other': 'taken' });
    expect(await instance.tick(at(60 * MINUTE + 1000))).toEqual({ 'test.fail': 'ran', 'test.other': 'ran' });
    expect(runs).toEqual([SLOT.toISOString(), at(60 * MINUTE).toISOString()]);
    await instance.stop();
  });
});

describe('slots', () => {
  it('of an interval job are whole multiples of it since 1970, the same on every instance', () => {
    const every7 = { everyMinutes: 7 };
    const from = new Date('2026-03-02T10:00:30Z');
    const multiples = [1, 2, 3].map((k) => new Date((Math.floor(from.getTime() / (7 * MINUTE)) + k) * 7 * MINUTE).toISOString());
    expect(nextSlots(every7, 3, from).map((d) => d.toISOString())).toEqual(multiples);
    expect(latestSlot(every7, new Date(multiples[0]!))?.toISOString()).toBe(multiples[0]);
    expect(latestSlot(every7, new Date(new Date(multiples[1]!).getTime() - 1))?.toISOString()).toBe(multiples[0]);
  });

  it("are when croner's armed timers fire", async () => {
    const db = await openTestPglite();
    try {
      const instance = scheduler(db).register(recordingJob('test.every7', { everyMinutes: 7 }).job, {
        name: 'test.cron',
        schedule: { cron: '30 3 * * *', timeZone: 'Europe/Amsterdam' },
        run: async () => undefined,
      });
      expect(instance.nextRuns()).toEqual({});
      const before = new Date();
      instance.start();
      const armed = instance.nextRuns();
      expect(armed['test.every7']?.toISOString()).toBe(nextSlots({ everyMinutes: 7 }, 1, before)[0]!.toISOString());
      expect(armed['test.cron']?.toISOString()).toBe(nextSlots({ cron: '30 3 * * *', timeZone: 'Europe/Amsterdam' }, 1, before)[0]!.toISOString());
      await instance.stop();
      expect(instance.nextRuns()).toEqual({});
    } finally {
      await db.close();
    }
  });

  it('of a cron job follow croner in the job’s time zone, and a slot is due only within its catch-up window', async () => {
    const schedule = { cron: '30 3 * * *', timeZone: 'Europe/Amsterdam' };
    expect(nextSlots(schedule, 2, new Date('2026-03-28T12:00:00Z')).map((d) => d.toISOString())).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T01:30:00.000Z']);
    const db = await openTestPglite();
    try {
      const runs: string[] = [];
      const job: ScheduledJob = { name: 'test.cron', schedule, run: async ({ slot }) => void runs.push(slot.toISOString()) };
      const instance = scheduler(db).register(job);
      // Two minutes after the slot is more than a late timer: not run (no catch-up asked for).
      expect(await instance.runDue('test.cron', new Date('2026-03-30T01:32:00Z'))).toBe('not-due');
      expect(await instance.runDue('test.cron', new Date('2026-03-30T01:30:00.200Z'))).toBe('ran');
      expect(runs).toEqual(['2026-03-30T01:30:00.000Z']);
    } finally {
      await db.close();
    }
  });
});
