import { cardMessage } from '../../cards/render-card.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant } from './access.js';
import { learnUser, type ApprovalsContext } from './approvals-context.js';
import { milestoneListCard } from './approval-views.js';
import { todayIso } from './dates.js';
import { gemeenteIn } from './milestone-commands.js';

/** The list card of coming and overdue milestones, of one gemeente or of all the tenant's. */
export async function upcomingList(ctx: ApprovalsContext, turn: Turn, gemeente?: string, notice?: string) {
  const tenantId = requireKnownTenant(ctx.core.organisation, turn.tenantId);
  const gemeenten = gemeente ? [gemeente] : ctx.core.organisation.gemeenten(tenantId);
  const today = todayIso(ctx.core.now());
  // Up to ten coming and ten overdue ones (upcoming() lists the coming ones first).
  const open = await ctx.register.upcoming(gemeenten, today, 1000);
  const milestones = [...open.filter((m) => m.plannedDate >= today).slice(0, 10), ...open.filter((m) => m.plannedDate < today).slice(0, 10)];
  return milestoneListCard(milestones, { t: turn.t, locale: turn.locale, today, gemeente, notice });
}

/** "Welke mijlpalen komen eraan (in Hengelo)?" */
export async function showUpcoming(ctx: ApprovalsContext, turn: Turn, match: RegExpMatchArray | null): Promise<void> {
  const tenantId = requireKnownTenant(ctx.core.organisation, turn.tenantId);
  await learnUser(ctx, turn);
  // Said in other words or as a follow-up ("en in Hengelo?"), the gemeente is anywhere in the text.
  const gemeente = gemeenteIn(match ? (match[1] ?? match[2] ?? '') : turn.text, ctx.core.organisation.gemeenten(tenantId));
  await turn.send(cardMessage(await upcomingList(ctx, turn, gemeente)));
}
