import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/errors/app-error.js';
import { createLogger } from '../../src/logging/logger.js';
import { catalogue } from '../../src/i18n/catalogue.js';
import { defineAction, type Feature } from '../../src/routing/route.js';
import { installRoutes } from '../../src/routing/router.js';
import { describeTurnError } from '../../src/routing/turn-error.js';
import type { Turn } from '../../src/routing/turn.js';
import { fakeTurn } from '../helpers/fake-turn.js';

const seen: string[] = [];
const features: Feature[] = [
  {
    name: 'a',
    routes: [
      { kind: 'message', name: 'a.mijlpalen', match: /mijlpalen/i, handle: async () => void seen.push('a.mijlpalen') },
      defineAction({
        verb: 'a.approve',
        data: z.object({ requestId: z.string(), version: z.number() }),
        handle: async (_turn, data) => ({ type: 'message', text: `ok ${data.requestId}@${data.version}` }),
      }),
      defineAction({
        verb: 'a.fail',
        data: z.object({}),
        handle: async () => {
          throw new AppError('forbidden', { detail: 'not the approver' });
        },
      }),
    ],
  },
  { name: 'b', routes: [{ kind: 'message', name: 'b.all-mijlpalen', match: (text) => text.includes('mijlpalen'), handle: async () => void seen.push('b') }] },
  { name: 'qa', routes: [{ kind: 'fallback', name: 'qa.answer', handle: async () => void seen.push('fallback') }] },
];
const router = installRoutes(features, async () => void seen.push('unmatched'));

describe('router', () => {
  it('gives a message to the first matching route in feature order, else to the fallback', async () => {
    seen.length = 0;
    await router.onMessage(fakeTurn({ text: 'Welke mijlpalen komen eraan?' }));
    await router.onMessage(fakeTurn({ text: 'Wat is het RIEC?' }));
    await router.onMessage(fakeTurn({ text: '' }));
    expect(seen).toEqual(['a.mijlpalen', 'fallback', 'unmatched']);
  });

  it('validates action data with the route schema before the handler runs', async () => {
    const ok = await router.onInvoke(fakeTurn({ value: { action: { type: 'Action.Execute', verb: 'a.approve', data: { requestId: 'r1', version: 2 } } } }), 'adaptiveCard/action');
    expect(ok).toEqual({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok r1@2' } });
    const bad = await router.onInvoke(fakeTurn({ value: { action: { type: 'Action.Execute', verb: 'a.approve', data: { requestId: 'r1', version: 'two' } } } }), 'adaptiveCard/action');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'unknown_action' } });
  });

  it('turns an AppError in an action into a Dutch error on the card', async () => {
    const res = await router.onInvoke(fakeTurn({ value: { action: { type: 'Action.Execute', verb: 'a.fail', data: {} } } }), 'adaptiveCard/action');
    expect(res).toEqual({ status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'forbidden', message: catalogue('nl').errors.forbidden } } });
  });

  it('refuses two features declaring the same verb', () => {
    const twice: Feature = { name: 'dup', routes: [defineAction({ verb: 'a.approve', data: z.object({}), handle: async () => ({ type: 'message', text: '' }) })] };
    expect(() => installRoutes([...features, twice], async () => undefined)).toThrow(/a\.approve is declared twice/);
  });
});

describe('turn errors', () => {
  it('gives an unexpected failure a reference id the user sees and the log line carries, without internals', () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const reply = describeTurnError(new Error('connection to 10.0.0.3 reset; SELECT * FROM secrets'), { t: catalogue('nl'), log, activityType: 'message' });
    expect(reply.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(reply.message).toContain(reply.ref);
    expect(reply.message).toMatch(/^Er ging iets mis/);
    expect(reply.message).not.toMatch(/SELECT|10\.0\.0\.3/);
    expect(lines[0]).toMatchObject({ level: 50, ref: reply.ref, code: 'unexpected' });
    expect(JSON.stringify(lines[0])).toContain('SELECT * FROM secrets');
  });

  it('answers in English when the turn is English', () => {
    const reply = describeTurnError(new AppError('rate_limited'), { t: catalogue('en'), log: createLogger('silent'), activityType: 'message' });
    expect(reply.message).toMatch(/^You have made many requests/);
  });
});

describe('a route guard declared on message, action and invoke routes', () => {
  const ran: string[] = [];
  const onlyAlice = { roles: ['geheimhouder'] };
  const access = { servesTenant: () => true, isMember: () => true, hasRole: (turn: Turn, roles: readonly string[]) => turn.user.aadObjectId === 'alice' && roles.includes('geheimhouder') };
  const guarded = installRoutes(
    [
      {
        name: 'g',
        routes: [
          { kind: 'message', name: 'g.secret', match: /^geheim$/, guard: onlyAlice, handle: async () => void ran.push('message') },
          defineAction({ verb: 'g.act', data: z.object({ n: z.number() }), guard: onlyAlice, handle: async () => (ran.push('action'), { type: 'message', text: 'ok' }) }),
          { kind: 'invoke', name: 'g/invoke', guard: onlyAlice, handle: async () => (ran.push('invoke'), { status: 200 }) },
        ],
      },
    ],
    async () => undefined,
    { access },
  );
  const action = { action: { type: 'Action.Execute', verb: 'g.act', data: { n: 1 } } };

  it('refuses before the handler runs (and before its data is read), with the refusal text', async () => {
    const bob = { user: { id: 'b', name: 'Bob', aadObjectId: 'bob' } };
    await expect(guarded.onMessage(fakeTurn({ ...bob, text: 'geheim' }))).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    const refused = await guarded.onInvoke(
      fakeTurn({ ...bob, activityType: 'invoke', value: { action: { type: 'Action.Execute', verb: 'g.act', data: { n: 'not a number' } } } }),
      'adaptiveCard/action',
    );
    expect(refused.body).toMatchObject({ value: { code: 'forbidden', message: catalogue('nl').errors.forbidden } });
    expect((await guarded.onInvoke(fakeTurn({ ...bob, activityType: 'invoke' }), 'g/invoke')).status).toBe(400);
    expect(ran).toEqual([]);
  });

  it('lets the allowed user through', async () => {
    const alice = { user: { id: 'a', name: 'Alice', aadObjectId: 'alice' } };
    await guarded.onMessage(fakeTurn({ ...alice, text: 'geheim' }));
    expect((await guarded.onInvoke(fakeTurn({ ...alice, activityType: 'invoke', value: action }), 'adaptiveCard/action')).status).toBe(200);
    expect((await guarded.onInvoke(fakeTurn({ ...alice, activityType: 'invoke' }), 'g/invoke')).status).toBe(200);
    expect(ran).toEqual(['message', 'action', 'invoke']);
  });
});
