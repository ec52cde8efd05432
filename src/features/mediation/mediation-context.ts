import type { Core } from '../feature-context.js';
import { AppError } from '../../errors/app-error.js';
import { catalogue, type Catalogue } from '../../i18n/catalogue.js';
import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import type { CaseFacts } from './case-records.js';
import { caseCard } from './mediation-cards.js';
import { COORDINATOR_ROLE } from './mediation-options.js';
import { readCaseForCoordinator } from './personal-data-access.js';
import type { ProcessedActivities } from '../../store/processed-activities.js';

/** What the buurtbemiddeling handlers share: the core, the app's processed activities (erasure forgets stored answers) and the catalogue of the default language. */
export interface MediationContext {
  core: Core;
  processed: ProcessedActivities;
  defaultT: Catalogue;
}

export const mediationContext = (core: Core, processed: ProcessedActivities): MediationContext => ({ core, processed, defaultT: catalogue(core.config.DEFAULT_LOCALE) });

export const isCoordinator = (ctx: MediationContext, turn: Turn) =>
  ctx.core.organisation.hasRole({ tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId }, COORDINATOR_ROLE, { at: ctx.core.now() });

/** Coordinators' Teams ids are kept so the case card can list them in refresh.userIds. */
export async function learnCoordinator(ctx: MediationContext, turn: Turn): Promise<void> {
  if (turn.tenantId && turn.user.aadObjectId && turn.user.id && isCoordinator(ctx, turn)) {
    await ctx.core.users.learn(turn.tenantId, turn.user.aadObjectId, turn.user.id);
  }
}

export function requireTenant(ctx: MediationContext, turn: Turn): string {
  if (!turn.tenantId || ctx.core.organisation.gemeenten(turn.tenantId).length === 0) throw new AppError('other_tenant', { status: 403, detail: 'tenant not served' });
  return turn.tenantId;
}

export async function requireCoordinator(ctx: MediationContext, turn: Turn): Promise<{ tenantId: string; actor: string }> {
  const tenantId = requireTenant(ctx, turn);
  if (!isCoordinator(ctx, turn) || !turn.user.aadObjectId) throw new AppError('mediation_coordinator_only', { status: 403, detail: 'not a coordinator of this tenant' });
  await learnCoordinator(ctx, turn);
  return { tenantId, actor: turn.user.aadObjectId };
}

/** The coordinators' Teams ids, so their client refreshes the case card into their own view. */
export async function coordinatorUserIds(ctx: MediationContext, tenantId: string): Promise<string[]> {
  const holders = ctx.core.organisation.holders(tenantId, COORDINATOR_ROLE, { at: ctx.core.now() });
  return ctx.core.users.refreshUserIds(
    tenantId,
    holders.map((p) => p.aadObjectId),
  );
}

/** The case card without personal data: what a posted copy and anyone but a coordinator sees. */
export async function publicCard(ctx: MediationContext, t: Catalogue, facts: CaseFacts) {
  return caseCard(t, facts, { coordinator: false, refreshUserIds: await coordinatorUserIds(ctx, facts.tenantId) });
}

/** The coordinator's own view, with the personal data (the reading is recorded in the access log). */
export async function coordinatorView(ctx: MediationContext, turn: Turn, tenantId: string, actor: string, caseId: number): Promise<ActionResult> {
  const { case: facts, personal } = await readCaseForCoordinator(ctx.core.db, { tenantId, caseId, actorAadObjectId: actor, now: ctx.core.now() });
  return { type: 'card', card: caseCard(turn.t, facts, { coordinator: true, personal, refreshUserIds: await coordinatorUserIds(ctx, tenantId) }) };
}
