import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/config/project-root.js';
import type { Role } from '../../src/organisation/organisation-schema.js';
import { OTHER_TENANT_ID, type Persona } from './teams-activity.js';

/**
 * The demo organisation file plus a second tenant (OTHER_TENANT_ID) in which the given personas hold
 * the given roles too: the same Entra object ids, so only the tenant tells them apart.
 * Returns the path, for `startTestBot({ env: { ORGANISATION_FILE } })`.
 */
export function organisationWithOtherTenant(people: { persona: Persona; name: string; roles: Role[] }[]): string {
  const demo = readFileSync(fromRoot('src/content/organisation.yaml'), 'utf8');
  const members = people.map((p) => `      - aadObjectId: ${p.persona.aadObjectId}\n        name: ${p.name}\n        roles: [${p.roles.join(', ')}]\n`).join('');
  const extra = `  - tenantId: ${OTHER_TENANT_ID}\n    name: Andere gemeente\n    gemeenten: [Elders]\n    people:\n${members}`;
  const file = join(mkdtempSync(join(tmpdir(), 'vb-org-')), 'organisation.yaml');
  writeFileSync(file, `${demo.trimEnd()}\n${extra}`);
  return file;
}
