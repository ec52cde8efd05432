import type { RouteAccess } from '../routing/guards.js';
import type { Understandable } from '../routing/understand.js';
import type { Role } from '../organisation/organisation-schema.js';
import type { Core } from '../features/feature-context.js';

/** The routes' guards checked against the organisation file (tenant, membership, roles). */
export function routeAccess(core: Core): RouteAccess {
  const { organisation } = core;
  return {
    servesTenant: (tenantId) => organisation.gemeenten(tenantId).length > 0,
    isMember: (turn) => organisation.person(turn.tenantId, turn.user.aadObjectId) !== undefined,
    hasRole: (turn, roles) => roles.some((role) => organisation.hasRole({ tenantId: turn.tenantId, aadObjectId: turn.user.aadObjectId }, role as Role, { at: core.now() })),
  };
}

/**
 * The gemeenten a message may name: the tenant's own, else every gemeente the organisation
 * knows (the documents of other gemeenten can still be asked about).
 */
export function gemeentenVocabulary(core: Core): (turn: Understandable) => readonly string[] {
  const all = [...new Set(core.organisation.allGemeenten())];
  return (turn) => {
    const own = core.organisation.gemeenten(turn.tenantId);
    return own.length ? [...own, ...all.filter((g) => !own.includes(g))] : all;
  };
}
