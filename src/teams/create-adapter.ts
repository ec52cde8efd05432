import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../config/config-schema.js';

/**
 * botbuilder's CloudAdapter with authentication from config. Without an app id botbuilder lets
 * anonymous traffic in; src/http/ then allows loopback callers only (local mode).
 * `overrides` lets tests point the OpenID metadata at a local server.
 */
export function createAdapter(config: Config, overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}): CloudAdapter {
  // botbuilder's local (anonymous) path needs the app type left out when there is no app id.
  const identity = config.MicrosoftAppId
    ? {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      }
    : {};
  const auth = new ConfigurationBotFrameworkAuthentication({ ...identity, ...overrides });
  return new CloudAdapter(auth);
}
