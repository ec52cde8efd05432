import { AppError } from '../../errors/app-error.js';
import type { Db } from '../../store/db.js';
import { caseColumns, findCaseById, toCaseFacts, type CaseFacts } from './case-records.js';
import { allowedFrom, nextStatus, type CoordinatorAction } from './case-state.js';

export interface ApplyActionInput {
  tenantId: string;
  caseId: number;
  /** The case version the card showed: a stale or replayed click cannot act twice. */
  version: number;
  actorAadObjectId: string;
  command: CoordinatorAction;
  now: Date;
}

export type ApplyActionResult = { case: CaseFacts; applied: boolean };

/**
 * Applies one coordinator action with a conditional UPDATE on (id, tenant, version, status), and
 * records it in mediation_events in the same transaction. A replay of the same click by the same
 * person (Teams retrying after "Unable to reach app") answers with the current case and no effect;
 * any other stale click is a conflict. The caller has checked the role.
 */
export async function applyCoordinatorAction(db: Db, input: ApplyActionInput): Promise<ApplyActionResult> {
  const { command } = input;
  const updated = await db.transaction(async (tx) => {
    const closing = command.action === 'close' || command.action === 'notSuitable';
    const rows = await tx.query<Parameters<typeof toCaseFacts>[0] & { from_status: string }>(
      `UPDATE mediation_cases c SET
         status = CASE c.status ${allowedFrom(command.action)
           .map((s) => `WHEN '${s}' THEN '${nextStatus(s, command.action)}'`)
           .join(' ')} END,
         outcome = COALESCE($5, c.outcome),
         version = c.version + 1,
         accepted_at = CASE WHEN $6 THEN $7 ELSE c.accepted_at END,
         closed_at = CASE WHEN $8 THEN $7 ELSE c.closed_at END,
         updated_at = $7
       WHERE c.tenant_id = $1 AND c.id = $2 AND c.version = $3 AND c.status = ANY($4::text[])
       RETURNING ${caseColumns
         .split(', ')
         .map((col) => `c.${col}`)
         .join(', ')},
         (SELECT status FROM mediation_cases o WHERE o.id = c.id) AS from_status`,
      [input.tenantId, input.caseId, input.version, [...allowedFrom(command.action)], command.action === 'close' ? command.outcome : null, command.action === 'accept', input.now, closing],
    );
    const row = rows[0];
    if (!row) return undefined;
    const facts = toCaseFacts(row);
    await tx.query(
      `INSERT INTO mediation_events (case_id, tenant_id, action, actor_aad_object_id, from_version, from_status, to_status, outcome, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [facts.id, input.tenantId, command.action, input.actorAadObjectId, input.version, row.from_status, facts.status, facts.outcome, input.now],
    );
    if (command.action === 'accept') {
      await tx.query('UPDATE mediation_personal_data SET volunteers = $2::jsonb, updated_at = $3 WHERE case_id = $1', [facts.id, JSON.stringify(command.volunteers), input.now]);
    } else if (command.action === 'notSuitable') {
      await tx.query('UPDATE mediation_personal_data SET not_suitable_reason = $2, updated_at = $3 WHERE case_id = $1', [facts.id, command.reason, input.now]);
    }
    return facts;
  });
  if (updated) return { case: updated, applied: true };

  const current = await findCaseById(db, input.tenantId, input.caseId);
  if (!current) throw new AppError('not_found', { status: 404, detail: `mediation case ${input.caseId} not in tenant` });
  const replay = await db.query<{ action: string; actor_aad_object_id: string }>('SELECT action, actor_aad_object_id FROM mediation_events WHERE case_id = $1 AND from_version = $2', [
    current.id,
    input.version,
  ]);
  const earlier = replay[0];
  if (earlier && earlier.action === command.action && earlier.actor_aad_object_id === input.actorAadObjectId) return { case: current, applied: false };
  if (current.version === input.version) {
    throw new AppError('mediation_action_not_allowed', { status: 409, detail: `${command.action} not allowed in status ${current.status}` });
  }
  throw new AppError('conflict', { status: 409, detail: `mediation case ${current.caseNumber} version ${input.version} is stale (now ${current.version})` });
}
