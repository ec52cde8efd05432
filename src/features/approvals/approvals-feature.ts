import { z } from 'zod';
import type { Core } from '../feature-context.js';
import { cardMessage, escapeCardText, escapeMessageText } from '../../cards/render-card.js';
import { AppError } from '../../core/app-error.js';
import { format } from '../../i18n/catalogue.js';
import { defineAction, type ActionResult, type Feature, type MessageRoute } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant, requireRole, tenantGemeente } from './access.js';
import type { ApprovalDeps } from './approval-deps.js';
import { announceDecision, notifyApprovers, postToConversation, refreshUserIds, conversationCard, type DeliveryDeps } from './approval-delivery.js';
import { mayDecide, type Decision } from './approval-state.js';
import { rememberUserId, saveCardCopy, selectRequests, updateRequest, type ApprovalRequest } from './approval-store.js';
import { documentVersions, summarize } from './knowledge-links.js';
import { approvalCard, chooseMilestoneCard, milestoneListCard, pendingCard, type Viewer } from './approval-views.js';
import { exportAudit } from './audit-export.js';
import { formatDay, parseDate, parsePeriod, todayIso } from './dates.js';
import { decideApproval, requestForTenant } from './decide-approval.js';
import { gemeenteIn, milestoneIdFor, parseAddCommand, parseAddRequest, splitNote, withoutDate } from './milestone-commands.js';
import { findMilestonesInText } from './milestone-reference.js';
import { findDate } from '../../routing/find-date.js';
import { memoryOf, remember as rememberInConversation } from '../../routing/conversation-memory.js';
import { matchMilestones, type MilestoneRegister } from './milestone-register.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { requestApproval } from './request-approval.js';
import { sendDueReminders } from './send-due-reminders.js';
import { approvalsUtterances } from './approvals-utterances.js';

const requestIdSchema = z.string().min(1).max(100);
const cardRef = z.object({ requestId: requestIdSchema, version: z.number().int().positive() });
// The comment's length is checked by the use case, which answers in plain Dutch rather than "unknown button".
const decisionData = cardRef.extend({ comment: z.string().optional() });
const requestData = z.object({ gemeente: z.string().min(1).max(100), milestoneId: z.string().min(1).max(100), note: z.string().optional() });

export const approvalPatterns = {
  pending: /^\s*(?:wat\s+wacht\s+(?:er\s+)?op\s+mijn\s+goedkeuring|mijn\s+goedkeuringen|open\s+goedkeuringen|what\s+awaits\s+my\s+approval)\s*[?!.]*\s*$/i,
  upcoming: /^\s*(?:welke\s+|komende\s+)?mijlpalen\b([^]*)$|^\s*(?:which|upcoming)\b[^]*\bmilestones\b([^]*)$/i,
  add: /^\s*mijlpaal\s+toevoegen\b\s*([^]*)$/i,
  move: /^\s*verplaats\s+(?:de\s+)?mijlpaal\s+([^]+?)\s+naar\s+([^]+?)\s*$/i,
  request: /^\s*vraag\s+(?:om\s+)?goedkeuring\s+(?:aan\s+)?(?:voor|van|op)\s+([^]+)$/i,
  export: /^\s*exporte?e?r\s+(?:de\s+)?audit(?:log)?\b\s*([^]*)$/i,
};

/**
 * Milestone approvals: the register, requests, the approval card (Universal Actions with a
 * user-specific refresh), decisions made once, the append-only audit and reminders.
 */
