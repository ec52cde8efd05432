import { cardMessage } from '../../cards/render-card.js';
import { memoryOf } from '../../routing/conversation-memory.js';
import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant } from './access.js';
import { actorOf, cardFor, learnUser, turnDelivery, viewerOf, type ApprovalsContext } from './approvals-context.js';
import { announceDecision } from './approval-delivery.js';
import type { Decision } from './approval-state.js';
import { selectRequests } from './approval-store.js';
import { pendingCard } from './approval-views.js';
import { decideApproval } from './decide-approval.js';

type DecisionResult = Awaited<ReturnType<typeof decideApproval>>;

/** A decision taken: logged, and announced on every copy and to the requester after the turn. */
async function afterDecision(ctx: ApprovalsContext, turn: Turn, result: DecisionResult): Promise<void> {
  await learnUser(ctx, turn);
  if (result.kind !== 'decided') return;
  turn.log.info({ requestId: result.request.id, status: result.request.status }, 'approval decided');
  turn.defer('approval.announce', () => announceDecision(turnDelivery(ctx, turn), result.request));
}

/** A button on the card: approve, reject, ask for changes or withdraw; answers with the card as this user now sees it. */
export async function decideFromCard(ctx: ApprovalsContext, turn: Turn, data: { requestId: string; version: number; comment?: string }, decision: Decision | 'cancel'): Promise<ActionResult> {
  const result = await decideApproval(ctx.deps, { tenantId: turn.tenantId, actor: actorOf(turn), requestId: data.requestId, version: data.version, decision, comment: data.comment });
  await afterDecision(ctx, turn, result);
  if (result.kind === 'decided') return cardFor(ctx, turn, result.request);
  return cardFor(ctx, turn, result.request, result.request.status === 'requested' ? turn.t.approvals.staleCard : turn.t.approvals.alreadyDecided);
}

/** "Keur die maar goed": the request whose card this conversation saw last, or the one request waiting for this approver. */
export async function decideByMessage(ctx: ApprovalsContext, turn: Turn): Promise<void> {
  const tenantId = requireKnownTenant(ctx.core.organisation, turn.tenantId);
  const open = await selectRequests(ctx.core.db, `tenant_id = $1 AND status = 'requested' ORDER BY requested_at`, [tenantId]);
  const mine = open.filter((r) => viewerOf(ctx, turn, r) === 'approver');
  const seen = memoryOf(turn.state).approval;
  const request = mine.find((r) => r.id === seen?.requestId) ?? (mine.length === 1 ? mine[0] : undefined);
  if (!request) {
    await turn.send(mine.length > 1 ? cardMessage(pendingCard(mine, { t: turn.t, locale: turn.locale })) : turn.t.shell.noApprovalToDecide);
    return;
  }
  const result = await decideApproval(ctx.deps, { tenantId, actor: actorOf(turn), requestId: request.id, version: request.version, decision: 'approve' });
  await afterDecision(ctx, turn, result);
  const view = await cardFor(ctx, turn, result.request, result.kind === 'decided' ? undefined : turn.t.approvals.alreadyDecided);
  if (view.type === 'card') await turn.send(cardMessage(view.card));
}
