import { Cron } from 'croner';
import type { JobSchedule, ScheduledJob } from './scheduled-job.js';

const MINUTE_MS = 60_000;

/** The croner options every cron schedule is read with, here and in the configuration's check. */
export const cronOptions = { domAndDow: true, mode: '5-or-6-parts' } as const;

/**
 * A paused croner for the schedule: only for computing slots. Interval slots are whole multiples
 * of the interval since 1970, which is what croner computes with `interval` and `startAt` 1970.
 */
export function cronOf(schedule: JobSchedule): Cron {
  if ('cron' in schedule) return new Cron(schedule.cron, { ...cronOptions, timezone: schedule.timeZone, paused: true });
  return new Cron('* * * * * *', { interval: schedule.everyMinutes * 60, startAt: new Date(0), paused: true });
}

/** The latest slot at or before `now`. */
export function latestSlot(schedule: JobSchedule, now: Date, cron: Cron = cronOf(schedule)): Date | undefined {
  if ('everyMinutes' in schedule) {
    const every = schedule.everyMinutes * MINUTE_MS;
    return new Date(Math.floor(now.getTime() / every) * every);
  }
  // previousRuns excludes a slot exactly at the reference time; look one second past it.
  return cron.previousRuns(1, new Date(now.getTime() + 1000))[0];
}

/** The next `n` slots after `from` (croner's own computation, the one its timer uses). */
export function nextSlots(schedule: JobSchedule, n: number, from: Date): Date[] {
  return cronOf(schedule).nextRuns(n, from);
}

/** How old a slot of this job may be and still run. */
export function catchUpOf(job: ScheduledJob): number {
  if (job.catchUpMs !== undefined) return job.catchUpMs;
  return 'everyMinutes' in job.schedule ? job.schedule.everyMinutes * MINUTE_MS : MINUTE_MS;
}
