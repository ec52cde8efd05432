import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { organisationSchema, type OrganisationData, type Person, type Role } from './organisation-schema.js';

export interface Member {
  tenantId: string;
  aadObjectId: string;
}

/**
 * Roles per tenant and gemeente, from data. Every permission check goes through here, keyed by
 * tenant and Entra object id, so a user of another tenant never matches anyone.
 */
export class Organisation {
  constructor(private readonly data: OrganisationData) {}

  static fromFile(path: string): Organisation {
    const parsed = organisationSchema.safeParse(parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`Organisation file ${path}: ${issue.path.join('.')} ${issue.message}`);
    }
    return new Organisation(parsed.data);
  }

  private tenant(tenantId: string | undefined) {
    return tenantId ? this.data.tenants.find((t) => t.tenantId === tenantId) : undefined;
  }

  /** The gemeenten this tenant serves (empty for an unknown tenant). */
  gemeenten(tenantId: string | undefined): string[] {
    return this.tenant(tenantId)?.gemeenten ?? [];
  }

  /** Every gemeente of every tenant (the vocabulary for a gemeente named in a message). */
  allGemeenten(): string[] {
    return this.data.tenants.flatMap((t) => t.gemeenten);
  }

  person(tenantId: string | undefined, aadObjectId: string | undefined): Person | undefined {
    if (!aadObjectId) return undefined;
    return this.tenant(tenantId)?.people.find((p) => p.aadObjectId === aadObjectId);
  }

  private covers(tenantId: string, person: Person, gemeente: string | undefined): boolean {
    if (!gemeente) return true;
    const lower = gemeente.toLowerCase();
    const list = person.gemeenten ?? this.gemeenten(tenantId);
    return list.some((g) => g.toLowerCase() === lower);
  }

  /**
   * Whether the user holds `role` for `gemeente` at `at`: directly, or as a delegate within the
   * delegation period (dates inclusive, compared as calendar days).
   */
  hasRole(member: Partial<Member>, role: Role, options: { gemeente?: string; at?: Date } = {}): boolean {
    const person = this.person(member.tenantId, member.aadObjectId);
    if (!person || !member.tenantId || !this.covers(member.tenantId, person, options.gemeente)) return false;
    if (person.roles.includes(role)) return true;
    const delegation = person.delegateFor;
    if (!delegation || delegation.role !== role) return false;
    const day = (options.at ?? new Date()).toISOString().slice(0, 10);
    return day >= delegation.from && day <= delegation.until;
  }

  /** Everyone who holds `role` for `gemeente` now (direct holders first, then active delegates). */
  holders(tenantId: string, role: Role, options: { gemeente?: string; at?: Date } = {}): Person[] {
    const people = this.tenant(tenantId)?.people ?? [];
    return people.filter((p) => this.hasRole({ tenantId, aadObjectId: p.aadObjectId }, role, options)).sort((a, b) => Number(b.roles.includes(role)) - Number(a.roles.includes(role)));
  }
}
