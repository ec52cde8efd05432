import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRateLimit } from '../../src/routing/user-rate-limit.js';
import { organisationWithOtherTenant } from '../helpers/organisation-file.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { messageActivity, OTHER_TENANT_ID, personas, TENANT_ID } from '../helpers/teams-activity.js';
import { auditActions, errorOf, NOW, requestFromCard, requests } from '../approvals/approval-helpers.js';
import { count } from './production-helpers.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.test';

/** A local stand-in for login.botframework.com: OpenID configuration and signing keys (with Teams' endorsement). */
async function startOpenIdServer(jwk: JWK): Promise<{ url: string; server: Server }> {
  let base = '';
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [{ ...jwk, kid: 'key-1', use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/v1/.well-known/openidconfiguration`, server };
}

describe('with an app id configured, only Bot Framework tokens get in', () => {
  let bot: TestBot;
  let openId: { url: string; server: Server };
  let key: CryptoKey;
  let otherKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    openId = await startOpenIdServer(await exportJWK(pair.publicKey));
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-this-test', MicrosoftAppTenantId: TENANT_ID },
      authOverrides: { ToBotFromChannelOpenIdMetadataUrl: openId.url, ToBotFromChannelTokenIssuer: ISSUER, ToBotFromEmulatorOpenIdMetadataUrl: openId.url },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await new Promise((resolve) => openId?.server.close(resolve));
  });

  async function token(options: { issuer?: string; audience?: string; serviceUrl?: string; signWith?: CryptoKey; expiresAt?: number } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: options.serviceUrl ?? bot.connector.url })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(options.expiresAt ?? now + 600)
      .sign(options.signWith ?? key);
  }

  const send = (authorization?: string) => bot.post(messageActivity('help', { from: personas.burgemeester, serviceUrl: bot.connector.url }), authorization ? { authorization } : {});

  it('accepts a valid token', async () => {
    const res = await send(`Bearer ${await token()}`);
    expect(res.status).toBe(200);
    expect(res.body.activities.length).toBeGreaterThan(0);
  });

  it.each([
    ['no token', async () => undefined],
    ['a token that is not a JWT', async () => 'Bearer not.a.token'],
    ['a wrong issuer', async () => `Bearer ${await token({ issuer: 'https://evil.example' })}`],
    ['a wrong audience', async () => `Bearer ${await token({ audience: '99999999-2222-3333-4444-555555555555' })}`],
    ['a wrong signing key', async () => `Bearer ${await token({ signWith: otherKey })}`],
    ['an expired token', async () => `Bearer ${await token({ expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['a serviceurl claim for another connector', async () => `Bearer ${await token({ serviceUrl: 'https://smba.trafficmanager.net/evil/' })}`],
    ['another scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
  ])('refuses %s with 401 and no effect', async (_name, header) => {
    const refsBefore = await count(bot.db, 'conversation_refs');
    const res = await send(await header());
    expect(res.status).toBe(401);
    expect(await count(bot.db, 'conversation_refs')).toBe(refsBefore);
    expect(bot.connector.calls).toEqual([]);
  });

  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  it.each([
    ['a header that is not JSON', `${b64('{not json')}.${b64({ sub: 'x' })}.c2ln`],
    ['a payload that is not JSON', `${b64({ alg: 'RS256', kid: 'key-1' })}.${b64('nope')}.c2ln`],
    ['a header of JSON null', `${b64('null')}.${b64({ sub: 'x' })}.c2ln`],
    ['an unknown key id', `${b64({ alg: 'RS256', kid: 'no-such-key', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.c2ln`],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.`],
    ['the right key id and a garbage signature', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.c2ln`],
    ['the right key id and another algorithm', `${b64({ alg: 'HS256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.c2ln`],
    ['the right key id and an elliptic-curve algorithm', `${b64({ alg: 'ES256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.c2ln`],
    ['the right key id and a payload that is a JSON array', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64([1, 2])}.c2ln`],
    ['the right key id and a signature that is not base64url', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: ISSUER, aud: APP_ID })}.%%%`],
    ['a payload of JSON null', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64('null')}.c2ln`],
    ['an issuer that is a number', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: 42, aud: APP_ID })}.c2ln`],
    ['an issuer that is an object', `${b64({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${b64({ iss: { toString: 1 }, aud: APP_ID })}.c2ln`],
    ['empty parts', '..'],
    ['four parts', 'a.b.c.d'],
  ])('answers a malformed JWT-shaped token (%s) with 401 and no detail', async (_name, jwt) => {
    const res = await send(`Bearer ${jwt}`);
    expect(res.status).toBe(401);
    // no library exception text: the same fixed body whatever was wrong with the token
    expect(res.body).toEqual({ code: 'Unauthorized', message: 'The request has no valid Bot Framework token.' });
  });
});

