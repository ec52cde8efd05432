import { cardMessage } from '../../cards/render-card.js';
import { remember as rememberInConversation } from '../../routing/conversation-memory.js';
import type { Turn } from '../../routing/turn.js';
import { requireKnownTenant } from './access.js';
import { learnUser, viewerOf, type ApprovalsContext } from './approvals-context.js';
import { selectRequests } from './approval-store.js';
import { pendingCard } from './approval-views.js';

/** "Wat wacht op mijn goedkeuring?": the open requests this user may decide. */
export async function showPending(ctx: ApprovalsContext, turn: Turn): Promise<void> {
  const tenantId = requireKnownTenant(ctx.core.organisation, turn.tenantId);
  await learnUser(ctx, turn);
  const open = await selectRequests(ctx.core.db, `tenant_id = $1 AND status = 'requested' ORDER BY requested_at`, [tenantId]);
  const mine = open.filter((r) => viewerOf(ctx, turn, r) === 'approver');
  // One waiting request: "keur die maar goed" right after means that one.
  if (mine.length === 1) rememberInConversation(turn, { approval: { requestId: mine[0]!.id, version: mine[0]!.version } });
  await turn.send(cardMessage(pendingCard(mine, { t: turn.t, locale: turn.locale })));
}
