import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/test-app.js';
import { actionActivity, invokeActivity, messageActivity, personas } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';
import { storeFingerprint } from './production-helpers.js';

const VERBS = [
  'approval.request',
  'approval.approve',
  'approval.reject',
  'approval.requestChanges',
  'approval.cancel',
  'approval.refresh',
  'mediation.submit',
  'mediation.accept',
  'mediation.referProfessional',
  'mediation.notSuitable',
  'mediation.close',
  'mediation.refresh',
  'steering.send',
  'steering.cancel',
  'summaries.addToKnowledge',
];
const TAB_PATHS = ['priorities', 'milestones', 'documents', 'mediation', 'search', 'nothing', '../../etc/passwd'];

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '**vet** [link](javascript:alert(1))',
    '${jndi:ldap://x}',
    "'; DROP TABLE mediation_cases; --",
    '\u0000\u202e\ufeff',
    '👩‍👩‍👧‍👦🔥'.repeat(50),
    '<at>Veiligheidsbot</at>',
    'x'.repeat(20_000),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const deep = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 3 })),
})).node;
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText, deep, fc.constant(null), fc.integer(), fc.boolean());
const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T)[];

/** One request: where it goes and what it carries. */
type Payload = { kind: 'messages'; body: unknown } | { kind: 'tab'; path: string; query: Record<string, string> };

function payloads(serviceUrl: string): fc.Arbitrary<Payload> {
  const base = messageActivity('help', { serviceUrl });
  const nearValid = fc.record({ key: fc.constantFrom(...keysOf(base)), value: anyValue }).map(({ key, value }) => ({ ...base, [key]: value }));
  const messages = fc
    .record({
      text: hostileText,
      from: fc.constantFrom(...Object.values(personas)),
      conversation: fc.constantFrom('personal', 'channel', 'groupChat') as fc.Arbitrary<'personal' | 'channel' | 'groupChat'>,
    })
    .map(({ text, from, conversation }) => ({ ...messageActivity(text, { serviceUrl, from, conversation }), deliveryMode: 'expectReplies' }));
  const forgedVerb = fc
    .record({
      verb: fc.constantFrom(...VERBS),
      data: fc.dictionary(fc.constantFrom('requestId', 'version', 'caseId', 'comment', 'gemeente', 'milestoneId', 'idempotencyKey', 'programme', 'uploadId', 'x'), anyValue, { maxKeys: 5 }),
      from: fc.constantFrom(...Object.values(personas)),
    })
    .map(({ verb, data, from }) => actionActivity(verb, data, { serviceUrl, from }));
  // a valid intake with one field replaced by garbage (must be refused with a form error, never stored)
  const brokenIntake = fc.record({ key: fc.constantFrom(...Object.keys(intakeInput()).filter((k) => k !== 'idempotencyKey' && k !== 'consent')), value: anyValue }).map(({ key, value }) => {
    // without consent the intake is always refused, whatever else the garbage does
    const data = intakeInput({ [key]: value, consent: 'false' });
    return actionActivity('mediation.submit', data, { serviceUrl });
  });
  const actionShape = fc.record({ value: anyValue }).map(({ value }) => ({ ...actionActivity('approval.approve', {}, { serviceUrl }), value }));
  const randomInvoke = fc.record({ name: fc.string({ minLength: 1, maxLength: 60 }), value: anyValue }).map(({ name, value }) => invokeActivity(name, value, { serviceUrl }));
  const tab = fc
    .record({
      path: fc.constantFrom(...TAB_PATHS),
      query: fc.dictionary(fc.constantFrom('locale', 'q', 'from', 'to', 'gemeente', 'limit', 'x'), fc.string({ unit: 'grapheme', maxLength: 400 }), { maxKeys: 4 }),
    })
    .map(({ path, query }) => ({ kind: 'tab' as const, path, query }));
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((body) => ({ kind: 'messages' as const, body })),
    nearValid.map((body) => ({ kind: 'messages' as const, body })),
    messages.map((body) => ({ kind: 'messages' as const, body })),
    forgedVerb.map((body) => ({ kind: 'messages' as const, body })),
    brokenIntake.map((body) => ({ kind: 'messages' as const, body })),
    actionShape.map((body) => ({ kind: 'messages' as const, body })),
    randomInvoke.map((body) => ({ kind: 'messages' as const, body })),
    tab,
  );
}

describe('hostile and malformed input, everywhere', () => {
  let bot: TestBot;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    bot = await startTestBot({ listen: true, env: { EXPENSIVE_REQUESTS_PER_MINUTE: '0', LOG_LEVEL: 'warn' } });
    await bot.say('help', { from: personas.burgemeester });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await bot?.close();
  });

  it('answers at least 500 generated payloads without a 500, a crash or a change to the store', async () => {
    const before = await storeFingerprint(bot.db);
    const seen: Record<string, number> = {};
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(payloads(bot.connector.url), async (payload) => {
        sent += 1;
        let status: number;
        let text: string;
        if (payload.kind === 'tab') {
          const query = new URLSearchParams(payload.query).toString();
          const res = await fetch(`${bot.url}/api/tab/${payload.path}?${query}`);
          status = res.status;
          text = await res.text();
        } else {
          const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload.body) ?? 'null' });
          status = res.status;
          text = await res.text();
        }
        seen[`${payload.kind}:${status}`] = (seen[`${payload.kind}:${status}`] ?? 0) + 1;
        expect(status, text.slice(0, 300)).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
      }),
      { numRuns: 520, seed: 9_2026, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(500);
    // the mix reached the handlers (invoke answers and replies), not only the schema gate
    expect(seen['messages:200'] ?? 0).toBeGreaterThan(50);
    expect(seen['messages:400'] ?? 0).toBeGreaterThan(50);
    expect(Object.keys(seen).some((k) => k.startsWith('tab:'))).toBe(true);
    expect(unhandled).toEqual([]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await bot.say('help')).length).toBeGreaterThan(0);
    // every card submit and forged verb above was refused: the feature tables are exactly as before
    expect(await storeFingerprint(bot.db)).toEqual(before);
    expect(bot.logs.filter((l) => (l.level as number) >= 50).map((l) => l.msg)).toEqual([]);
  }, 120_000);
});
