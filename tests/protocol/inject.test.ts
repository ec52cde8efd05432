import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app/build-app.js';
import { parseConfig } from '../../src/config/load-config.js';
import { actionActivity, messageActivity } from '../helpers/teams-activity.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import type { Db } from '../../src/store/db.js';

const serviceUrl = 'http://127.0.0.1:9';
const textOf = (body: any) => JSON.stringify(body?.activities ?? []);

/** app.inject: a Teams activity into the built app without a port, answered as the HTTP edge answers. */
describe('app.inject', () => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestPglite();
    app = buildApp({ config: parseConfig({ LOG_LEVEL: 'silent', SAMPLE_KNOWLEDGE: 'false', STEERING_SCHEDULE: 'off' }), db });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers a message with its replies (expectReplies), without listening on a port', async () => {
    const res = await app.inject(messageActivity('help', { serviceUrl }));
    expect(res.status).toBe(200);
    expect(textOf(res.body)).toContain('Wat kan de Veiligheidsbot?');
    expect(app.server.address()).toBeNull();
  });

  it('answers an invoke with its invoke response', async () => {
    const res = await app.inject(actionActivity('nobody.knows', {}, { serviceUrl }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'unknown_action' } });
  });

  it('goes through the activity schema: an activity the HTTP edge refuses is refused with the same 400', async () => {
    const res = await app.inject({ ...messageActivity('help', { serviceUrl: 'file:///etc/passwd' }) });
    expect(res).toMatchObject({ status: 400, body: { code: 'InvalidActivity' } });
  });

  it('handles a second delivery of one message once, as the bot does for Teams', async () => {
    const activity = messageActivity('help', { serviceUrl });
    const first = await app.inject(activity);
    const second = await app.inject(activity);
    expect(textOf(first.body)).toContain('Wat kan de Veiligheidsbot?');
    expect(second.body).toEqual({ activities: [] });
  });
});

describe('app.inject with an app id configured', () => {
  it('needs no Bot Framework token (in-process), while the same activity over HTTP without one is refused', async () => {
    const db = await openTestPglite();
    const app = buildApp({
      config: parseConfig({
        LOG_LEVEL: 'silent',
        SAMPLE_KNOWLEDGE: 'false',
        STEERING_SCHEDULE: 'off',
        HOST: '127.0.0.1',
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-used',
        MicrosoftAppTenantId: '00000000-0000-0000-0000-00000000d0e0',
      }),
      db,
    });
    try {
      const injected = await app.inject(messageActivity('help', { serviceUrl }));
      expect(injected.status).toBe(200);
      expect(textOf(injected.body)).toContain('Wat kan de Veiligheidsbot?');
      const { url } = await app.listen(0, '127.0.0.1');
      const posted = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...messageActivity('help', { serviceUrl }), deliveryMode: 'expectReplies' }),
      });
      expect(posted.status).toBe(401);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