describe('one tenant never reaches another tenant’s data', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      now: () => NOW,
      env: {
        ORGANISATION_FILE: organisationWithOtherTenant([
          { persona: personas.burgemeester, name: 'Burgemeester elders', roles: ['burgemeester'] },
          { persona: personas.adviseur, name: 'Adviseur elders', roles: ['adviseur', 'beheerder'] },
        ]),
      },
    });
    await bot.say('help', { from: personas.burgemeester });
    await bot.say('help', { from: personas.adviseur });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('an approver with the same object id in another tenant cannot decide, cancel or see the request', async () => {
    const request = await requestFromCard(bot);
    const data = { requestId: request.id, version: request.version };
    for (const verb of ['approval.approve', 'approval.reject', 'approval.requestChanges', 'approval.cancel']) {
      const res = await bot.act(
        verb,
        { ...data, comment: 'x' },
        { from: verb === 'approval.cancel' ? personas.adviseur : personas.burgemeester, tenantId: OTHER_TENANT_ID, conversationId: 'a:personal-other-tenant' },
      );
      expect(res.status, verb).toBeGreaterThanOrEqual(400);
      expect(errorOf(res), verb).toBeDefined();
    }
    const refresh = await bot.act('approval.refresh', data, { from: personas.burgemeester, tenantId: OTHER_TENANT_ID, conversationId: 'a:personal-other-tenant', trigger: 'automatic' });
    expect(JSON.stringify(refresh.body)).not.toContain('Uitvoeringsplan veiligheid 2027');
    expect((await requests(bot)).find((r) => r.id === request.id)!.status).toBe('requested');
    expect(await auditActions(bot, request.id)).toEqual(['requested']);
  });

  it('the list of requests waiting for approval in the other tenant is empty', async () => {
    const replies = await bot.say('Wat wacht op mijn goedkeuring?', { from: personas.burgemeester, tenantId: OTHER_TENANT_ID, conversationId: 'a:personal-other-tenant' });
    expect(JSON.stringify(replies)).not.toContain('Uitvoeringsplan veiligheid 2027');
  });

  it('conversation references are looked up within the tenant', async () => {
    expect(await bot.core.conversations.findPersonal(TENANT_ID, personas.burgemeester.aadObjectId)).toBeDefined();
    const other = await bot.core.conversations.findPersonal(OTHER_TENANT_ID, personas.burgemeester.aadObjectId);
    expect(other?.conversationId).toBe('a:personal-other-tenant');
    expect((await bot.core.conversations.findPersonal(TENANT_ID, personas.burgemeester.aadObjectId))?.conversationId).toBe('a:personal-user-burgemeester');
  });
});

describe('a per-user limit on expensive requests', () => {
  it('refills over time and keeps users apart', () => {
    let now = 0;
    const limit = new UserRateLimit(3, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, true, false]);
    expect(limit.take('b')).toBe(true);
    now += 20_000; // a third of a minute: one token back
    expect([limit.take('a'), limit.take('a')]).toEqual([true, false]);
    expect(new UserRateLimit(0).take('a')).toBe(true);
  });

  it('answers policy questions until the limit, then the Dutch rate_limited message; other users and commands go on', async () => {
    const bot = await startTestBot({ env: { EXPENSIVE_REQUESTS_PER_MINUTE: '2' } });
    try {
      const ask = (from = personas.adviseur) => bot.say('Wat staat er in het beleid over cameratoezicht?', { from });
      await ask();
      await ask();
      const third = await ask();
      expect(third[0]!.text).toContain('U heeft de afgelopen tijd veel verzoeken gedaan');
      expect((await ask(personas.burgemeester))[0]!.text ?? '').not.toContain('veel verzoeken');
      expect(JSON.stringify(await bot.say('help'))).not.toContain('veel verzoeken');
    } finally {
      await bot.close();
    }
  });
});

describe('secrets', () => {
  it('never appear in a log line', async () => {
    const secrets = { MicrosoftAppPassword: 'app-password-Zq81xK', OPENAI_API_KEY: 'sk-test-secret-Vb93LmQ', pg: 'db-password-Hn27Pw' };
    const bot = await startTestBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: secrets.MicrosoftAppPassword,
        MicrosoftAppTenantId: TENANT_ID,
        OPENAI_API_KEY: secrets.OPENAI_API_KEY,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
        DATABASE_URL: `postgres://bot:${secrets.pg}@127.0.0.1:9/none`,
      },
    });
    try {
      await bot.post(messageActivity('help', { serviceUrl: bot.connector.url }), { authorization: 'Bearer x.y.z' });
      const all = JSON.stringify(bot.logs);
      expect(bot.logs.length).toBeGreaterThan(0);
      for (const secret of Object.values(secrets)) expect(all).not.toContain(secret);
    } finally {
      await bot.close();
    }
  });
});
