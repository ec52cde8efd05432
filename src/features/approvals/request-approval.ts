import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error.js';
import { requireKnownTenant, requireRole, tenantGemeente } from './access.js';
import { auditAction, nextRequestStep } from './approval-state.js';
import { appendAudit, findRequest, selectRequests, updateRequest, type ApprovalRequest } from './approval-store.js';
import type { LinkedDocument } from './milestone-schema.js';
import { MAX_COMMENT, type Actor, type ApprovalDeps } from './approval-deps.js';

export interface RequestApprovalInput {
  tenantId: string | undefined;
  actor: Actor;
  gemeente: string;
  milestoneId: string;
  note?: string;
  /** Where the approval card goes: the conversation the adviser asked in. */
  conversationId: string;
  /** The milestone's documents with their knowledge-base versions, and a short summary (see knowledge-links.ts). */
  linked?: { documents: LinkedDocument[]; summary?: string };
}

export interface RequestApprovalResult {
  request: ApprovalRequest;
  step: 'request' | 'resubmit';
}

/**
 * An adviser asks the approver to approve a milestone. A milestone has at most one open request;
 * after "wijzigingen gevraagd" the same request comes back as a new version.
 */
export async function requestApproval(deps: ApprovalDeps, input: RequestApprovalInput): Promise<RequestApprovalResult> {
  const tenantId = requireKnownTenant(deps.organisation, input.tenantId);
  const gemeente = tenantGemeente(deps.organisation, tenantId, input.gemeente);
  const now = deps.now();
  requireRole(deps.organisation, { tenantId, aadObjectId: input.actor.aadObjectId }, ['adviseur'], gemeente, now);
  const note = input.note?.trim() || undefined;
  if (note && note.length > MAX_COMMENT) throw new AppError('approval_comment_too_long', { params: { max: MAX_COMMENT }, detail: `note of ${note.length}` });
  const milestone = await deps.register.find(gemeente, input.milestoneId);
  if (!milestone) throw new AppError('milestone_not_found', { status: 404, params: { query: input.milestoneId } });
  const actor = { name: input.actor.name, aadObjectId: input.actor.aadObjectId! };

  return deps.db.transaction(async (tx) => {
    // One request at a time per milestone, also across instances on one database.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`approval:${gemeente}:${milestone.id}`]);
    const [latest] = await selectRequests(tx, 'gemeente = $1 AND milestone_id = $2 ORDER BY requested_at DESC, id LIMIT 1', [gemeente, milestone.id]);
    const step = nextRequestStep(latest?.status);
    if (step === 'already_open') throw new AppError('approval_already_open', { status: 409 });
    if (step === 'already_approved') throw new AppError('approval_already_approved', { status: 409 });
    const documents = JSON.stringify(input.linked?.documents ?? milestone.documents);
    const summary = input.linked?.summary ?? null;
    let request: ApprovalRequest | undefined;
    if (step === 'resubmit' && latest) {
      request = await updateRequest(
        tx,
        `status = 'requested', version = version + 1, note = $3, requester_aad = $4, requester_name = $5, requester_user_id = $6,
         conversation_id = $7, planned_date = $8::date, milestone_title = $9, documents = $10::jsonb, summary = $12, decided_by_name = NULL,
         decided_by_aad = NULL, decided_at = NULL, decision_comment = NULL, requested_at = $11, updated_at = $11, reminded_at = NULL
         WHERE id = $1 AND version = $2 AND status = 'changes_requested'`,
        [latest.id, latest.version, note ?? null, actor.aadObjectId, actor.name, input.actor.userId ?? null, input.conversationId, milestone.plannedDate, milestone.title, documents, now, summary],
      );
      if (!request) throw new AppError('conflict', { status: 409, detail: 'request changed while resubmitting' });
    } else {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO approval_requests (id, tenant_id, gemeente, milestone_id, milestone_title, planned_date, approver_role, status, version,
           requester_aad, requester_name, requester_user_id, note, documents, conversation_id, requested_at, updated_at, summary)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, 'requested', 1, $8, $9, $10, $11, $12::jsonb, $13, $14, $14, $15)`,
        [
          id,
          tenantId,
          gemeente,
          milestone.id,
          milestone.title,
          milestone.plannedDate,
          milestone.approverRole,
          actor.aadObjectId,
          actor.name,
          input.actor.userId ?? null,
          note ?? null,
          documents,
          input.conversationId,
          now,
          summary,
        ],
      );
      request = (await findRequest(tx, id))!;
    }
    const done = step === 'resubmit' ? 'resubmit' : 'request';
    await appendAudit(tx, { request, action: auditAction[done], actor, at: now, comment: note, cardVersion: request.version });
    return { request, step: done };
  });
}
