import { Cron } from 'croner';
import type { Logger } from '../../core/logger.js';
import type { Sql } from '../../store/db.js';
import { claimOnce, recordOutcome, type SteeringGroup } from './steering-groups.js';

/** A slot missed while no instance ran (restart, deploy) is still sent if it is less than this old; older ones are skipped. */
export const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How often the timer looks at the clock. The slot is claimed in the database, so a late tick only delays, never doubles. */
export const TICK_INTERVAL_MS = 30_000;

/**
 * The steering-group schedule. Day of month and day of week must both match (domAndDow), so
 * "0 9 1-7 * 1" is the first Monday of the month; croner's default would read it as "day 1-7 OR any Monday".
 */
export function parseSchedule(expression: string, timeZone: string): Cron | undefined {
  if (expression === 'off') return undefined;
  return new Cron(expression, { paused: true, timezone: timeZone, domAndDow: true, mode: '5-or-6-parts' });
}

/** The latest slot at or before `now`. */
export function latestSlot(cron: Cron, now: Date): Date | undefined {
  // previousRuns excludes a slot exactly at the reference time; look one second past it.
  return cron.previousRuns(1, new Date(now.getTime() + 1000))[0];
}

export const jobName = (group: Pick<SteeringGroup, 'tenantId' | 'programme'>) => `steering-digest:${group.tenantId}:${group.programme}`;

export interface SchedulerDeps {
  db: Sql;
  cron: Cron | undefined;
  log: Logger;
  now(): Date;
  groups(): Promise<SteeringGroup[]>;
  /** Posts one scheduled digest; throws when it could not be delivered. */
  post(group: SteeringGroup, slot: Date): Promise<void>;
}

/**
 * Sends each steering group its digest once per slot. Every tick looks only at the most recent
 * slot, so after downtime a missed slot is caught up once (if recent), never once per missed slot.
 * The slot is claimed with an INSERT on a unique key before posting: with several instances on one
 * PostgreSQL database exactly one of them posts.
 */
export class SteeringScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  async tick(now: Date = this.deps.now()): Promise<number> {
    const { cron, db, log } = this.deps;
    if (!cron) return 0;
    const slot = latestSlot(cron, now);
    if (!slot || now.getTime() - slot.getTime() > CATCH_UP_WINDOW_MS) return 0;
    let sent = 0;
    for (const group of await this.deps.groups()) {
      // A group registered after the slot was not due for it.
      if (group.registeredAt.getTime() > slot.getTime()) continue;
      const job = jobName(group);
      if (!(await claimOnce(db, job, slot))) continue;
      try {
        await this.deps.post(group, slot);
        await recordOutcome(db, job, slot, 'sent');
        sent += 1;
        log.info({ job, slot: slot.toISOString() }, 'scheduled steering digest sent');
      } catch (error) {
        // Claimed but not delivered: recorded, not retried every tick (the messenger already retried).
        await recordOutcome(db, job, slot, `failed: ${error instanceof Error ? error.name : 'error'}`);
        log.error({ err: error, job, slot: slot.toISOString() }, 'scheduled steering digest failed');
      }
    }
    return sent;
  }

  start(intervalMs = TICK_INTERVAL_MS): void {
    if (!this.deps.cron || this.timer) return;
    const run = () => {
      if (this.running) return; // a slow tick is still busy; the next one will look again
      this.running = this.tick()
        .catch((error: unknown) => {
          this.deps.log.error({ err: error }, 'steering schedule tick failed');
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    };
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
