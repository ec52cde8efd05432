import { AppError } from '../../errors/app-error.js';
import { requireKnownTenant } from './access.js';
import { auditAction, mayDecide, stepAllowed, transitions, type Decision } from './approval-state.js';
import { appendAudit, findRequest, updateRequest, type ApprovalRequest } from './approval-store.js';
import { MAX_COMMENT, type Actor, type ApprovalDeps } from './approval-deps.js';

export interface DecisionInput {
  tenantId: string | undefined;
  actor: Actor;
  requestId: string;
  /** The version on the card that was clicked. */
  version: number;
  decision: Decision | 'cancel';
  comment?: string;
}

/**
 * `decided`: this click made the decision. `unchanged`: someone (or this same click, replayed) got
 * there first, or the card was an old version; the request shows who decided and when.
 */
export type DecisionResult = { kind: 'decided'; request: ApprovalRequest } | { kind: 'unchanged'; request: ApprovalRequest };

/** Loads a request the user's tenant may see; anything else is "not found" or "other organisation". */
export async function requestForTenant(deps: Pick<ApprovalDeps, 'db' | 'organisation'>, tenantId: string | undefined, requestId: string): Promise<ApprovalRequest> {
  const known = requireKnownTenant(deps.organisation, tenantId);
  const request = await findRequest(deps.db, requestId);
  if (!request) throw new AppError('approval_not_found', { status: 404 });
  if (request.tenantId !== known) throw new AppError('other_tenant', { status: 403, detail: 'request of another tenant' });
  return request;
}

/**
 * Approve, reject, ask for changes (the approver) or cancel (the requester). Checked on the server
 * from the clicking user's tenant and object id; decided once through a conditional UPDATE that
 * only succeeds for the version on the card while the request is open, in one transaction with the audit row.
 */
export async function decideApproval(deps: ApprovalDeps, input: DecisionInput): Promise<DecisionResult> {
  const comment = input.comment?.trim() || undefined;
  if (comment && comment.length > MAX_COMMENT) {
    throw new AppError('approval_comment_too_long', { params: { max: MAX_COMMENT }, detail: `comment of ${comment.length}` });
  }
  const request = await requestForTenant(deps, input.tenantId, input.requestId);
  const now = deps.now();
  const aadObjectId = input.actor.aadObjectId;
  if (input.decision === 'cancel') {
    if (!aadObjectId || aadObjectId !== request.requester.aadObjectId) throw new AppError('approval_cancel_forbidden', { status: 403 });
  } else if (!mayDecide(deps.organisation, { tenantId: input.tenantId, aadObjectId, approverRole: request.approverRole, gemeente: request.gemeente, at: now })) {
    throw new AppError('approval_forbidden', { status: 403, params: { gemeente: request.gemeente }, detail: `needs ${request.approverRole}` });
  }
  if (input.decision === 'requestChanges' && !comment) throw new AppError('approval_comment_required');
  if (!stepAllowed(input.decision, request.status) || request.version !== input.version) return { kind: 'unchanged', request };

  const { from, to } = transitions[input.decision];
  const actor = { name: input.actor.name, aadObjectId: aadObjectId! };
  return deps.db.transaction(async (tx) => {
    const decided = await updateRequest(
      tx,
      `status = $3, version = version + 1, decided_by_name = $4, decided_by_aad = $5, decided_at = $6, decision_comment = $7, updated_at = $6
       WHERE id = $1 AND version = $2 AND status = $8`,
      [request.id, input.version, to, actor.name, actor.aadObjectId, now, comment ?? null, from],
    );
    if (!decided) {
      // Another click won the race between our read and this update.
      const current = (await findRequest(tx, request.id))!;
      return { kind: 'unchanged', request: current } as const;
    }
    await appendAudit(tx, { request: decided, action: auditAction[input.decision], actor, at: now, comment, cardVersion: input.version });
    return { kind: 'decided', request: decided } as const;
  });
}
