import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import { applyCoordinatorAction } from './apply-coordinator-action.js';
import { updatePostedCards } from './case-card-delivery.js';
import type { CoordinatorAction } from './case-state.js';
import { coordinatorView, requireCoordinator, type MediationContext } from './mediation-context.js';
import { limits, outcomes } from './mediation-options.js';

type Versioned = { caseId: number; version: number };
const shortName = z.string().trim().min(1).max(limits.shortText);

function incomplete(labels: string[]): never {
  throw new AppError('mediation_action_incomplete', { status: 400, params: { fields: labels.join(', ') }, detail: 'coordinator action without its inputs' });
}

/** Applies a coordinator's action once per card version; the posted copies follow after the turn. */
async function coordinatorAction(ctx: MediationContext, turn: Turn, data: Versioned, command: CoordinatorAction): Promise<ActionResult> {
  const { tenantId, actor } = await requireCoordinator(ctx, turn);
  const result = await applyCoordinatorAction(ctx.core.db, { tenantId, caseId: data.caseId, version: data.version, actorAadObjectId: actor, command, now: ctx.core.now() });
  if (result.applied) {
    turn.log.info({ caseNumber: result.case.caseNumber, action: command.action, status: result.case.status }, 'mediation case action');
    turn.defer('mediation.update-case-card', () => updatePostedCards(ctx, result.case));
  }
  return coordinatorView(ctx, turn, tenantId, actor, result.case.id);
}

/** Accepted with two volunteers (the card's inputs, checked here: the route schema is lenient). */
export async function acceptCase(ctx: MediationContext, turn: Turn, data: Versioned & { volunteer1?: unknown; volunteer2?: unknown }): Promise<ActionResult> {
  const one = shortName.safeParse(data.volunteer1);
  const two = shortName.safeParse(data.volunteer2);
  await requireCoordinator(ctx, turn);
  if (!one.success || !two.success) incomplete([turn.t.mediation.volunteer1, turn.t.mediation.volunteer2]);
  return coordinatorAction(ctx, turn, data, { action: 'accept', volunteers: [one.data, two.data] });
}

export const referProfessional = (ctx: MediationContext, turn: Turn, data: Versioned) => coordinatorAction(ctx, turn, data, { action: 'referProfessional' });

export async function markNotSuitable(ctx: MediationContext, turn: Turn, data: Versioned & { reason?: unknown }): Promise<ActionResult> {
  const reason = z.string().trim().min(1).max(limits.reason).safeParse(data.reason);
  await requireCoordinator(ctx, turn);
  if (!reason.success) incomplete([turn.t.mediation.reason]);
  return coordinatorAction(ctx, turn, data, { action: 'notSuitable', reason: reason.data });
}

export async function closeCase(ctx: MediationContext, turn: Turn, data: Versioned & { outcome?: unknown }): Promise<ActionResult> {
  const outcome = z.enum(outcomes).safeParse(data.outcome);
  await requireCoordinator(ctx, turn);
  if (!outcome.success) incomplete([turn.t.mediation.outcome]);
  return coordinatorAction(ctx, turn, data, { action: 'close', outcome: outcome.data });
}
