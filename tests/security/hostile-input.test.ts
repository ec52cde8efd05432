import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBotOn, type TestBot } from '../helpers/test-app.js';
import { messageActivity, personas } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';
import { requestFromCard } from '../approvals/approval-helpers.js';
import { hostilePayloads, type CardContext } from './hostile-payloads.js';

const INTERNAL = /Er ging iets mis|Something went wrong|"code":"unexpected"/;

/**
 * Generated hostile input on both stores: NUL, unpaired surrogates, RTL and zero-width characters,
 * 100 kB strings, wrong types and prototype keys in every string field of messages and invokes and
 * in the card data of every verb. No 5xx, no internal-error reply, no error in the log, and a normal
 * question still gets a normal answer afterwards.
 */
describe.each(['pglite', 'postgres'] as const)('generated hostile input (%s)', (store) => {
  let bot: TestBot;
  let drop = async () => {};
  let ctx: CardContext;

  beforeAll(async () => {
    const env = { EXPENSIVE_REQUESTS_PER_MINUTE: '0', STEERING_SCHEDULE: 'off', SAMPLE_KNOWLEDGE: 'true', LOG_LEVEL: 'warn' };
    ({ bot, drop } = await startTestBotOn(store, { listen: true, env }));
    for (const persona of [personas.burgemeester, personas.coordinator, personas.adviseur]) await bot.say('help', { from: persona });
    const request = await requestFromCard(bot);
    const submitted = await bot.act('mediation.submit', intakeInput());
    const caseNumber = JSON.stringify(submitted.body).match(/BB-\d{4}-\d{4}/)![0];
    const [kase] = await bot.db.query<{ id: string; version: number }>('SELECT id::text, version FROM mediation_cases WHERE case_number = $1', [caseNumber]);
    ctx = { requestId: request.id, requestVersion: request.version, caseId: Number(kase!.id), caseVersion: kase!.version, uploadId: '00000000-0000-0000-0000-000000000001' };
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await drop();
  });

  it('answers every payload without a 5xx or an internal error, then answers a policy question normally', async () => {
    const payloads = hostilePayloads(bot.connector.url, ctx);
    expect(payloads.length).toBeGreaterThanOrEqual(500);
    const statuses: Record<number, number> = {};
    const failures: string[] = [];
    for (const payload of payloads) {
      const body = payload.body.type === 'invoke' ? payload.body : { deliveryMode: 'expectReplies', ...payload.body };
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500 || INTERNAL.test(text)) failures.push(`${payload.name}: ${res.status} ${text.slice(0, 200)}`);
    }
    console.log(`hostile input (${store}): ${payloads.length} payloads, statuses ${JSON.stringify(statuses)}`);
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(bot.logs.filter((l) => (l.level as number) >= 50).map((l) => `${l.msg} ${JSON.stringify(l.err ?? '')}`)).toEqual([]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

    const res = await bot.post(messageActivity('Wanneer stelt de raad het beleidsplan vast?', { serviceUrl: bot.connector.url, from: personas.adviseur }));
    expect(res.status).toBe(200);
    const answer = res.body.activities.find((a: { type: string }) => a.type === 'message');
    expect(answer.text).not.toMatch(INTERNAL);
    expect(answer.entities?.[0]?.citation?.length ?? 0).toBeGreaterThan(0);
  }, 180_000);
});
