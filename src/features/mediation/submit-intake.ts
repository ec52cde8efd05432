import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { postCoordinatorCard } from './case-card-delivery.js';
import { createCase } from './create-case.js';
import { validateIntake } from './intake-schema.js';
import { confirmationCard, intakeCard, violenceCard } from './mediation-cards.js';
import { requireTenant, type MediationContext } from './mediation-context.js';

/** The intake card sent: refused (violence), back with its errors, or a case (once per idempotency key) posted to the coordinators. */
export async function submitIntake(ctx: MediationContext, turn: Turn, data: Record<string, unknown> & { idempotencyKey: string }): Promise<ActionResult> {
  const tenantId = requireTenant(ctx, turn);
  const validation = validateIntake(data);
  if (validation.kind === 'violence') {
    turn.log.info('mediation referral refused: violence or threat');
    return { type: 'card', card: violenceCard(turn.t) };
  }
  if (validation.kind === 'invalid') {
    turn.log.info({ fields: Object.keys(validation.fieldErrors) }, 'mediation referral incomplete');
    return { type: 'card', card: intakeCard(turn.t, { values: data, fieldErrors: validation.fieldErrors, idempotencyKey: data.idempotencyKey }) };
  }
  const { case: facts, created } = await createCase(ctx.core.db, {
    tenantId,
    referrerAadObjectId: turn.user.aadObjectId,
    idempotencyKey: data.idempotencyKey,
    intake: validation.intake,
    now: ctx.core.now(),
  });
  turn.log.info({ caseNumber: facts.caseNumber, created }, created ? 'mediation case referred' : 'mediation referral repeated');
  if (created) turn.defer('mediation.post-case-card', () => postCoordinatorCard(ctx, facts));
  return { type: 'card', card: confirmationCard(turn.t, facts) };
}
