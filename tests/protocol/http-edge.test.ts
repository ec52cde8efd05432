import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/http/loopback.js';
import { messageActivity } from '../helpers/teams-activity.js';
import { startTestBot, type TestBot } from '../helpers/test-app.js';

async function raw(bot: TestBot, body: string, contentType = 'application/json') {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

describe('HTTP edge: bad input never crashes the bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ listen: true, env: { MAX_BODY_BYTES: '20000' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('is healthy once ready', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'pglite' });
  });

  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['an empty object', '{}'],
    ['a JSON array', '[1,2,3]'],
    ['an unknown activity type', JSON.stringify({ ...messageActivity('x', { serviceUrl: 'http://127.0.0.1:9' }), type: 'holographicCall' })],
    ['an activity without a conversation', JSON.stringify({ ...messageActivity('x', { serviceUrl: 'http://127.0.0.1:9' }), conversation: undefined })],
    ['an invoke without a name', JSON.stringify({ ...messageActivity('x', { serviceUrl: 'http://127.0.0.1:9' }), type: 'invoke' })],
    ['a serviceUrl that is not http(s)', JSON.stringify(messageActivity('x', { serviceUrl: 'file:///etc/passwd' }))],
  ])('answers 400 to %s', async (_name, body) => {
    const res = await raw(bot, body);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('answers 413 to a body over the size limit', async () => {
    const res = await raw(bot, JSON.stringify(messageActivity('x'.repeat(30_000), { serviceUrl: bot.connector.url })));
    expect(res.status).toBe(413);
  });

  it('answers 4xx to a body that is not JSON', async () => {
    const res = await raw(bot, 'type=message', 'application/x-www-form-urlencoded');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('still answers a normal message and reports healthy after all that', async () => {
    const replies = await bot.say('help');
    expect(replies.length).toBeGreaterThan(0);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('answers an unknown card verb with a Dutch error on the card, not a crash', async () => {
    const res = await bot.act('nobody.knows', {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown_action' } });
    expect(res.body.value.message).toMatch(/knop wordt niet/);
  });
});

describe('local mode (no MicrosoftAppId)', () => {
  it('accepts loopback callers only', () => {
    for (const ok of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(ok), ok).toBe(true);
    for (const no of ['10.0.0.5', '192.168.1.10', '::ffff:10.0.0.1', 'fe80::1', '', undefined]) expect(isLoopback(no), String(no)).toBe(false);
  });
});

describe('with an app id configured', () => {
  it('refuses a request without a Bot Framework token (401)', async () => {
    const bot = await startTestBot({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-used', MicrosoftAppTenantId: '00000000-0000-0000-0000-00000000d0e0' } });
    try {
      const res = await bot.post(messageActivity('help', { serviceUrl: bot.connector.url }));
      expect(res.status).toBe(401);
      expect(bot.connector.calls).toEqual([]);
    } finally {
      await bot.close();
    }
  });
});
