import type { ErrorCode } from '../i18n/catalogue.js';
import type { RouteGuard } from '../routing/route.js';
import type { Organisation } from './organisation.js';
import type { Role } from './organisation-schema.js';

/**
 * A route guard: the user must hold one of `roles` in their own tenant (the organisation file
 * matches on tenant and Entra object id, so an unknown tenant never passes).
 */
export function requiresRole(organisation: Organisation, roles: readonly Role[], refusal: ErrorCode, now: () => Date = () => new Date()): RouteGuard {
  return {
    name: `${roles.join(' or ')} of the tenant`,
    refusal,
    allows: (turn) => roles.some((role) => organisation.hasRole({ tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId }, role, { at: now() })),
  };
}
