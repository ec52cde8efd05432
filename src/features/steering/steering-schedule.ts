import type { Logger } from '../../logging/logger.js';
import type { ScheduledJob } from '../../scheduling/scheduled-job.js';
import type { Sql } from '../../store/db.js';
import { claimOnce, recordOutcome, type SteeringGroup } from './steering-groups.js';

/** A slot missed while no instance ran (restart, deploy) is still sent if it is less than this old; older ones are skipped. */
export const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The scheduler's name of the digest job. */
export const DIGEST_JOB = 'steering.digest';

/** The once-only key of one group's digest in one slot (scheduled_runs). */
export const jobName = (group: Pick<SteeringGroup, 'tenantId' | 'programme'>) => `steering-digest:${group.tenantId}:${group.programme}`;

export interface DigestJobDeps {
  db: Sql;
  log: Logger;
  /** STEERING_SCHEDULE: a cron expression (day of month AND day of week must both match, so "0 9 1-7 * 1" is the first Monday), or "off". */
  schedule: string;
  /** STEERING_TIMEZONE */
  timeZone: string;
  groups(): Promise<SteeringGroup[]>;
  /** Posts one scheduled digest; throws when it could not be delivered. */
  post(group: SteeringGroup, slot: Date): Promise<void>;
}

/**
 * The scheduled steering digest, as a job for the app's scheduler: none when the schedule is "off".
 * The scheduler runs each slot once across instances and catches up only the most recent slot
 * after downtime (if less than a day old), never once per missed slot. Each group is claimed once
 * more per slot, so a run that an instance crashed in halfway does not post twice when the slot is
 * taken up again.
 */
export function steeringDigestJobs(deps: DigestJobDeps): ScheduledJob[] {
  if (deps.schedule === 'off') return [];
  return [
    {
      name: DIGEST_JOB,
      schedule: { cron: deps.schedule, timeZone: deps.timeZone },
      catchUpMs: CATCH_UP_WINDOW_MS,
      run: ({ slot }) => sendDigests(deps, slot),
    },
  ];
}

/** Posts the digest of `slot` to every active group that was registered by then; returns how many were sent. */
export async function sendDigests(deps: DigestJobDeps, slot: Date): Promise<number> {
  const { db, log } = deps;
  let sent = 0;
  for (const group of await deps.groups()) {
    // A group registered after the slot was not due for it.
    if (group.registeredAt.getTime() > slot.getTime()) continue;
    const job = jobName(group);
    if (!(await claimOnce(db, job, slot))) continue;
    try {
      await deps.post(group, slot);
      await recordOutcome(db, job, slot, 'sent');
      sent += 1;
      log.info({ job, slot: slot.toISOString() }, 'scheduled steering digest sent');
    } catch (error) {
      // Claimed but not delivered: recorded, not retried (the messenger already retried); the other groups still get theirs.
      await recordOutcome(db, job, slot, `failed: ${error instanceof Error ? error.name : 'error'}`);
      log.error({ err: error, job, slot: slot.toISOString() }, 'scheduled steering digest failed');
    }
  }
  return sent;
}
