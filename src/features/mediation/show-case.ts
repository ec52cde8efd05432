import { AppError } from '../../errors/app-error.js';
import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { findCaseById } from './case-records.js';
import { coordinatorView, isCoordinator, learnCoordinator, publicCard, requireTenant, type MediationContext } from './mediation-context.js';

/** The card's refresh: a coordinator sees the case with its personal data, anyone else the public view. */
export async function showCase(ctx: MediationContext, turn: Turn, caseId: number): Promise<ActionResult> {
  const tenantId = requireTenant(ctx, turn);
  if (isCoordinator(ctx, turn) && turn.user.aadObjectId) {
    await learnCoordinator(ctx, turn);
    return coordinatorView(ctx, turn, tenantId, turn.user.aadObjectId, caseId);
  }
  const facts = await findCaseById(ctx.core.db, tenantId, caseId);
  if (!facts) throw new AppError('not_found', { status: 404, detail: 'mediation case not in tenant' });
  return { type: 'card', card: await publicCard(ctx, turn.t, facts) };
}
