import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Config } from '../config/config-schema.js';
import type { Logger } from '../logging/logger.js';
import type { Organisation } from '../organisation/organisation.js';
import { ssoResource } from './app-package.js';

export type AuthResult = { ok: true; tenantId: string } | { ok: false; status: 401 | 503; reason: string };

const openIdConfigurationSchema = z.object({ jwks_uri: z.url() });

/** The audiences a Teams SSO token for this app may carry: webApplicationInfo.resource, or the app id itself. */
export function tabAudiences(config: Config): string[] {
  const appId = config.MicrosoftAppId;
  if (!appId) return [];
  const resource = config.TAB_SSO_AUDIENCE ?? (config.PUBLIC_URL ? ssoResource(config.PUBLIC_URL, appId) : undefined);
  return resource ? [resource, appId] : [appId];
}

/**
 * Checks the Teams SSO token of a tab request: signed by a key of Entra ID's OpenID configuration,
 * not expired, for this app, issued by the token's own tenant (v2 or v1 issuer), and that tenant is
 * in the organisation file. The JWKS is fetched once and refreshed by jose when a new key id appears.
 */
export function createTabAuthenticator(config: Config, log: Logger) {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const audiences = tabAudiences(config);

  function signingKeys(): Promise<JWTVerifyGetKey> {
    keys ??= (async () => {
      const res = await fetch(config.TAB_OPENID_CONFIGURATION_URL, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`OpenID configuration answered ${res.status}`);
      const { jwks_uri } = openIdConfigurationSchema.parse(await res.json());
      return createRemoteJWKSet(new URL(jwks_uri), { timeoutDuration: 10_000 });
    })();
    // A failed fetch must not stick: the next request tries again.
    keys.catch(() => (keys = undefined));
    return keys;
  }

  return async function authenticate(authorization: string | undefined, organisation: Organisation): Promise<AuthResult> {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'missing_token' };
    let getKey: JWTVerifyGetKey;
    try {
      getKey = await signingKeys();
    } catch (error) {
      log.error({ err: error }, 'tab SSO: signing keys unavailable');
      return { ok: false, status: 503, reason: 'keys_unavailable' };
    }
    try {
      const { payload } = await jwtVerify(token, getKey, {
        audience: audiences,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iss', 'tid'],
        clockTolerance: 60,
      });
      const tid = typeof payload.tid === 'string' ? payload.tid : '';
      if (organisation.gemeenten(tid).length === 0) return { ok: false, status: 401, reason: 'unknown_tenant' };
      const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
      if (!issuers.includes(payload.iss ?? '')) return { ok: false, status: 401, reason: 'wrong_issuer' };
      return { ok: true, tenantId: tid };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { ok: false, status: 401, reason: error.code };
      throw error;
    }
  };
}
