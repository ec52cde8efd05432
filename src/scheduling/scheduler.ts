import { randomUUID } from 'node:crypto';
import type { Cron } from 'croner';
import type { Logger } from '../logging/logger.js';
import type { Sql } from '../store/db.js';
import { catchUpOf, cronOf, latestSlot, timerOf } from './job-slots.js';
import type { ScheduledJob } from './scheduled-job.js';
import { finishLease, takeLease } from './scheduler-leases.js';

const DEFAULT_LEASE_MS = 15 * 60_000;

/** What became of a job at one look at the clock. */
export type JobOutcome = 'ran' | 'failed' | 'not-due' | 'busy' | 'taken' | 'stopped';

export interface SchedulerOptions {
  db: Sql;
  log: Logger;
  /** The clock slots are computed with (tests move it); croner's timers only say when to look. */
  now(): Date;
  /** Who holds a lease; a fresh id per scheduler (one per instance). */
  instanceId?: string;
}

interface Registered {
  job: ScheduledJob;
  /** Paused croner for slot computations of a cron schedule (built once: parsing per look is wasteful). */
  slots: Cron | undefined;
}

/**
 * The one scheduler of the app. Features declare jobs as data; the composition root registers them
 * here, starts it when the app is ready and awaits `stop()` on shutdown. croner's timers fire at
 * each slot; every firing (and `tick`, which tests call with a time of their choosing) looks at the
 * latest slot of a job and runs it if it is recent enough and the job's lease row can be taken.
 */
export class Scheduler {
  private readonly jobs = new Map<string, Registered>();
  private readonly timers: Cron[] = [];
  /** The job name of each timer, in the same order. */
  private readonly armed: string[] = [];
  /** The run of each job busy in this instance: a job never overlaps itself. */
  private readonly running = new Map<string, Promise<JobOutcome>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly holder: string;
  private started = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    this.holder = options.instanceId ?? randomUUID();
  }

  register(...jobs: ScheduledJob[]): this {
    for (const job of jobs) {
      if (this.jobs.has(job.name)) throw new Error(`Two scheduled jobs are named ${job.name}`);
      this.jobs.set(job.name, { job, slots: cronOf(job.schedule) });
      if (this.started) this.arm(job);
    }
    return this;
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** When the armed timers fire next, per job (empty before start and after stop). */
  nextRuns(): Record<string, Date | null> {
    return Object.fromEntries(this.timers.map((timer, i) => [this.armed[i]!, timer.nextRun()]));
  }

  /** Arms croner's timers and looks once at once, so a slot missed while no instance ran is caught up. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    for (const { job } of this.jobs.values()) this.arm(job);
    this.track(this.tick());
  }

  /** Runs every job whose latest slot at `now` is due. Never rejects: failures are logged and reported as 'failed'. */
  async tick(now: Date = this.options.now()): Promise<Record<string, JobOutcome>> {
    const names = [...this.jobs.keys()];
    const outcomes = await Promise.all(names.map((name) => this.runDue(name, now)));
    return Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));
  }

  /** Runs one job for its latest slot at `now`, if that slot is due and no instance ran or runs it. */
  runDue(name: string, now: Date = this.options.now()): Promise<JobOutcome> {
    const registered = this.jobs.get(name);
    if (!registered) throw new Error(`No scheduled job is named ${name}`);
    if (this.stopped) return Promise.resolve('stopped');
    const { job } = registered;
    const slot = latestSlot(job.schedule, now, registered.slots);
    if (!slot || now.getTime() - slot.getTime() > catchUpOf(job)) return Promise.resolve('not-due');
    if (this.running.has(name)) return Promise.resolve('busy');
    const run = this.run(job, slot, now).finally(() => this.running.delete(name));
    this.running.set(name, run);
    this.track(run);
    return run;
  }

  /** True while a look at the clock or a run is busy in this instance. */
  busy(): boolean {
    return this.inflight.size > 0;
  }

  /** Resolves when no run of any job is busy in this instance (tests wait on it; so does the app's settled()). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Stops the timers and resolves once the runs busy now have finished; nothing starts after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.splice(0)) timer.stop();
    this.armed.splice(0);
    await this.idle();
  }

  private arm(job: ScheduledJob): void {
    const fire = () => {
      this.track(this.runDue(job.name));
    };
    this.timers.push(timerOf(job.schedule, fire));
    this.armed.push(job.name);
  }

  private async run(job: ScheduledJob, slot: Date, now: Date): Promise<JobOutcome> {
    const { db, log } = this.options;
    const context = { job: job.name, slot: slot.toISOString() };
    let taken: boolean;
    try {
      taken = await takeLease(db, { job: job.name, slot, holder: this.holder, now, leaseMs: job.leaseMs ?? DEFAULT_LEASE_MS });
    } catch (error) {
      log.error({ err: error, ...context }, 'scheduled job could not take its lease');
      return 'failed';
    }
    if (!taken) return 'taken';
    const started = performance.now();
    let outcome: 'done' | 'failed' = 'done';
    try {
      await job.run({ slot, now });
      log.debug({ ...context, ms: Math.round(performance.now() - started) }, 'scheduled job ran');
    } catch (error) {
      // The error serializer keeps no statement, parameters or quoted values (src/errors/serialize-error.ts).
      outcome = 'failed';
      log.error({ err: error, ...context }, 'scheduled job failed');
    }
    try {
      await finishLease(db, { job: job.name, slot, holder: this.holder, now: this.options.now(), outcome });
    } catch (error) {
      // The lease expires by itself; until then no other instance runs the job.
      log.error({ err: error, ...context }, 'scheduled job could not record its run');
    }
    return outcome === 'done' ? 'ran' : 'failed';
  }

  private track(work: Promise<unknown>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }
}
