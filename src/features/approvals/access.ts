import { AppError } from '../../errors/app-error.js';
import type { Organisation } from '../../organisation/organisation.js';
import type { Role } from '../../organisation/organisation-schema.js';

/** The gemeente as the tenant names it; a gemeente of another tenant is refused as such. */
export function tenantGemeente(organisation: Organisation, tenantId: string | undefined, gemeente: string): string {
  const found = organisation.gemeenten(tenantId).find((g) => g.toLowerCase() === gemeente.trim().toLowerCase());
  if (!found) throw new AppError('other_tenant', { status: 403, detail: 'gemeente not served by this tenant' });
  return found;
}

/** The tenant must be one the organisation file knows: a user of another organisation gets nothing. */
export function requireKnownTenant(organisation: Organisation, tenantId: string | undefined): string {
  if (!tenantId || organisation.gemeenten(tenantId).length === 0) throw new AppError('other_tenant', { status: 403, detail: 'unknown tenant' });
  return tenantId;
}

export function requireRole(organisation: Organisation, member: { tenantId: string | undefined; aadObjectId: string | undefined }, roles: readonly Role[], gemeente: string, at: Date): void {
  if (!roles.some((role) => organisation.hasRole(member, role, { gemeente, at }))) {
    throw new AppError('approval_role_required', { status: 403, detail: `needs ${roles.join(' or ')}`, params: { gemeente } });
  }
}
