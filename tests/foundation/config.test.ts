import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { ConfigError, parseConfig } from '../../src/config/load-config.js';
import { fromRoot } from '../../src/config/project-root.js';

describe('configuration', () => {
  it('runs with no variables at all (local mode, embedded store)', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it('names the variable and the fix in one line when a value is bad', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/^Configuration error: PORT is invalid .*; use a port number such as 3978\.$/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL .*postgres:\/\//);
  });

  it('requires the tenant and secret of a single-tenant Azure Bot', () => {
    expect(() => parseConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's' })).toThrow(/MicrosoftAppTenantId is missing; set it to the Entra ID tenant/);
    expect(() => parseConfig({ MicrosoftAppId: 'app', MicrosoftAppTenantId: 't' })).toThrow(/MicrosoftAppPassword/);
    expect(parseConfig({ MicrosoftAppId: 'app', MicrosoftAppTenantId: 't', MicrosoftAppType: 'UserAssignedMSI' }).MicrosoftAppType).toBe('UserAssignedMSI');
  });

  it('treats an empty variable as not set', () => {
    expect(parseConfig({ DATABASE_URL: '', MicrosoftAppId: '' }).DATABASE_URL).toBeUndefined();
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(fromRoot('.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });
});
