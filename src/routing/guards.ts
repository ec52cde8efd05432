import { AppError } from '../errors/app-error.js';
import type { Guard } from './route.js';
import type { Turn } from './turn.js';

/** What the router asks the organisation to check a route's guard; no feature repeats these checks. */
export interface RouteAccess {
  servesTenant(tenantId: string | undefined): boolean;
  isMember(turn: Turn): boolean;
  hasRole(turn: Turn, roles: readonly string[]): boolean;
}

/** Throws the route's error when the turn may not use it; runs before the handler (and before any slow work). */
export function enforceGuard(guard: Guard | undefined, turn: Turn, access: RouteAccess | undefined, route: string): void {
  if (!guard) return;
  if (!access) throw new Error(`Route ${route} has a guard but the router has no access checks`);
  if (guard.tenant && !access.servesTenant(turn.tenantId)) {
    throw new AppError('other_tenant', { status: 403, detail: `${route}: tenant not served` });
  }
  if (guard.member && !access.isMember(turn)) throw new AppError(guard.roleError ?? 'forbidden', { status: 403, detail: `${route}: not a member of the organisation` });
  if (guard.roles && !access.hasRole(turn, guard.roles)) throw new AppError(guard.roleError ?? 'forbidden', { status: 403, detail: `${route}: role ${guard.roles.join('|')} required` });
  if (guard.personalChat && turn.conversation.type !== 'personal') throw new AppError(guard.personalChatError ?? 'forbidden', { status: 403, detail: `${route}: personal chat only` });
}
