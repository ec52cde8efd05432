// botbuilder's own dependency (same version), where CloudAdapter's 401 check looks for this class.
import { AuthenticationError, JwtTokenValidation, type BotFrameworkAuthentication, type ConnectorClient, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { decodeJwt } from 'jose';
import { createRequire } from 'node:module';
import type { Config } from '../config/config-schema.js';
import type { Logger } from '../logging/logger.js';
import { EdgeCloudAdapter } from './edge-cloud-adapter.js';

/**
 * botbuilder 4.23 serialises outgoing activities with the connector's `Entity` mapper, which knows
 * only `type`: with @azure/core-client 1.10 every other property of an entity is dropped, so
 * citations, the AI label and streaming info (`streamId`, `streamSequence`) never reach Teams.
 * Declaring additional properties on the mapper keeps entities whole.
 */
function keepEntityProperties(): void {
  const mappers = createRequire(import.meta.url)('botframework-connector/lib/connectorApi/models/mappers.js') as {
    Entity: { type: { additionalProperties?: unknown } };
  };
  mappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
}
keepEntityProperties();

/**
 * botbuilder's CloudAdapter with authentication from config. Without an app id botbuilder lets
 * anonymous traffic in; src/http/ then allows loopback callers only (local mode).
 * `overrides` lets tests point the OpenID metadata at a local server.
 */
export function createAdapter(config: Config, overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {}, options: { log?: Logger } = {}): EdgeCloudAdapter {
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
  // botbuilder lets jsonwebtoken's own errors (bad signature, malformed token) through, and
  // CloudAdapter answers anything but its AuthenticationError with 500 and the exception text (a
  // JWT whose payload is `null` throws a TypeError). Whatever fails while a request is authenticated
  // is a plain 401 whose body says nothing more; the reason goes to the log.
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    // botbuilder prints an expired token's stack to the console before refusing it; refused here first.
    if (isExpired(authHeader)) throw new AuthenticationError('Unauthorized: the token has expired', 401);
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      options.log?.info({ reason: reasonOf(error) }, 'request refused: not authenticated');
      throw new AuthenticationError('Unauthorized', 401);
    }
  };
  reuseClients(auth);
  return new EdgeCloudAdapter(auth, config.MicrosoftAppId ?? '');
}

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient (each with its HTTP pipeline) for
 * every incoming activity: a measurable share of a turn's CPU. They hold no per-turn state (tokens
 * are cached by the credentials), so one per bot identity, service URL and audience is reused, as
 * botbuilder's older BotFrameworkAdapter did.
 */
function reuseClients(auth: BotFrameworkAuthentication): void {
  const connectors = new Map<string, Promise<ConnectorClient>>();
  const tokenClients = new Map<string, Promise<UserTokenClient>>();
  const remember = <T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (!found) {
      // Service URLs are a handful per region; the bound only guards against a flood of made-up ones.
      if (cache.size >= 100) cache.clear();
      found = make();
      found.catch(() => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  };
  const reusing = (factory: ConnectorFactory, appId: string): ConnectorFactory => ({
    create: (serviceUrl, audience) => remember(connectors, `${appId}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
  });
  const appIdOf = (claims: Parameters<BotFrameworkAuthentication['createUserTokenClient']>[0]) => JwtTokenValidation.getAppIdFromClaims(claims.claims) ?? '';

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args) => {
    const result = await authenticate(...args);
    if (result.connectorFactory) result.connectorFactory = reusing(result.connectorFactory, appIdOf(result.claimsIdentity));
    return result;
  };
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims) => reusing(createFactory(claims), appIdOf(claims));
  const createTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims) => remember(tokenClients, appIdOf(claims), () => createTokenClient(claims));
}

/** botbuilder's own allowance for clock skew (tokenValidationParameters: 5 minutes). */
const clockToleranceSeconds = 5 * 60;

function isExpired(authHeader: string): boolean {
  const [scheme, token] = authHeader.split(' ');
  if (scheme !== 'Bearer' || !token) return false;
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' && exp + clockToleranceSeconds < Date.now() / 1000;
  } catch {
    // Not a JWT: botbuilder refuses it with its own reason.
    return false;
  }
}

const explainedFailures = new Set(['AuthenticationError', 'JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** The kind of failure, for the log: botbuilder's and jsonwebtoken's own messages; any other text may quote the token. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const name = error instanceof AuthenticationError ? 'AuthenticationError' : error.name;
  return explainedFailures.has(name) ? `${name}: ${error.message}`.slice(0, 200) : name;
}
