import { escapeCardText as esc, renderCard } from '../../cards/render-card.js';
import { format, type Catalogue, type Locale } from '../../i18n/catalogue.js';
import type { ApprovalRequest } from './approval-store.js';
import { formatDay, formatMoment } from './dates.js';
import type { Milestone } from './milestone-schema.js';
import { MAX_COMMENT } from './approval-deps.js';

/** Who looks at the card decides what it offers: buttons for the approver, withdraw for the requester, status for everyone. */
export type Viewer = 'approver' | 'requester' | 'other';

export interface CardContext {
  t: Catalogue;
  locale: Locale;
  /** Teams user ids that get their own view through an automatic refresh (approvers and the requester). */
  refreshUserIds?: readonly string[];
  notice?: string;
  /** A short summary with citations from the knowledge base, when it has the documents. */
  summary?: string;
}

const MAX_REFRESH_USERS = 60;

export function outcomeText(request: ApprovalRequest, t: Catalogue, locale: Locale): string | undefined {
  if (request.status === 'requested' || !request.decidedBy || !request.decidedAt) return undefined;
  return format(t.approvals.outcome[request.status], { name: esc(request.decidedBy.name), date: formatMoment(request.decidedAt, locale) });
}

export function approvalCard(request: ApprovalRequest, viewer: Viewer, ctx: CardContext): Record<string, unknown> {
  const { t, locale } = ctx;
  const a = t.approvals;
  const open = request.status === 'requested';
  const outcome = outcomeText(request, t, locale);
  const card = renderCard('approval-request', {
    notice: ctx.notice ?? '',
    // Titles, notes, comments and names are typed by people (an adviser adds a milestone): shown as typed.
    title: format(a.cardTitle, { title: esc(request.milestoneTitle) }),
    statusText: open ? format(a.waitingFor, { role: a.roles[request.approverRole] }) : (outcome ?? a.milestoneStatus[request.status]),
    statusColor: open ? 'Accent' : request.status === 'approved' ? 'Good' : request.status === 'cancelled' ? 'Default' : 'Attention',
    decisionComment: !open && request.decisionComment ? esc(request.decisionComment) : '',
    decisionCommentLabel: a.decisionCommentLabel,
    description: '',
    facts: [
      { title: a.gemeenteLabel, value: esc(request.gemeente) },
      { title: a.plannedLabel, value: formatDay(request.plannedDate, locale) },
      { title: a.requesterLabel, value: format(a.requestedOn, { name: esc(request.requester.name), date: formatMoment(request.requestedAt, locale) }) },
      { title: a.versionLabel, value: String(request.version) },
    ],
    noteLabel: a.noteLabel,
    note: request.note ? esc(request.note) : '',
    documentsLabel: a.documentsLabel,
    documents: request.documents.map((d) => ({
      text: `${d.url ? `[${esc(d.title)}](${d.url})` : esc(d.title)}${d.source ? ` (${esc(d.source)})` : ''}${d.version ? ` · ${a.documentVersion} ${d.version}` : ''}`,
    })),
    summaryLabel: a.summaryLabel,
    summary: request.summary ?? ctx.summary ?? '',
    showDecision: open && viewer === 'approver',
    showCancel: open && viewer === 'requester',
    showRefresh: open && viewer === 'other',
    commentLabel: a.commentLabel,
    commentPlaceholder: a.commentPlaceholder,
    maxComment: MAX_COMMENT,
    approveButton: a.approveButton,
    rejectButton: a.rejectButton,
    requestChangesButton: a.requestChangesButton,
    cancelButton: a.cancelButton,
    refreshButton: a.refreshButton,
    requestId: request.id,
    version: request.version,
  });
  const userIds = [...new Set(ctx.refreshUserIds ?? [])].slice(0, MAX_REFRESH_USERS);
  if (open && userIds.length > 0) {
    card.refresh = { action: { type: 'Action.Execute', verb: 'approval.refresh', data: { requestId: request.id, version: request.version } }, userIds };
  }
  return card;
}

export function milestoneListCard(milestones: readonly Milestone[], ctx: { t: Catalogue; locale: Locale; today: string; gemeente?: string; notice?: string }): Record<string, unknown> {
  const a = ctx.t.approvals;
  return renderCard('milestone-list', {
    notice: ctx.notice ?? '',
    title: ctx.gemeente ? format(a.listTitleFor, { gemeente: ctx.gemeente }) : a.listTitle,
    empty: a.listEmpty,
    requestButton: a.requestButton,
    items: milestones.map((m) => ({
      title: esc(m.title),
      line: format(a.listItemLine, {
        gemeente: m.gemeente,
        date: formatDay(m.plannedDate, ctx.locale),
        status: m.plannedDate < ctx.today && m.effectiveStatus === 'planned' ? `${a.milestoneStatus.planned}, ${a.overdue}` : a.milestoneStatus[m.effectiveStatus],
      }),
      canRequest: m.effectiveStatus !== 'requested' && m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done',
      gemeente: m.gemeente,
      id: m.id,
    })),
  });
}

export function chooseMilestoneCard(
  milestones: readonly Milestone[],
  ctx: { t: Catalogue; locale: Locale; query: string; note?: string; buttonTitle: string; command?: (m: Milestone) => string },
): Record<string, unknown> {
  const a = ctx.t.approvals;
  return renderCard('milestone-choose', {
    title: a.chooseTitle,
    intro: format(a.chooseIntro, { query: esc(ctx.query) }),
    buttonTitle: ctx.buttonTitle,
    note: ctx.note ?? '',
    items: milestones.slice(0, 10).map((m) => ({
      title: esc(m.title),
      line: format(a.chooseItemLine, { gemeente: m.gemeente, date: formatDay(m.plannedDate, ctx.locale) }),
      gemeente: m.gemeente,
      id: m.id,
      command: ctx.command ? ctx.command(m) : '',
    })),
  });
}

export function pendingCard(requests: readonly ApprovalRequest[], ctx: { t: Catalogue; locale: Locale }): Record<string, unknown> {
  const a = ctx.t.approvals;
  return renderCard('approval-pending', {
    title: a.pendingTitle,
    empty: a.pendingEmpty,
    openButton: a.openButton,
    items: requests.map((r) => ({
      title: esc(r.milestoneTitle),
      line: format(a.pendingItemLine, { gemeente: r.gemeente, name: esc(r.requester.name), date: formatMoment(r.requestedAt, ctx.locale) }),
      requestId: r.id,
      version: r.version,
    })),
  });
}
