import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import type { IntentClassifier, IntentScore } from '../../src/routing/intent-classifier.js';
import { defineAction, type Feature, type Understood } from '../../src/routing/route.js';
import { installRoutes, type RouterOptions } from '../../src/routing/router.js';
import type { Turn } from '../../src/routing/turn.js';
import { fakeTurn as sharedFakeTurn } from '../helpers/fake-turn.js';
import { z } from 'zod';

/** The shared fake turn, as a user of the served tenant with an Entra id. */
function fakeTurn(text: string, overrides: Partial<Turn> = {}) {
  return sharedFakeTurn({ text, tenantId: 'tenant', user: { id: 'u', name: 'U', aadObjectId: 'aad-u' }, ...overrides });
}

/** A classifier that answers what the test says for each text: the router's own logic is what is tested. */
function scripted(scores: Record<string, IntentScore[]>): IntentClassifier {
  return { classify: async (text: string) => scores[text] ?? [], sharesWordsWith: () => true, trusts: () => true } as unknown as IntentClassifier;
}

const seen: { route: string; understood?: Understood }[] = [];
const features: Feature[] = [
  {
    name: 'a',
    routes: [
      { kind: 'message', name: 'a.list', match: /^lijst$/i, followUps: true, handle: async (_t, _m, understood) => void seen.push({ route: 'a.list', understood }) },
      { kind: 'message', name: 'a.add', handle: async (_t, _m, understood) => void seen.push({ route: 'a.add', understood }) },
      { kind: 'message', name: 'a.figures', topic: /bemiddel/i, handle: async () => void seen.push({ route: 'a.figures' }) },
      { kind: 'message', name: 'a.secret', guard: { roles: ['beheerder'], roleError: 'steering_role_required' }, handle: async () => void seen.push({ route: 'a.secret' }) },
      defineAction({ verb: 'a.press', data: z.object({}), guard: { tenant: true }, handle: async () => ({ type: 'message', text: 'pressed' }) }),
    ],
  },
  { name: 'qa', routes: [{ kind: 'fallback', name: 'qa.answer', handle: async (_t, understood) => void seen.push({ route: 'qa.answer', understood }) }] },
];

const clarified: string[][] = [];
const options: RouterOptions = {
  classifier: scripted({
    'zet er een bij': [
      { intent: 'a.add', score: 0.9 },
      { intent: 'a.list', score: 0.1 },
    ],
    'iets vaags': [
      { intent: 'a.add', score: 0.4 },
      { intent: 'qa.answer', score: 0.35 },
    ],
    'lijst of erbij': [
      { intent: 'a.add', score: 0.5 },
      { intent: 'a.list', score: 0.45 },
    ],
    'wat is het riec': [{ intent: 'qa.answer', score: 0.95 }],
    geheim: [{ intent: 'a.secret', score: 0.95 }],
    'hoeveel zaken heeft buurtbemiddeling': [{ intent: 'a.figures', score: 0.9 }],
    'hoeveel fte heeft het team': [{ intent: 'a.figures', score: 0.9 }],
    'waarom zet de gemeente er een bij': [{ intent: 'a.add', score: 0.95 }],
  }),
  gemeenten: () => ['Hengelo', 'Heemstede'],
  access: { servesTenant: (id) => id === 'tenant', isMember: () => true, hasRole: () => false },
  clarify: async (_turn, routes) => void clarified.push(routes.map((r) => r.name)),
};
const router = installRoutes(features, async () => void seen.push({ route: 'unmatched' }), options);

