import type { Sql } from '../../store/db.js';
import { todayIso } from './dates.js';
import type { MilestoneRegister } from './milestone-register.js';

/** A milestone as a progress report (the steering-group update) names it: no people, no comments. */
export interface ReportedMilestone {
  gemeente: string;
  title: string;
  /** ISO day: when it was reached (approved, or its planned day for one done in the seed), or when it is planned. */
  date: string;
  /** The milestone's own planned day. */
  plannedDate: string;
  /** ISO day of the approval, for a milestone reached by approval. */
  approvedOn?: string;
}

export interface WaitingApproval {
  gemeente: string;
  title: string;
  requestedAt: Date;
}

/**
 * Milestones of these gemeenten reached within [from, to] (approved in that period, or marked done
 * with a planned day in it) and those still ahead (open, planned from today on), soonest first.
 */
export async function milestoneProgress(
  register: MilestoneRegister,
  db: Sql,
  input: { tenantId: string; gemeenten: readonly string[]; from: Date; to: Date },
): Promise<{ reached: ReportedMilestone[]; coming: ReportedMilestone[] }> {
  const all = await register.list(input.gemeenten);
  const approved = await db.query<{ gemeente: string; milestone_id: string; decided_at: Date | string }>(
    `SELECT gemeente, milestone_id, decided_at FROM approval_requests
     WHERE tenant_id = $1 AND status = 'approved' AND decided_at >= $2 AND decided_at <= $3`,
    [input.tenantId, input.from, input.to],
  );
  const fromDay = todayIso(input.from);
  const today = todayIso(input.to);
  const reached: ReportedMilestone[] = [];
  for (const m of all) {
    if (m.effectiveStatus === 'approved') {
      const decision = approved.find((r) => r.gemeente === m.gemeente && r.milestone_id === m.id);
      if (decision)
        reached.push({ gemeente: m.gemeente, title: m.title, date: todayIso(new Date(decision.decided_at)), plannedDate: m.plannedDate, approvedOn: todayIso(new Date(decision.decided_at)) });
    } else if (m.effectiveStatus === 'done' && m.plannedDate >= fromDay && m.plannedDate <= today) {
      reached.push({ gemeente: m.gemeente, title: m.title, date: m.plannedDate, plannedDate: m.plannedDate });
    }
  }
  reached.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const coming = all
    .filter((m) => m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done' && m.plannedDate >= today)
    .map((m) => ({ gemeente: m.gemeente, title: m.title, date: m.plannedDate, plannedDate: m.plannedDate }));
  return { reached, coming };
}

/** Approval requests of the tenant still waiting for a decision, oldest first. */
export async function waitingApprovals(db: Sql, tenantId: string): Promise<WaitingApproval[]> {
  const rows = await db.query<{ gemeente: string; milestone_title: string; requested_at: Date | string }>(
    `SELECT gemeente, milestone_title, requested_at FROM approval_requests WHERE tenant_id = $1 AND status = 'requested' ORDER BY requested_at, id`,
    [tenantId],
  );
  return rows.map((r) => ({ gemeente: r.gemeente, title: r.milestone_title, requestedAt: new Date(r.requested_at) }));
}
