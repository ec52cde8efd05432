import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageActivity } from '../helpers/teams-activity.js';
import { startTestBot } from '../helpers/test-app.js';

/** A public endpoint meets unauthenticated requests all day: they are expected, not crashes. */
describe('a refused token is an expected event', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is logged as one warning line without a stack trace, and nothing goes to the console', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bot = await startTestBot({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-used', MicrosoftAppTenantId: '00000000-0000-0000-0000-00000000d0e0' } });
    try {
      const withoutToken = await bot.post(messageActivity('help', { serviceUrl: bot.connector.url }));
      const forged = await bot.post(messageActivity('help', { serviceUrl: bot.connector.url }), { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
      // Expired long ago: refused before any key is fetched (botbuilder itself prints the expiry with a stack).
      const expiredToken = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(new TextEncoder().encode('a-test-secret-of-32-bytes-long!!'));
      const expired = await bot.post(messageActivity('help', { serviceUrl: bot.connector.url }), { authorization: `Bearer ${expiredToken}` });
      expect([withoutToken.status, forged.status, expired.status]).toEqual([401, 401, 401]);
      // The caller learns no validation detail.
      expect(forged.body).toEqual({ code: 'Unauthorized', message: 'The request has no valid Bot Framework token.' });
      const refused = bot.logs.filter((l) => l.msg === 'request refused: no valid Bot Framework token');
      expect(refused).toHaveLength(3);
      for (const line of refused) {
        expect(line.level).toBe(40);
        expect(line).not.toHaveProperty('err');
      }
      expect(JSON.stringify(bot.logs)).not.toContain('    at ');
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      await bot.close();
    }
  });
});