export function approvalsFeature(core: Core, { register, kb }: { register: MilestoneRegister; kb: KnowledgeBase }): Feature {
  const deps: ApprovalDeps = { db: core.db, organisation: core.organisation, register, now: core.now };
  const delivery: DeliveryDeps = { db: core.db, organisation: core.organisation, messenger: core.messenger, conversations: core.conversations, log: core.log, locale: core.config.DEFAULT_LOCALE, now: core.now };

  const actor = (turn: Turn) => ({ name: turn.user.name, aadObjectId: turn.user.aadObjectId, userId: turn.user.id });
  const turnDelivery = (turn: Turn): DeliveryDeps => ({ ...delivery, locale: turn.locale, log: turn.log });

  /** Keeps the user's Teams id for refresh.userIds; only for people of a known organisation. */
  async function remember(turn: Turn): Promise<void> {
    if (turn.tenantId && turn.user.aadObjectId && turn.user.id && core.organisation.person(turn.tenantId, turn.user.aadObjectId)) {
      await rememberUserId(core.db, turn.tenantId, turn.user.aadObjectId, turn.user.id);
    }
  }

  function viewerOf(turn: Turn, request: ApprovalRequest): Viewer {
    if (mayDecide(core.organisation, { tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId, approverRole: request.approverRole, gemeente: request.gemeente, at: core.now() })) return 'approver';
    if (turn.user.aadObjectId === request.requester.aadObjectId) return 'requester';
    return 'other';
  }

  async function cardFor(turn: Turn, request: ApprovalRequest, notice?: string): Promise<ActionResult> {
    const userIds = request.status === 'requested' ? await refreshUserIds(deps, request) : [];
    return { type: 'card', card: approvalCard(request, viewerOf(turn, request), { t: turn.t, locale: turn.locale, refreshUserIds: userIds, notice }) };
  }

  async function upcomingList(turn: Turn, gemeente?: string, notice?: string) {
    const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
    const gemeenten = gemeente ? [gemeente] : core.organisation.gemeenten(tenantId);
    const today = todayIso(core.now());
    // Up to ten coming and ten overdue ones (upcoming() lists the coming ones first).
    const open = await register.upcoming(gemeenten, today, 1000);
    const milestones = [...open.filter((m) => m.plannedDate >= today).slice(0, 10), ...open.filter((m) => m.plannedDate < today).slice(0, 10)];
    return milestoneListCard(milestones, { t: turn.t, locale: turn.locale, today, gemeente, notice });
  }

  const decisionRoute = (verb: `approval.${string}`, decision: Decision | 'cancel') =>
    defineAction({
      verb,
      data: decisionData,
      handle: async (turn, data) => {
        const result = await decideApproval(deps, { tenantId: turn.tenantId, actor: actor(turn), requestId: data.requestId, version: data.version, decision, comment: data.comment });
        await remember(turn);
        if (result.kind === 'decided') {
          turn.log.info({ requestId: result.request.id, status: result.request.status }, 'approval decided');
          turn.defer('approval.announce', () => announceDecision(turnDelivery(turn), result.request));
          return cardFor(turn, result.request);
        }
        return cardFor(turn, result.request, result.request.status === 'requested' ? turn.t.approvals.staleCard : turn.t.approvals.alreadyDecided);
      },
    });

  /** Posts the approval card where it was asked and tells the approvers; from a message it answers in the turn. */
  async function startRequest(turn: Turn, gemeente: string, milestoneId: string, note: string | undefined, via: 'message' | 'card') {
    const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
    const milestone = await register.find(tenantGemeente(core.organisation, tenantId, gemeente), milestoneId);
    const linked = milestone
      ? { documents: await documentVersions(kb, milestone, turn.log), summary: via === 'message' ? await summarize(kb, milestone, turn.log) : undefined }
      : undefined;
    let { request } = await requestApproval(deps, { tenantId, actor: actor(turn), gemeente, milestoneId, note, conversationId: turn.conversation.id, linked });
    await remember(turn);
    const d = turnDelivery(turn);
    // The notice is the text of the approver's message (markdown) above the card.
    const notice = format(turn.t.approvals.approverNotice, { title: escapeMessageText(request.milestoneTitle), gemeente: request.gemeente });
    if (via === 'message') {
      rememberInConversation(turn, { approval: { requestId: request.id, version: request.version }, milestone: { gemeente: request.gemeente, id: request.milestoneId, title: request.milestoneTitle } });
      const id = await turn.send(cardMessage(await conversationCard(d, request)));
      if (id) await saveCardCopy(core.db, { requestId: request.id, activityId: id, address: turn.address, audience: 'conversation' });
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

  const messages: MessageRoute[] = [
    {
      kind: 'message',
      name: 'approvals.pending',
      match: approvalPatterns.pending,
      utterances: approvalsUtterances.pending,
      guard: { tenant: true },
      handle: async (turn) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        await remember(turn);
        const open = await selectRequests(core.db, `tenant_id = $1 AND status = 'requested' ORDER BY requested_at`, [tenantId]);
        const mine = open.filter((r) => viewerOf(turn, r) === 'approver');
        if (mine.length === 1) rememberInConversation(turn, { approval: { requestId: mine[0]!.id, version: mine[0]!.version } });
        await turn.send(cardMessage(pendingCard(mine, { t: turn.t, locale: turn.locale })));
      },
    },
    {
      // "keur die maar goed": the request whose card this conversation saw last, or the one request waiting for this approver.
      kind: 'message',
      name: 'approvals.decide',
      utterances: approvalsUtterances.decide,
      maxWords: 8,
      guard: { tenant: true },
      handle: async (turn) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        const open = await selectRequests(core.db, `tenant_id = $1 AND status = 'requested' ORDER BY requested_at`, [tenantId]);
        const mine = open.filter((r) => viewerOf(turn, r) === 'approver');
        const seen = memoryOf(turn.state).approval;
        const request = mine.find((r) => r.id === seen?.requestId) ?? (mine.length === 1 ? mine[0] : undefined);
        if (!request) {
          await turn.send(mine.length > 1 ? cardMessage(pendingCard(mine, { t: turn.t, locale: turn.locale })) : turn.t.shell.noApprovalToDecide);
          return;
        }
        const result = await decideApproval(deps, { tenantId, actor: actor(turn), requestId: request.id, version: request.version, decision: 'approve' });
        await remember(turn);
        if (result.kind === 'decided') {
          turn.log.info({ requestId: result.request.id, status: result.request.status }, 'approval decided');
          turn.defer('approval.announce', () => announceDecision(turnDelivery(turn), result.request));
        }
        const view = await cardFor(turn, result.request, result.kind === 'decided' ? undefined : turn.t.approvals.alreadyDecided);
        if (view.type === 'card') await turn.send(cardMessage(view.card));
      },
    },
    {
      kind: 'message',
      name: 'approvals.upcoming',
      match: approvalPatterns.upcoming,
      utterances: approvalsUtterances.upcoming,
      topic: /mijlpa|milestone|planning|gepland|deadline|eraan|binnenkort|komend|coming|next|planned/i,
      guard: { tenant: true },
      followUps: true,
      handle: async (turn, match) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        await remember(turn);
        // Said in other words or as a follow-up ("en in Hengelo?"), the gemeente is anywhere in the text.
        const gemeente = gemeenteIn(match ? (match[1] ?? match[2] ?? '') : turn.text, core.organisation.gemeenten(tenantId));
        await turn.send(cardMessage(await upcomingList(turn, gemeente)));
      },
    },
    {
      kind: 'message',
      name: 'approvals.add',
      match: approvalPatterns.add,
      utterances: approvalsUtterances.add,
      slots: ['date'],
      guard: { tenant: true },
      handle: async (turn, match) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        const gemeenten = core.organisation.gemeenten(tenantId);
        const command = match ? parseAddCommand(match[1] ?? '', gemeenten, core.now()) : parseAddRequest(turn.text, gemeenten, core.now());
        const gemeente = tenantGemeente(core.organisation, tenantId, command.gemeente);
        requireRole(core.organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['adviseur'], gemeente, core.now());
        const id = milestoneIdFor(gemeente, command.title, command.plannedDate);
        const milestone = await register.add(
          gemeente,
          { id, title: command.title, description: '', plannedDate: command.plannedDate, owner: turn.user.name, approverRole: 'burgemeester', documents: [], status: 'planned' },
          { name: turn.user.name, aadObjectId: turn.user.aadObjectId! },
          core.now(),
        );
        await remember(turn);
        await turn.send(format(turn.t.approvals.milestoneAdded, { title: escapeMessageText(milestone.title), gemeente, date: formatDay(milestone.plannedDate, turn.locale), id }));
      },
    },
    {
      kind: 'message',
      name: 'approvals.move',
      match: approvalPatterns.move,
      utterances: approvalsUtterances.move,
      slots: ['date'],
      guard: { tenant: true },
      handle: async (turn, match, understood) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        const plannedDate = match ? (parseDate(match[2] ?? '') ?? findDate(match[2] ?? '', core.now())?.iso) : understood.slots.date;
        if (!plannedDate) throw new AppError('milestone_bad_date');
        const query = match?.[1] ?? withoutDate(turn.text, core.now());
        const all = await register.list(core.organisation.gemeenten(tenantId));
        // The exact command's words first; a title said differently or with a typo is found by its words.
        const strict = match ? matchMilestones(all, query) : [];
        const found = strict.length ? strict : findMilestonesInText(all, query);
        if (found.length === 0) throw new AppError('milestone_not_found', { status: 404, params: { query } });
        if (found.length > 1) {
          await turn.send(cardMessage(chooseMilestoneCard(found, { t: turn.t, locale: turn.locale, query, buttonTitle: turn.t.approvals.moveButton, command: (m) => `verplaats mijlpaal ${m.id} naar ${plannedDate}` })));
          return;
        }
        const milestone = found[0]!;
        requireRole(core.organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['adviseur'], milestone.gemeente, core.now());
        const moved = await register.move(milestone, plannedDate, { name: turn.user.name, aadObjectId: turn.user.aadObjectId! }, core.now());
        await remember(turn);
        await turn.send(format(turn.t.approvals.milestoneMoved, { title: escapeMessageText(moved.title), gemeente: moved.gemeente, date: formatDay(moved.plannedDate, turn.locale) }));
      },
    },
    {
      kind: 'message',
      name: 'approvals.request',
      match: approvalPatterns.request,
      utterances: approvalsUtterances.request,
      guard: { tenant: true },
      handle: async (turn, match) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        const { query, note } = splitNote(match?.[1] ?? turn.text);
        const candidates = (await register.list(core.organisation.gemeenten(tenantId))).filter((m) => m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done');
        const strict = match ? matchMilestones(candidates, query) : [];
        const found = strict.length ? strict : findMilestonesInText(candidates, query);
        if (found.length === 0) throw new AppError('milestone_not_found', { status: 404, params: { query } });
        if (found.length > 1) {
          await turn.send(cardMessage(chooseMilestoneCard(found, { t: turn.t, locale: turn.locale, query, note, buttonTitle: turn.t.approvals.requestButton })));
          return;
        }
        await startRequest(turn, found[0]!.gemeente, found[0]!.id, note, 'message');
      },
    },
    {
      kind: 'message',
      name: 'approvals.export',
      match: approvalPatterns.export,
      utterances: approvalsUtterances.export,
      guard: { tenant: true },
      handle: async (turn, match, understood) => {
        const tenantId = requireKnownTenant(core.organisation, turn.tenantId);
        const rest = (match?.[1] ?? '').trim();
        const gemeenten = core.organisation.gemeenten(tenantId);
        const gemeente = match ? gemeenten.find((g) => rest.toLowerCase().startsWith(g.toLowerCase())) : gemeenteIn(turn.text, gemeenten);
        if (!gemeente) throw new AppError('milestone_gemeente_needed', { params: { gemeenten: gemeenten.join(', ') } });
        requireRole(core.organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['beheerder', 'adviseur'], gemeente, core.now());
        const period = parsePeriod(match ? rest.slice(gemeente.length) : (understood.slots.year ?? ''));
        if (!period) throw new AppError('audit_bad_period');
        const { records, content } = await exportAudit(core.db, { tenantId, gemeente, period }, 'csv');
        await remember(turn);
        const until = new Date(`${period.to}T00:00:00Z`);
        until.setUTCDate(until.getUTCDate() - 1);
        const text = format(turn.t.approvals.exportDone, {
          gemeente,
          from: formatDay(period.from, turn.locale),
          until: formatDay(until.toISOString().slice(0, 10), turn.locale),
          count: records.length,
        });
        const name = `audit-${gemeente.toLowerCase()}-${period.from}-${until.toISOString().slice(0, 10)}.csv`;
        // Small exports also go inline, so the record can be read in the chat itself.
        const inline = content.length <= 12_000 ? `\n\n\`\`\`\n${content.replace(/```/g, "'''")}\`\`\`` : '';
        await turn.send({
          type: 'message',
          text: `${text}${inline}`,
          textFormat: 'markdown',
          attachments: [{ contentType: 'text/csv', name, contentUrl: `data:text/csv;charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}` }],
        });
      },
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
          const request = await startRequest(turn, data.gemeente, data.milestoneId, data.note, 'card');
          const notice = format(turn.t.approvals.requestedNotice, { title: escapeCardText(request.milestoneTitle), gemeente: request.gemeente });
          return { type: 'card', card: await upcomingList(turn, undefined, notice) };
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
          const request = await requestForTenant(deps, turn.tenantId, data.requestId);
          await remember(turn);
          rememberInConversation(turn, { approval: { requestId: request.id, version: request.version } });
          return cardFor(turn, request);
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
