import type { Sql } from '../../store/db.js';
import { caseStatuses, conflictKinds, outcomes, referrerRoles, type CaseStatus, type ConflictKind, type Outcome, type ReferrerRole } from './mediation-options.js';

export interface LeadTime {
  /** Cases that reached this step in the period. */
  count: number;
  averageDays: number | null;
  medianDays: number | null;
}

/** Pilot figures without personal data: only the anonymous case facts are read. */
export interface MediationStatistics {
  tenantId: string;
  from: string | null;
  to: string | null;
  total: number;
  byMonth: { month: string; count: number }[];
  bySource: Record<ReferrerRole, number>;
  byKind: Record<ConflictKind, number>;
  byStatus: Record<CaseStatus, number>;
  byOutcome: Record<Outcome, number>;
  leadTimes: { intakeToAccepted: LeadTime; intakeToClosed: LeadTime };
}

function zeroes<T extends string>(keys: readonly T[]): Record<T, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;
}

function leadTime(days: number[]): LeadTime {
  if (days.length === 0) return { count: 0, averageDays: null, medianDays: null };
  const sorted = [...days].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: days.length, averageDays: round(days.reduce((a, b) => a + b, 0) / days.length), medianDays: round(median) };
}

/**
 * Cases referred in [from, to) of one tenant, counted by month, source (referrer's role), kind,
 * status and outcome, with lead times in days. Plain JSON, for the card, the dashboard tab and
 * the steering-group digest.
 */
export async function mediationStatistics(db: Sql, options: { tenantId: string; from?: Date; to?: Date }): Promise<MediationStatistics> {
  const rows = await db.query<{
    created_at: Date;
    referrer_role: ReferrerRole;
    kinds: ConflictKind[];
    status: CaseStatus;
    outcome: Outcome | null;
    accepted_at: Date | null;
    closed_at: Date | null;
  }>(
    `SELECT created_at, referrer_role, kinds, status, outcome, accepted_at, closed_at FROM mediation_cases
     WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)
     ORDER BY created_at`,
    [options.tenantId, options.from ?? null, options.to ?? null],
  );
  const months = new Map<string, number>();
  const bySource = zeroes(referrerRoles);
  const byKind = zeroes(conflictKinds);
  const byStatus = zeroes(caseStatuses);
  const byOutcome = zeroes(outcomes);
  const toAccepted: number[] = [];
  const toClosed: number[] = [];
  const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;
  for (const row of rows) {
    const month = row.created_at.toISOString().slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
    if (row.referrer_role in bySource) bySource[row.referrer_role] += 1;
    for (const kind of row.kinds) if (kind in byKind) byKind[kind] += 1;
    if (row.status in byStatus) byStatus[row.status] += 1;
    if (row.outcome && row.outcome in byOutcome) byOutcome[row.outcome] += 1;
    if (row.accepted_at) toAccepted.push(days(row.created_at, row.accepted_at));
    if (row.closed_at) toClosed.push(days(row.created_at, row.closed_at));
  }
  return {
    tenantId: options.tenantId,
    from: options.from?.toISOString() ?? null,
    to: options.to?.toISOString() ?? null,
    total: rows.length,
    byMonth: [...months].map(([month, count]) => ({ month, count })),
    bySource,
    byKind,
    byStatus,
    byOutcome,
    leadTimes: { intakeToAccepted: leadTime(toAccepted), intakeToClosed: leadTime(toClosed) },
  };
}
