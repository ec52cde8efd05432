import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_TENANT_ID, TENANT_ID } from '../helpers/teams-activity.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { fixtureSources, startTabServer, unavailableSources } from './tab-fixtures.js';

const appId = '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b';
const resource = `api://bot.example.nl/${appId}`;

/** A stand-in for Entra ID: an OpenID configuration and JWKS on a local port, with a key we sign tokens with. */
async function startIdentityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0', jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/openid-configuration`;
  return { url, privateKey, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface TokenOptions {
  key?: CryptoKey;
  tid?: string;
  aud?: string;
  iss?: string;
  expiresIn?: string | number;
  omitTid?: boolean;
}

describe('tab API with Teams SSO (MicrosoftAppId set)', () => {
  let bot: TestBot;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let otherKey: CryptoKey;

  const token = async (o: TokenOptions = {}) => {
    const tid = o.tid ?? TENANT_ID;
    const jwt = new SignJWT(o.omitTid ? { oid: 'user-1' } : { tid, oid: 'user-1' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(o.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(o.aud ?? resource)
      .setIssuedAt(typeof o.expiresIn === 'number' ? o.expiresIn - 3600 : undefined)
      .setExpirationTime(o.expiresIn ?? '1h');
    return jwt.sign(o.key ?? idp.privateKey);
  };
  const get = async (path: string, bearer?: string) => {
    const res = await fetch(`${bot.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    idp = await startIdentityProvider();
    otherKey = (await generateKeyPair('RS256')).privateKey;
    bot = await startTestBot({
      env: {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT_ID,
        PUBLIC_URL: 'https://bot.example.nl',
        TAB_OPENID_CONFIGURATION_URL: idp.url,
      },
    });
  });
  afterAll(async () => {
    await bot?.close();
    await idp?.close();
  });

  it('answers a valid token (audience = webApplicationInfo.resource) with the data', async () => {
    const res = await get('/api/tab/milestones', await token());
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('available');
    expect(res.body).toHaveProperty('items');
  });

  it('accepts the v1 issuer and the app id as audience', async () => {
    expect((await get('/api/tab/priorities', await token({ iss: `https://sts.windows.net/${TENANT_ID}/` }))).status).toBe(200);
    expect((await get('/api/tab/priorities', await token({ aud: appId }))).status).toBe(200);
  });

  const refusals: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a malformed token', async () => 'not.a-jwt'],
    ['an expired token', () => token({ expiresIn: Math.floor(Date.now() / 1000) - 600 })],
    ['a token for another audience', () => token({ aud: 'api://other.example.nl/00000000-0000-0000-0000-000000000000' })],
    ['a token of a tenant not in the organisation file', () => token({ tid: OTHER_TENANT_ID })],
    ['a token whose issuer is another tenant', () => token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0` })],
    ['a token without tenant', () => token({ omitTid: true })],
    ['a token signed with a key not in the JWKS', () => token({ key: otherKey })],
  ];
  it.each(refusals)('refuses %s with 401 and no data', async (_name, make) => {
    for (const path of ['/api/tab/priorities', '/api/tab/mediation', '/api/tab/search?q=camera']) {
      const res = await get(path, await make());
      expect(res.status).toBe(401);
      expect(res.body).not.toHaveProperty('items');
      expect(res.body).not.toHaveProperty('stats');
      expect(res.body.code).toBe('Unauthorized');
    }
  });
});

describe('tab API in local mode (no MicrosoftAppId)', () => {
  let bot: TestBot;
  let tab: Awaited<ReturnType<typeof startTabServer>>;
  beforeAll(async () => {
    bot = await startTestBot({ listen: true });
    tab = await startTabServer(bot.core, fixtureSources);
  });
  afterAll(async () => {
    await tab?.close();
    await bot?.close();
  });

  it('serves loopback callers without a token', async () => {
    const res = await fetch(`${bot.url}/api/tab/priorities`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers from the feature modules: every source of the bot is wired and says so', async () => {
    for (const path of ['priorities', 'milestones', 'documents', 'mediation', 'search?q=veiligheid']) {
      const body = await (await fetch(`${bot.url}/api/tab/${path}`)).json();
      expect(body.available, path).toBe(true);
    }
  });

  it('says "not available" with no invented data for a source whose feature is missing', async () => {
    const bare = await startTabServer(bot.core, unavailableSources);
    try {
      for (const path of ['priorities', 'milestones', 'documents', 'search?q=camera']) {
        expect(await (await fetch(`${bare.url}/api/tab/${path}`)).json(), path).toMatchObject({ available: false, items: [] });
      }
      expect(await (await fetch(`${bare.url}/api/tab/mediation`)).json()).toEqual({ available: false, stats: null });
    } finally {
      await bare.close();
    }
  });

  it('passes through only the fields of the contract: personal data a source adds is stripped', async () => {
    const body = await (await fetch(`${tab.url}/api/tab/mediation`)).json();
    expect(body.available).toBe(true);
    expect(body.stats.total).toBe(14);
    expect(JSON.stringify(body)).not.toMatch(/Jan Jansen|0612345678|cases/);
  });

  it('treats a 10,000-character search as text: cut to a sane length, answered, not executed', async () => {
    const q = `<script>alert("x")</script>camera ${'a'.repeat(10_000)}`;
    const res = await fetch(`${tab.url}/api/tab/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.truncated).toBe(true);
    expect(body.query.length).toBeLessThanOrEqual(200);
    expect(body.query.startsWith('<script>')).toBe(true);
    expect(body.items).toHaveLength(1);
  });

  it('refuses a query that is absurdly long or a bad date with 400', async () => {
    expect((await fetch(`${tab.url}/api/tab/search?q=${'a'.repeat(12_001)}`)).status).toBe(400);
    expect((await fetch(`${tab.url}/api/tab/mediation?from=gisteren`)).status).toBe(400);
    expect((await fetch(`${tab.url}/api/tab/priorities?locale=fr`)).status).toBe(400);
  });

  it('serves the page with a content security policy that lets only Teams frame it', async () => {
    const res = await fetch(`${bot.url}/tab/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    const html = await res.text();
    expect(html).toContain('"heading":"Veiligheid"');
    expect(html).toContain('"heading":"Safety"');
    expect((await fetch(`${bot.url}/tab/../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${bot.url}/tab/secret.txt`)).status).toBe(404);
  });
});

describe('tab API before the bot is ready', () => {
  it('answers 503 until the core is ready', async () => {
    const restify = (await import('restify')).default;
    const { registerTabRoutes } = await import('../../src/tab/tab-routes.js');
    const { parseConfig } = await import('../../src/config/load-config.js');
    const { createLogger } = await import('../../src/logging/logger.js');
    const server = restify.createServer();
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    registerTabRoutes(server, {
      config,
      log: createLogger('silent'),
      ready: new Promise(() => undefined),
      isServing: () => false,
      sources: () => expect.unreachable('the sources are built once ready'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${server.address().port}/api/tab/priorities`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
