import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { escapeCardText } from '../../cards/render-card.js';
import { format } from '../../i18n/catalogue.js';
import { defineAction, type Feature, type MessageRoute } from '../../routing/route.js';
import { remember as rememberInConversation } from '../../routing/conversation-memory.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { approvalPatterns, milestoneTopic } from './approval-patterns.js';
import { approvalsContext, cardFor, learnUser } from './approvals-context.js';
import { approvalsUtterances } from './approvals-utterances.js';
import type { Decision } from './approval-state.js';
import { decideByMessage, decideFromCard } from './decide-in-turn.js';
import { requestForTenant } from './decide-approval.js';
import { addMilestone, moveMilestone } from './edit-milestones.js';
import type { MilestoneRegister } from './milestone-register.js';
import { showPending } from './pending-approvals.js';
import { sendAuditExport } from './send-audit-export.js';
import { sendDueReminders } from './send-due-reminders.js';
import { requestByMessage, startRequest } from './start-request.js';
import { showUpcoming, upcomingList } from './upcoming-milestones.js';

const requestIdSchema = z.string().min(1).max(100);
const cardRef = z.object({ requestId: requestIdSchema, version: z.number().int().positive() });
// The comment's length is checked by the use case, which answers in plain Dutch rather than "unknown button".
const decisionData = cardRef.extend({ comment: z.string().optional() });
const requestData = z.object({ gemeente: z.string().min(1).max(100), milestoneId: z.string().min(1).max(100), note: z.string().optional() });

/**
 * Milestone approvals: the register, requests, the approval card (Universal Actions with a
 * user-specific refresh), decisions made once, the append-only audit and reminders.
 * Route declarations only; each handler is a use case of this folder.
 */
export function approvalsFeature(core: Core, shared: { register: MilestoneRegister; kb: KnowledgeBase }): Feature {
  const ctx = approvalsContext(core, shared);
  const delivery = ctx.delivery;

  const decisionRoute = (verb: `approval.${string}`, decision: Decision | 'cancel') => defineAction({ verb, data: decisionData, handle: (turn, data) => decideFromCard(ctx, turn, data, decision) });

  const messages: MessageRoute[] = [
    { kind: 'message', name: 'approvals.pending', match: approvalPatterns.pending, utterances: approvalsUtterances.pending, guard: { tenant: true }, handle: (turn) => showPending(ctx, turn) },
    // "keur die maar goed": the request whose card this conversation saw last, or the one request waiting for this approver.
    { kind: 'message', name: 'approvals.decide', utterances: approvalsUtterances.decide, maxWords: 8, guard: { tenant: true }, handle: (turn) => decideByMessage(ctx, turn) },
    {
      kind: 'message',
      name: 'approvals.upcoming',
      match: approvalPatterns.upcoming,
      utterances: approvalsUtterances.upcoming,
      topic: milestoneTopic,
      guard: { tenant: true },
      followUps: true,
      handle: (turn, match) => showUpcoming(ctx, turn, match),
    },
    {
      kind: 'message',
      name: 'approvals.add',
      match: approvalPatterns.add,
      utterances: approvalsUtterances.add,
      slots: ['date'],
      guard: { tenant: true },
      handle: (turn, match) => addMilestone(ctx, turn, match),
    },
    {
      kind: 'message',
      name: 'approvals.move',
      match: approvalPatterns.move,
      utterances: approvalsUtterances.move,
      slots: ['date'],
      guard: { tenant: true },
      handle: (turn, match, understood) => moveMilestone(ctx, turn, match, understood),
    },
    {
      kind: 'message',
      name: 'approvals.request',
      match: approvalPatterns.request,
      utterances: approvalsUtterances.request,
      guard: { tenant: true },
      handle: (turn, match) => requestByMessage(ctx, turn, match),
    },
    {
      kind: 'message',
      name: 'approvals.export',
      match: approvalPatterns.export,
      utterances: approvalsUtterances.export,
      guard: { tenant: true },
      handle: (turn, match, understood) => sendAuditExport(ctx, turn, match, understood),
    },
  ];

  return {
    name: 'approvals',
    routes: [
      ...messages,
      defineAction({
        verb: 'approval.request',
        data: requestData,
        handle: async (turn, data) => {
          const request = await startRequest(ctx, turn, data.gemeente, data.milestoneId, data.note, 'card');
          const notice = format(turn.t.approvals.requestedNotice, { title: escapeCardText(request.milestoneTitle), gemeente: request.gemeente });
          return { type: 'card', card: await upcomingList(ctx, turn, undefined, notice) };
        },
      }),
      decisionRoute('approval.approve', 'approve'),
      decisionRoute('approval.reject', 'reject'),
      decisionRoute('approval.requestChanges', 'requestChanges'),
      decisionRoute('approval.cancel', 'cancel'),
      defineAction({
        verb: 'approval.refresh',
        data: cardRef,
        handle: async (turn, data) => {
          const request = await requestForTenant(ctx.deps, turn.tenantId, data.requestId);
          await learnUser(ctx, turn);
          rememberInConversation(turn, { approval: { requestId: request.id, version: request.version } });
          return cardFor(ctx, turn, request);
        },
      }),
    ],
    help: [
      { title: (t) => t.approvals.helpMilestonesTitle, description: (t) => t.approvals.helpMilestonesDescription, command: (t) => t.approvals.helpMilestonesCommand },
      { title: (t) => t.approvals.helpPendingTitle, description: (t) => t.approvals.helpPendingDescription, command: (t) => t.approvals.helpPendingCommand },
    ],
    jobs: [
      {
        name: 'approvals.reminders',
        schedule: { everyMinutes: core.config.APPROVAL_REMINDER_CHECK_MINUTES },
        run: ({ now }) => sendDueReminders(delivery, now, core.config.APPROVAL_REMINDER_DAYS),
      },
    ],
  };
}
