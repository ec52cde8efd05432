/**
 * When a job runs. A cron expression is read with croner (5 or 6 fields, day of month AND day of
 * week must both match, in `timeZone`); `everyMinutes` makes slots on whole multiples of that
 * many minutes since 1970 (UTC), so every instance computes the same slots.
 */
export type JobSchedule = { cron: string; timeZone: string } | { everyMinutes: number };

/** One run of a job: the slot it is for, and the time the scheduler started it. */
export interface JobRun {
  slot: Date;
  now: Date;
}

/**
 * A job a feature declares as data beside its routes; the composition root hands every feature's
 * jobs to the one scheduler (src/scheduling/scheduler.ts). A slot runs once across all instances
 * that share the store (a lease row per job), and at most one run of a job is busy at a time.
 */
export interface ScheduledJob {
  /** Stable and unique: the lease row's key and the name in the log. Never personal data. */
  name: string;
  schedule: JobSchedule;
  /**
   * How old a slot may be and still run when nothing ran it in time (after a restart or deploy).
   * Defaults to one interval for `everyMinutes`, and one minute (a late timer) for cron.
   */
  catchUpMs?: number;
  /** How long a run may hold its lease; a lease of a crashed instance frees the job after this. Default 15 minutes. */
  leaseMs?: number;
  run(run: JobRun): Promise<unknown>;
}
