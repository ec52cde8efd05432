import { cardMessage } from '../../cards/render-card.js';
import type { Core } from '../feature-context.js';
import { catalogue, format, type Locale } from '../../i18n/catalogue.js';
import type { ConversationAddress } from '../../routing/turn.js';
import type { ApprovalRequest } from './approval-store.js';
import { approvalCard, outcomeText } from './approval-views.js';

/** What posting and updating cards outside a turn needs (deferred work, reminders). */
export type DeliveryDeps = Pick<Core, 'db' | 'organisation' | 'messenger' | 'conversations' | 'cards' | 'users' | 'log' | 'now'> & { locale: Locale };

/** The subject under which every posted copy of a request's card is recorded. */
export const approvalSubject = (requestId: string) => `approval:${requestId}`;

/** The people who may decide now (the approver and an active delegate). */
export function approversOf(deps: Pick<DeliveryDeps, 'organisation' | 'now'>, request: ApprovalRequest) {
  return deps.organisation.holders(request.tenantId, request.approverRole, { gemeente: request.gemeente, at: deps.now() });
}

/** Teams ids for refresh.userIds: every approver we have seen, and the requester. */
export function refreshUserIds(deps: Pick<DeliveryDeps, 'users' | 'organisation' | 'now'>, request: ApprovalRequest): Promise<string[]> {
  const aadIds = [...approversOf(deps, request).map((p) => p.aadObjectId), request.requester.aadObjectId];
  return deps.users.refreshUserIds(request.tenantId, aadIds, [request.requester.userId]);
}

/** The card everyone in the conversation sees; approvers and the requester get their own view by refresh. */
export async function conversationCard(deps: DeliveryDeps, request: ApprovalRequest): Promise<Record<string, unknown>> {
  return approvalCard(request, 'other', { t: catalogue(deps.locale), locale: deps.locale, refreshUserIds: await refreshUserIds(deps, request) });
}

export async function postToConversation(deps: DeliveryDeps, request: ApprovalRequest, address: ConversationAddress): Promise<void> {
  await deps.cards.post(approvalSubject(request.id), address, cardMessage(await conversationCard(deps, request)));
}

/**
 * Sends the approver's own card (with the buttons) to each approver's personal chat with the bot,
 * so an approver whose Teams id we do not know yet can still decide. Returns how many were reached.
 */
export async function notifyApprovers(deps: DeliveryDeps, request: ApprovalRequest, text: string): Promise<number> {
  const t = catalogue(deps.locale);
  const userIds = await refreshUserIds(deps, request);
  let reached = 0;
  for (const approver of approversOf(deps, request)) {
    const address = await deps.conversations.findPersonal(request.tenantId, approver.aadObjectId);
    if (!address) continue;
    try {
      const card = approvalCard(request, 'approver', { t, locale: deps.locale, refreshUserIds: userIds });
      await deps.cards.post(approvalSubject(request.id), address, cardMessage(card, { text, summary: text }), 'approver');
      reached += 1;
    } catch (error) {
      deps.log.warn({ err: error, requestId: request.id }, 'could not notify an approver');
    }
  }
  return reached;
}

/** Puts the current state on every posted copy of the card, so no copy offers a stale choice. */
export async function updateAllCopies(deps: DeliveryDeps, request: ApprovalRequest): Promise<number> {
  const t = catalogue(deps.locale);
  const userIds = request.status === 'requested' ? await refreshUserIds(deps, request) : [];
  const outcome = await deps.cards.updateEverywhere(approvalSubject(request.id), (copy) =>
    cardMessage(approvalCard(request, copy.audience === 'approver' ? 'approver' : 'other', { t, locale: deps.locale, refreshUserIds: userIds })),
  );
  return outcome.updated;
}

/** Tells the requester the outcome: in their personal chat, else where they asked. */
export async function tellRequester(deps: DeliveryDeps, request: ApprovalRequest): Promise<void> {
  const t = catalogue(deps.locale);
  const outcome = outcomeText(request, t, deps.locale);
  if (!outcome) return;
  const params = { title: request.milestoneTitle, gemeente: request.gemeente, outcome, comment: request.decisionComment ?? '' };
  const text = format(request.decisionComment ? t.approvals.requesterMessageComment : t.approvals.requesterMessage, params);
  const address = (await deps.conversations.findPersonal(request.tenantId, request.requester.aadObjectId)) ?? (await deps.conversations.find(request.conversationId));
  if (!address) return;
  await deps.messenger.send(address, { type: 'message', text, textFormat: 'plain' });
}

/** After a decision or a withdrawal: every copy shows the outcome, and the requester hears it (unless they did it). */
export async function announceDecision(deps: DeliveryDeps, request: ApprovalRequest): Promise<void> {
  await updateAllCopies(deps, request);
  if (request.decidedBy?.aadObjectId !== request.requester.aadObjectId) await tellRequester(deps, request);
}
