import { cardMessage, escapeMessageText } from '../../cards/render-card.js';
import { catalogue, format } from '../../i18n/catalogue.js';
import { approvalCard } from './approval-views.js';
import { selectRequests, updateRequest } from './approval-store.js';
import { approvalSubject, approversOf, notifyApprovers, type DeliveryDeps } from './approval-delivery.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reminds approvers of requests open for `days` or more, at most once per `days`. The claim is a
 * conditional UPDATE of `reminded_at`, so of two instances running this at once only one reminds.
 */
export async function sendDueReminders(deps: DeliveryDeps, now: Date, days: number): Promise<number> {
  const t = catalogue(deps.locale);
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const due = await selectRequests(deps.db, `status = 'requested' AND requested_at <= $1 AND (reminded_at IS NULL OR reminded_at <= $1) ORDER BY requested_at LIMIT 100`, [cutoff]);
  let sent = 0;
  for (const candidate of due) {
    const claimed = await updateRequest(deps.db, `reminded_at = $3 WHERE id = $1 AND version = $2 AND status = 'requested' AND (reminded_at IS NULL OR reminded_at <= $4)`, [
      candidate.id,
      candidate.version,
      now,
      cutoff,
    ]);
    if (!claimed) continue;
    const waited = Math.floor((now.getTime() - claimed.requestedAt.getTime()) / DAY_MS);
    // Both texts are markdown messages: the title an adviser typed is shown as typed.
    const params = { title: escapeMessageText(claimed.milestoneTitle), gemeente: claimed.gemeente, days: waited };
    const reached = await notifyApprovers(deps, claimed, format(t.approvals.reminder, params));
    if (reached === 0) {
      // No approver has a personal chat with the bot: remind in the conversation where it was asked.
      const address = await deps.conversations.find(claimed.conversationId);
      if (address?.active) {
        const role = t.approvals.roles[claimed.approverRole];
        const card = approvalCard(claimed, 'other', { t, locale: deps.locale });
        const { active: _active, ...where } = address;
        await deps.cards.post(approvalSubject(claimed.id), where, cardMessage(card, { text: format(t.approvals.reminderInConversation, { ...params, role }) }));
      }
    }
    sent += 1;
    deps.log.info({ requestId: claimed.id, approvers: approversOf(deps, claimed).length, reached }, 'approval reminder sent');
  }
  return sent;
}
