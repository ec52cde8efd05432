import { cardText } from '../../cards/card-text.js';
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
    // The title says where the request stands, so a decided card no longer reads as a question.
    title: format(open ? a.cardTitle : a.cardTitleDecided[request.status], { title: esc(request.milestoneTitle) }),
    statusText: open ? (viewer === 'approver' ? a.yourDecision : format(a.waitingFor, { role: a.roles[request.approverRole] })) : (outcome ?? a.milestoneStatus[request.status]),
    statusColor: open ? 'Accent' : request.status === 'approved' ? 'Good' : request.status === 'cancelled' ? 'Default' : 'Attention',
    decisionComment: !open && request.decisionComment ? esc(request.decisionComment) : '',
    decisionCommentLabel: a.decisionCommentLabel,
    description: '',
    facts: [
      { title: a.gemeenteLabel, value: esc(request.gemeente) },
      { title: a.plannedLabel, value: formatDay(request.plannedDate, locale) },
      { title: a.requesterLabel, value: format(a.requestedOn, { name: esc(request.requester.name), date: formatMoment(request.requestedAt, locale) }) },
    ],
    noteLabel: a.noteLabel,
    note: request.note ? esc(request.note) : '',
    documentsLabel: a.documentsLabel,
    // Titles only: the file name and content hash are for the audit, not for the reader.
    documents: request.documents.map((d) => ({ text: `• ${d.url ? `[${esc(d.title)}](${d.url})` : esc(d.title)}` })),
    summaryLabel: a.summaryLabel,
    ...summaryParts(request.summary ?? ctx.summary ?? ''),
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

/**
 * What is coming, in date order; apart from it, what is past its date and still open (newest
 * first), so an old milestone is never read as an upcoming one. A planned milestone's line says
 * only where and when; any other status is named, in the words the tab uses.
 */
/** The stored summary ("text [1] …\n\n[1] Title, section\n[2] …") as its text and one line per reference. */
function summaryParts(summary: string): { summary: string; summaryRefs: { text: string }[] } {
  const [text = '', ...rest] = summary.split(/\n\s*\n/);
  const refs = rest
    .join('\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { summary: cardText(text), summaryRefs: refs.map((line) => ({ text: cardText(line) })) };
}

export function milestoneListCard(milestones: readonly Milestone[], ctx: { t: Catalogue; locale: Locale; today: string; gemeente?: string; notice?: string }): Record<string, unknown> {
  const a = ctx.t.approvals;
  const item = (m: Milestone, overdue: boolean) => {
    const status = [m.effectiveStatus === 'planned' && !overdue ? '' : a.milestoneStatus[m.effectiveStatus], overdue ? a.overdue : ''].filter(Boolean).join(', ');
    return {
      title: esc(m.title),
      line: format(status ? a.listItemLineStatus : a.listItemLine, { gemeente: m.gemeente, date: formatDay(m.plannedDate, ctx.locale), status }),
      canRequest: m.effectiveStatus !== 'requested' && m.effectiveStatus !== 'approved' && m.effectiveStatus !== 'done',
      gemeente: m.gemeente,
      id: m.id,
    };
  };
  const ahead = milestones.filter((m) => m.plannedDate >= ctx.today);
  const overdue = milestones.filter((m) => m.plannedDate < ctx.today);
  return renderCard('milestone-list', {
    notice: ctx.notice ?? '',
    title: ctx.gemeente ? format(a.listTitleFor, { gemeente: ctx.gemeente }) : a.listTitle,
    empty: a.listEmpty,
    requestButton: a.requestButton,
    items: ahead.map((m) => item(m, false)),
    hasOverdue: overdue.length > 0,
    overdueTitle: a.overdueTitle,
    overdueIntro: a.overdueIntro,
    overdueItems: overdue.map((m) => item(m, true)),
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
