import type { Core } from '../feature-context.js';
import type { ActionResult } from '../../routing/route.js';
import type { Turn } from '../../routing/turn.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Actor, ApprovalDeps } from './approval-deps.js';
import type { DeliveryDeps } from './approval-delivery.js';
import { refreshUserIds } from './approval-delivery.js';
import { mayDecide } from './approval-state.js';
import type { ApprovalRequest } from './approval-store.js';
import { approvalCard, type Viewer } from './approval-views.js';
import type { MilestoneRegister } from './milestone-register.js';

/** What the approvals feature's turn handlers share: built once by the feature. */
export interface ApprovalsContext {
  core: Core;
  deps: ApprovalDeps;
  delivery: DeliveryDeps;
  register: MilestoneRegister;
  kb: KnowledgeBase;
}

export function approvalsContext(core: Core, { register, kb }: { register: MilestoneRegister; kb: KnowledgeBase }): ApprovalsContext {
  return {
    core,
    register,
    kb,
    deps: { db: core.db, organisation: core.organisation, register, now: core.now },
    delivery: { ...core, locale: core.config.DEFAULT_LOCALE },
  };
}

export const actorOf = (turn: Turn): Actor => ({ name: turn.user.name, aadObjectId: turn.user.aadObjectId, userId: turn.user.id });

/** Deferred work of a turn posts in the turn's language and logs with its correlation. */
export const turnDelivery = (ctx: ApprovalsContext, turn: Turn): DeliveryDeps => ({ ...ctx.delivery, locale: turn.locale, log: turn.log });

/** Keeps the user's Teams id for refresh.userIds; only for people of a known organisation. */
export async function learnUser(ctx: ApprovalsContext, turn: Turn): Promise<void> {
  if (turn.tenantId && turn.user.aadObjectId && turn.user.id && ctx.core.organisation.person(turn.tenantId, turn.user.aadObjectId)) {
    await ctx.core.users.learn(turn.tenantId, turn.user.aadObjectId, turn.user.id);
  }
}

export function viewerOf(ctx: ApprovalsContext, turn: Turn, request: ApprovalRequest): Viewer {
  const { organisation, now } = ctx.core;
  if (mayDecide(organisation, { tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId, approverRole: request.approverRole, gemeente: request.gemeente, at: now() })) return 'approver';
  if (turn.user.aadObjectId === request.requester.aadObjectId) return 'requester';
  return 'other';
}

/** The approval card as this user sees it, with an optional notice above it. */
export async function cardFor(ctx: ApprovalsContext, turn: Turn, request: ApprovalRequest, notice?: string): Promise<ActionResult> {
  const userIds = request.status === 'requested' ? await refreshUserIds(ctx.delivery, request) : [];
  return { type: 'card', card: approvalCard(request, viewerOf(ctx, turn, request), { t: turn.t, locale: turn.locale, refreshUserIds: userIds, notice }) };
}
