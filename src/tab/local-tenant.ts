import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { parse } from 'yaml';
import type { Config } from '../config/config-schema.js';
import { fromRoot } from '../config/project-root.js';
import { organisationSchema } from '../organisation/organisation-schema.js';

/**
 * Without SSO (local mode, loopback only) the tab shows the configured tenant, or the first tenant
 * of the organisation file: the same data a developer's bot in the Playground sees.
 */
export function localTenantId(config: Config): string {
  if (config.MicrosoftAppTenantId) return config.MicrosoftAppTenantId;
  const file = isAbsolute(config.ORGANISATION_FILE) ? config.ORGANISATION_FILE : fromRoot(config.ORGANISATION_FILE);
  return organisationSchema.parse(parse(readFileSync(file, 'utf8'))).tenants[0]!.tenantId;
}
