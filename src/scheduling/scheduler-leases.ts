import type { Sql } from '../store/db.js';

/**
 * The lease row of a job (migration 012): which slot ran or is running, on which instance, until
 * when. Taking it is one statement, so of two instances racing for a slot exactly one gets it.
 * It is taken for a slot when
 * - no slot of the job ran before, or
 * - the last run finished and this slot is a later one, or
 * - the last run never finished (its instance crashed) and its lease has expired: the same or a
 *   later slot may run.
 * A lease still held (a run busy elsewhere) and a slot that already ran are not taken again.
 */
export async function takeLease(db: Sql, lease: { job: string; slot: Date; holder: string; now: Date; leaseMs: number }): Promise<boolean> {
  const rows = await db.query<{ job: string }>(
    `INSERT INTO scheduler_leases AS l (job, slot_at, holder, taken_at, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (job) DO UPDATE SET slot_at = EXCLUDED.slot_at, holder = EXCLUDED.holder, taken_at = EXCLUDED.taken_at,
       expires_at = EXCLUDED.expires_at, finished_at = NULL, outcome = NULL
     WHERE (l.finished_at IS NOT NULL AND l.slot_at < EXCLUDED.slot_at)
        OR (l.finished_at IS NULL AND l.expires_at <= EXCLUDED.taken_at AND l.slot_at <= EXCLUDED.slot_at)
     RETURNING job`,
    [lease.job, lease.slot, lease.holder, lease.now, new Date(lease.now.getTime() + lease.leaseMs)],
  );
  return rows.length === 1;
}

/** Marks the slot done (also when it failed: a failed slot is not retried, the next slot is). */
export async function finishLease(db: Sql, lease: { job: string; slot: Date; holder: string; now: Date; outcome: 'done' | 'failed' }): Promise<void> {
  await db.query('UPDATE scheduler_leases SET finished_at = $4, outcome = $5 WHERE job = $1 AND slot_at = $2 AND holder = $3', [lease.job, lease.slot, lease.holder, lease.now, lease.outcome]);
}
