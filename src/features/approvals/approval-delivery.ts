import { cardMessage } from '../../cards/render-card.js';
import type { ConversationDirectory } from '../../conversations/conversation-directory.js';
import type { Logger } from '../../core/logger.js';
import { catalogue, format, type Locale } from '../../i18n/catalogue.js';
import type { Organisation } from '../../organisation/organisation.js';
import type { ConversationAddress, Messenger } from '../../routing/turn.js';
import type { Db } from '../../store/db.js';
import { cardCopies, knownUserIds, saveCardCopy, type ApprovalRequest } from './approval-store.js';
import { approvalCard, outcomeText } from './approval-views.js';

/** What posting and updating cards outside a turn needs (deferred work, reminders). */
export interface DeliveryDeps {
  db: Db;
  organisation: Organisation;
  messenger: Messenger;
  conversations: ConversationDirectory;
  log: Logger;
  locale: Locale;
  now(): Date;
}

/** The people who may decide now (the approver and an active delegate). */
export function approversOf(deps: Pick<DeliveryDeps, 'organisation' | 'now'>, request: ApprovalRequest) {
  return deps.organisation.holders(request.tenantId, request.approverRole, { gemeente: request.gemeente, at: deps.now() });
}

/** Teams ids for refresh.userIds: every approver we have seen, and the requester. */
export async function refreshUserIds(deps: Pick<DeliveryDeps, 'db' | 'organisation' | 'now'>, request: ApprovalRequest): Promise<string[]> {
  const aadIds = [...approversOf(deps, request).map((p) => p.aadObjectId), request.requester.aadObjectId];
  const known = await knownUserIds(deps.db, request.tenantId, aadIds);
  const ids = aadIds.map((id) => known.get(id)).filter((id): id is string => Boolean(id));
  if (request.requester.userId) ids.push(request.requester.userId);
  return [...new Set(ids)];
}

/** The card everyone in the conversation sees; approvers and the requester get their own view by refresh. */
export async function conversationCard(deps: DeliveryDeps, request: ApprovalRequest): Promise<Record<string, unknown>> {
  return approvalCard(request, 'other', { t: catalogue(deps.locale), locale: deps.locale, refreshUserIds: await refreshUserIds(deps, request) });
}

export async function postToConversation(deps: DeliveryDeps, request: ApprovalRequest, address: ConversationAddress): Promise<void> {
  const sent = await deps.messenger.send(address, cardMessage(await conversationCard(deps, request)));
  if (sent.id) await saveCardCopy(deps.db, { requestId: request.id, activityId: sent.id, address, audience: 'conversation' });
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
      const sent = await deps.messenger.send(address, cardMessage(card, { text, summary: text }));
      if (sent.id) await saveCardCopy(deps.db, { requestId: request.id, activityId: sent.id, address, audience: 'approver' });
      reached += 1;
    } catch (error) {
      deps.log.warn({ err: error, requestId: request.id }, 'could not notify an approver');
    }
  }
  return reached;
}

/** Puts the current state on every stored copy of the card (updateActivity), so no copy offers a stale choice. */
export async function updateAllCopies(deps: DeliveryDeps, request: ApprovalRequest): Promise<number> {
  const t = catalogue(deps.locale);
  const userIds = request.status === 'requested' ? await refreshUserIds(deps, request) : [];
  let updated = 0;
  for (const copy of await cardCopies(deps.db, request.id)) {
    const viewer = copy.audience === 'approver' ? 'approver' : 'other';
    try {
      await deps.messenger.update(copy.address, copy.activityId, cardMessage(approvalCard(request, viewer, { t, locale: deps.locale, refreshUserIds: userIds })));
      updated += 1;
    } catch (error) {
      deps.log.warn({ err: error, requestId: request.id }, 'could not update a copy of the approval card');
    }
  }
  return updated;
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
