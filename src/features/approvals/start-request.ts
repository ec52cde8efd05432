import { cardMessage, escapeMessageText } from '../../cards/render-card.js';
import { AppError } from '../../errors/app-error.js';
import { format } from '../../i18n/catalogue.js';
import { remember as rememberInConversation } from '../../routing/conversation-memory.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant, tenantGemeente } from './access.js';
import { actorOf, learnUser, turnDelivery, type ApprovalsContext } from './approvals-context.js';
import { approvalSubject, conversationCard, notifyApprovers, postToConversation } from './approval-delivery.js';
import { updateRequest, type ApprovalRequest } from './approval-store.js';
import { chooseMilestoneCard } from './approval-views.js';
import { documentVersions, summarize } from './knowledge-links.js';
import { splitNote } from './milestone-commands.js';
import { findMilestonesInText } from './milestone-reference.js';
import { matchMilestones } from './milestone-register.js';
import { requestApproval } from './request-approval.js';

/** Posts the approval card where it was asked and tells the approvers; from a message it answers in the turn. */
export async function startRequest(ctx: ApprovalsContext, turn: Turn, gemeente: string, milestoneId: string, note: string | undefined, via: 'message' | 'card'): Promise<ApprovalRequest> {
  const { core, kb } = ctx;
  const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
  const milestone = await ctx.register.find(tenantGemeente(core.organisation, tenantId, gemeente), milestoneId);
  const linked = milestone ? { documents: await documentVersions(kb, milestone, turn.log), summary: via === 'message' ? await summarize(kb, milestone, turn.log) : undefined } : undefined;
  let { request } = await requestApproval(ctx.deps, { tenantId, actor: actorOf(turn), gemeente, milestoneId, note, conversationId: turn.conversation.id, linked });
  await learnUser(ctx, turn);
  const d = turnDelivery(ctx, turn);
  // The notice is the text of the approver's message (markdown) above the card.
  const notice = format(turn.t.approvals.approverNotice, { title: escapeMessageText(request.milestoneTitle), gemeente: request.gemeente });
  if (via === 'message') {
    rememberInConversation(turn, { approval: { requestId: request.id, version: request.version }, milestone: { gemeente: request.gemeente, id: request.milestoneId, title: request.milestoneTitle } });
    const id = await turn.send(cardMessage(await conversationCard(d, request)));
    if (id) await core.cards.record({ subject: approvalSubject(request.id), address: turn.address, activityId: id, audience: 'conversation' });
    turn.defer('approval.notify', async () => void (await notifyApprovers(d, request, notice)));
  } else {
    turn.defer('approval.post', async () => {
      const summary = milestone && (await summarize(kb, milestone, turn.log));
      if (summary) request = (await updateRequest(core.db, 'summary = $2 WHERE id = $1', [request.id, summary])) ?? request;
      await postToConversation(d, request, turn.address);
      await notifyApprovers(d, request, notice);
    });
  }
  return request;
}

/** "Vraag goedkeuring voor <mijlpaal> [opmerking: ...]": one milestone starts the request, several ask which. */
export async function requestByMessage(ctx: ApprovalsContext, turn: Turn, match: RegExpMatchArray | null): Promise<void> {
  const tenantId = requireKnownTenant(ctx.core.organisation, turn.tenantId);
  const { query, note } = splitNote(match?.[1] ?? turn.text);
  const candidates = (await ctx.register.list(ctx.core.organisation.gemeenten(tenantId))).filter((m) => m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done');
  const strict = match ? matchMilestones(candidates, query) : [];
  const found = strict.length ? strict : findMilestonesInText(candidates, query);
  if (found.length === 0) throw new AppError('milestone_not_found', { status: 404, params: { query } });
  if (found.length > 1) {
    await turn.send(cardMessage(chooseMilestoneCard(found, { t: turn.t, locale: turn.locale, query, note, buttonTitle: turn.t.approvals.requestButton })));
    return;
  }
  await startRequest(ctx, turn, found[0]!.gemeente, found[0]!.id, note, 'message');
}
