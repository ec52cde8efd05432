import { cardMessage, escapeMessageText } from '../../cards/render-card.js';
import { AppError } from '../../errors/app-error.js';
import { format } from '../../i18n/catalogue.js';
import { findDate } from '../../routing/find-date.js';
import type { Understood } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant, requireRole, tenantGemeente } from './access.js';
import { learnUser, type ApprovalsContext } from './approvals-context.js';
import { chooseMilestoneCard } from './approval-views.js';
import { formatDay, parseDate } from './dates.js';
import { milestoneIdFor, parseAddCommand, parseAddRequest, withoutDate } from './milestone-commands.js';
import { findMilestonesInText } from './milestone-reference.js';
import { matchMilestones } from './milestone-register.js';

const editor = (turn: Turn) => ({ name: turn.user.name, aadObjectId: turn.user.aadObjectId! });

/** "Mijlpaal toevoegen Hengelo: <titel> op <datum>", by an adviser of that gemeente. */
export async function addMilestone(ctx: ApprovalsContext, turn: Turn, match: RegExpMatchArray | null): Promise<void> {
  const { organisation, now } = ctx.core;
  const tenantId = requireKnownTenant(organisation, turn.tenantId);
  const gemeenten = organisation.gemeenten(tenantId);
  const command = match ? parseAddCommand(match[1] ?? '', gemeenten, now()) : parseAddRequest(turn.text, gemeenten, now());
  const gemeente = tenantGemeente(organisation, tenantId, command.gemeente);
  requireRole(organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['adviseur'], gemeente, now());
  const id = milestoneIdFor(gemeente, command.title, command.plannedDate);
  const milestone = await ctx.register.add(
    gemeente,
    { id, title: command.title, description: '', plannedDate: command.plannedDate, owner: turn.user.name, approverRole: 'burgemeester', documents: [], status: 'planned' },
    editor(turn),
    now(),
  );
  await learnUser(ctx, turn);
  await turn.send(format(turn.t.approvals.milestoneAdded, { title: escapeMessageText(milestone.title), gemeente, date: formatDay(milestone.plannedDate, turn.locale), id }));
}

/** "Verplaats mijlpaal <titel> naar <datum>"; a title matching several milestones asks which. */
export async function moveMilestone(ctx: ApprovalsContext, turn: Turn, match: RegExpMatchArray | null, understood: Understood): Promise<void> {
  const { organisation, now } = ctx.core;
  const tenantId = requireKnownTenant(organisation, turn.tenantId);
  const plannedDate = match ? (parseDate(match[2] ?? '') ?? findDate(match[2] ?? '', now())?.iso) : understood.slots.date;
  if (!plannedDate) throw new AppError('milestone_bad_date');
  const query = match?.[1] ?? withoutDate(turn.text, now());
  const all = await ctx.register.list(organisation.gemeenten(tenantId));
  // The exact command's words first; a title said differently or with a typo is found by its words.
  const strict = match ? matchMilestones(all, query) : [];
  const found = strict.length ? strict : findMilestonesInText(all, query);
  if (found.length === 0) throw new AppError('milestone_not_found', { status: 404, params: { query } });
  if (found.length > 1) {
    const command = (m: { id: string }) => `verplaats mijlpaal ${m.id} naar ${plannedDate}`;
    await turn.send(cardMessage(chooseMilestoneCard(found, { t: turn.t, locale: turn.locale, query, buttonTitle: turn.t.approvals.moveButton, command })));
    return;
  }
  const milestone = found[0]!;
  requireRole(organisation, { tenantId, aadObjectId: turn.user.aadObjectId }, ['adviseur'], milestone.gemeente, now());
  const moved = await ctx.register.move(milestone, plannedDate, editor(turn), now());
  await learnUser(ctx, turn);
  await turn.send(format(turn.t.approvals.milestoneMoved, { title: escapeMessageText(moved.title), gemeente: moved.gemeente, date: formatDay(moved.plannedDate, turn.locale) }));
}
