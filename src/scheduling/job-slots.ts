import { Cron } from 'croner';
import type { JobSchedule, ScheduledJob } from './scheduled-job.js';

const MINUTE_MS = 60_000;

/** The croner options every cron schedule is read with, here and in the configuration's check. */
export const cronOptions = { domAndDow: true, mode: '5-or-6-parts' } as const;

/** A paused croner for a cron schedule: only for computing slots (interval slots are plain arithmetic). */
export function cronOf(schedule: JobSchedule): Cron | undefined {
  return 'cron' in schedule ? new Cron(schedule.cron, { ...cronOptions, timezone: schedule.timeZone, paused: true }) : undefined;
}

/**
 * The croner timer that fires at every slot of the schedule, on real time. For an interval it
 * starts at the latest slot, so croner's runs (start + k × interval) fall on the same whole
 * multiples as the slots. (startAt 1970 would do the same, but croner walks there second by second.)
 */
export function timerOf(schedule: JobSchedule, fire: () => void): Cron {
  if ('cron' in schedule) return new Cron(schedule.cron, { ...cronOptions, timezone: schedule.timeZone, unref: true }, fire);
  const startAt = latestSlot(schedule, new Date());
  return new Cron('* * * * * *', { interval: schedule.everyMinutes * 60, ...(startAt ? { startAt } : {}), unref: true }, fire);
}

/** The latest slot at or before `now`. */
export function latestSlot(schedule: JobSchedule, now: Date, cron: Cron | undefined = cronOf(schedule)): Date | undefined {
  if ('everyMinutes' in schedule) {
    const every = schedule.everyMinutes * MINUTE_MS;
    return new Date(Math.floor(now.getTime() / every) * every);
  }
  // previousRuns excludes a slot exactly at the reference time; look one second past it.
  return cron?.previousRuns(1, new Date(now.getTime() + 1000))[0];
}

/** The next `n` slots after `from` (for cron, croner's own computation, the one its timer uses). */
export function nextSlots(schedule: JobSchedule, n: number, from: Date): Date[] {
  if ('everyMinutes' in schedule) {
    // croner's nextRuns reads `from` as a previous run and adds the interval to it; slots are fixed multiples instead.
    const every = schedule.everyMinutes * MINUTE_MS;
    const first = Math.floor(from.getTime() / every) + 1;
    return Array.from({ length: n }, (_, i) => new Date((first + i) * every));
  }
  return cronOf(schedule)?.nextRuns(n, from) ?? [];
}

/** How old a slot of this job may be and still run. */
export function catchUpOf(job: ScheduledJob): number {
  if (job.catchUpMs !== undefined) return job.catchUpMs;
  return 'everyMinutes' in job.schedule ? job.schedule.everyMinutes * MINUTE_MS : MINUTE_MS;
}