describe("routing in colleagues' own words", () => {
  it('takes the exact command pattern first, then the classifier above its threshold', async () => {
    seen.length = 0;
    await router.onMessage(fakeTurn('lijst'));
    await router.onMessage(fakeTurn('zet er een bij'));
    expect(seen.map((s) => [s.route, s.understood?.via])).toEqual([
      ['a.list', 'pattern'],
      ['a.add', 'classifier'],
    ]);
  });

  it('sends a message the classifier is unsure about, or calls a question, to the fallback', async () => {
    seen.length = 0;
    await router.onMessage(fakeTurn('iets vaags'));
    await router.onMessage(fakeTurn('wat is het riec'));
    await router.onMessage(fakeTurn('volstrekt onbekende woorden'));
    expect(seen.map((s) => s.route)).toEqual(['qa.answer', 'qa.answer', 'qa.answer']);
  });

  it('lets the classifier pick a route with a topic only for a message that names that topic', async () => {
    seen.length = 0;
    await router.onMessage(fakeTurn('hoeveel zaken heeft buurtbemiddeling'));
    await router.onMessage(fakeTurn('hoeveel fte heeft het team'));
    expect(seen.map((s) => s.route)).toEqual(['a.figures', 'qa.answer']);
  });

  it('treats a "waarom" question as a question for the documents, whatever the classifier says', async () => {
    seen.length = 0;
    await router.onMessage(fakeTurn('waarom zet de gemeente er een bij'));
    expect(seen.map((s) => s.route)).toEqual(['qa.answer']);
  });

  it('asks "Bedoelt u …?" when two capabilities are close, and a button naming one runs it', async () => {
    seen.length = 0;
    clarified.length = 0;
    await router.onMessage(fakeTurn('lijst of erbij'));
    expect(clarified).toEqual([['a.add', 'a.list']]);
    expect(seen).toEqual([]);
    await router.onMessage(fakeTurn('lijst of erbij', { value: { command: 'lijst of erbij', route: 'a.list' } }));
    expect(seen.map((s) => s.route)).toEqual(['a.list']);
  });

  it("enforces a route's guard before its handler, for messages and card actions", async () => {
    seen.length = 0;
    await expect(router.onMessage(fakeTurn('geheim'))).rejects.toMatchObject({ code: 'steering_role_required' } satisfies Partial<AppError>);
    expect(seen).toEqual([]);
    const refused = await router.onInvoke(fakeTurn('', { tenantId: 'other', value: { action: { type: 'Action.Execute', verb: 'a.press', data: {} } } }), 'adaptiveCard/action');
    expect(refused.body).toMatchObject({ value: { code: 'other_tenant' } });
    const allowed = await router.onInvoke(fakeTurn('', { value: { action: { type: 'Action.Execute', verb: 'a.press', data: {} } } }), 'adaptiveCard/action');
    expect(allowed.body).toMatchObject({ value: 'pressed' });
  });

  it('"en in Hengelo?" repeats the last capability for Hengelo, or asks the last question again about Hengelo', async () => {
    seen.length = 0;
    const state = { conversation: {}, user: {} };
    await router.onMessage(fakeTurn('lijst', { state }));
    await router.onMessage(fakeTurn('en in Hengelo?', { state }));
    expect(seen[1]).toMatchObject({ route: 'a.list', understood: { via: 'follow-up', slots: { gemeente: 'Hengelo' } } });

    const asked = { conversation: {}, user: {} };
    await router.onMessage(fakeTurn('Wat zijn de prioriteiten in Heemstede?', { state: asked }));
    await router.onMessage(fakeTurn('en in Hengelo?', { state: asked }));
    await router.onMessage(fakeTurn('en in 2024?', { state: asked }));
    expect(seen.slice(2).map((s) => s.understood?.slots.question)).toEqual([
      'Wat zijn de prioriteiten in Heemstede?',
      'Wat zijn de prioriteiten in Hengelo?',
      'Wat zijn de prioriteiten in Hengelo in 2024?',
    ]);
  });

  it('names the remembered gemeente in a question that points back ("wie is daar de opdrachtgever?")', async () => {
    seen.length = 0;
    const state = { conversation: {}, user: {} };
    await router.onMessage(fakeTurn('Wat is het programma veiligheid van Hengelo?', { state }));
    await router.onMessage(fakeTurn('wie is daar de opdrachtgever?', { state }));
    expect(seen[1]?.understood?.slots.question).toBe('wie is in Hengelo de opdrachtgever?');
  });
});
