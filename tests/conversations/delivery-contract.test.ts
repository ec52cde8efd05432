import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardDelivery } from '../../src/conversations/card-delivery.js';
import { ConversationDirectory } from '../../src/conversations/conversation-directory.js';
import { createReliableMessenger } from '../../src/conversations/reliable-messenger.js';
import { UserDirectory } from '../../src/conversations/user-directory.js';
import { createLogger } from '../../src/logging/logger.js';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../../src/routing/turn.js';
import type { Db } from '../../src/store/db.js';
import { testStores } from '../helpers/test-stores.js';

const silent = createLogger('silent');

const stores = testStores();

const address = (conversationId: string, extra: Partial<ConversationAddress> = {}): ConversationAddress => ({
  conversationId,
  conversationType: 'groupChat',
  tenantId: 't1',
  serviceUrl: 'http://127.0.0.1:1',
  raw: { conversation: { id: conversationId } },
  ...extra,
});

/** What Teams would answer: a status per conversation for the next calls, else success. */
function fakeTeams() {
  const failures = new Map<string, number[]>();
  const updates: { conversationId: string; activityId: string; text?: string }[] = [];
  let sent = 0;
  const fail = (conversationId: string) => {
    const status = failures.get(conversationId)?.shift();
    if (status) throw Object.assign(new Error(`HTTP ${status}`), { statusCode: status });
  };
  const inner: Messenger = {
    async send(to) {
      fail(to.conversationId);
      sent += 1;
      return { id: `activity-${sent}` };
    },
    async update(to, activityId, activity: OutgoingActivity) {
      fail(to.conversationId);
      updates.push({ conversationId: to.conversationId, activityId, text: activity.text });
    },
  };
  return { inner, updates, failNext: (conversationId: string, ...statuses: number[]) => failures.set(conversationId, statuses) };
}

describe.each(stores)('the delivery service on $name', (store) => {
  let db: Db;
  let dispose: () => Promise<void>;
  let teams: ReturnType<typeof fakeTeams>;
  let inactive: string[];
  let cards: CardDelivery;

  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    teams = fakeTeams();
    inactive = [];
    // The app's messenger: retries throttling and transient failures, marks gone conversations inactive.
    const messenger = createReliableMessenger(teams.inner, { log: silent, markInactive: async (id) => void inactive.push(id), maxAttempts: 3, sleep: async () => {} });
    cards = new CardDelivery(db, messenger, silent);
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('records a posted copy once and lists the copies of a subject, oldest first, with their address', async () => {
    const english = address('19:english@thread.v2', { locale: 'en' });
    const first = await cards.post('approval:r1', address('19:group@thread.v2'), { type: 'message', text: 'kaart' });
    await cards.record({ subject: 'approval:r1', address: english, activityId: 'e-1', audience: 'approver' });
    await cards.record({ subject: 'approval:r1', address: english, activityId: 'e-1', audience: 'approver' });
    await cards.record({ subject: 'mediation-case:7', address: english, activityId: 'e-2', audience: 'conversation' });
    expect(first).toMatch(/^activity-/);
    expect(await cards.list('approval:r1')).toEqual([
      { subject: 'approval:r1', address: address('19:group@thread.v2'), activityId: first, audience: 'conversation' },
      { subject: 'approval:r1', address: english, activityId: 'e-1', audience: 'approver' },
    ]);
    expect(await cards.list('approval:unknown')).toEqual([]);
  });

  it('updates every copy, each rendered for its audience and language; a throttled update is retried, not lost', async () => {
    teams.updates.length = 0;
    teams.failNext('19:group@thread.v2', 429, 503);
    const outcome = await cards.updateEverywhere('approval:r1', (copy) => ({ type: 'message', text: `${copy.audience}/${copy.address.locale ?? 'nl'}: goedgekeurd` }));
    expect(outcome).toEqual({ updated: 2, gone: 0, failed: 0 });
    expect(teams.updates.map((u) => [u.conversationId, u.text])).toEqual([
      ['19:group@thread.v2', 'conversation/nl: goedgekeurd'],
      ['19:english@thread.v2', 'approver/en: goedgekeurd'],
    ]);
    // Idempotent: the same state again puts the same card on the same copies.
    await cards.updateEverywhere('approval:r1', (copy) => ({ type: 'message', text: `${copy.audience}/${copy.address.locale ?? 'nl'}: goedgekeurd` }));
    expect(teams.updates.slice(2)).toEqual(teams.updates.slice(0, 2));
  });

  it('keeps a copy whose update still fails after the retries (the next update tries it again), and the others are updated', async () => {
    await cards.record({ subject: 'mediation-case:8', address: address('19:flaky@thread.v2'), activityId: 'f-1', audience: 'conversation' });
    await cards.record({ subject: 'mediation-case:8', address: address('19:steady@thread.v2'), activityId: 's-1', audience: 'conversation' });
    teams.updates.length = 0;
    teams.failNext('19:flaky@thread.v2', 503, 503, 503);
    expect(await cards.updateEverywhere('mediation-case:8', () => ({ text: 'v2' }))).toEqual({ updated: 1, gone: 0, failed: 1 });
    expect(teams.updates.map((u) => u.conversationId)).toEqual(['19:steady@thread.v2']);
    expect((await cards.list('mediation-case:8')).map((c) => c.activityId)).toEqual(['f-1', 's-1']);
    expect(await cards.updateEverywhere('mediation-case:8', () => ({ text: 'v3' }))).toEqual({ updated: 2, gone: 0, failed: 0 });
  });

  it('forgets a copy in a conversation Teams says is gone, and marks that conversation inactive', async () => {
    await cards.record({ subject: 'mediation-case:9', address: address('19:removed@thread.v2'), activityId: 'g-1', audience: 'conversation' });
    await cards.record({ subject: 'mediation-case:9', address: address('19:steady@thread.v2'), activityId: 's-2', audience: 'conversation' });
    teams.failNext('19:removed@thread.v2', 404);
    expect(await cards.updateEverywhere('mediation-case:9', () => ({ text: 'gesloten' }))).toEqual({ updated: 1, gone: 1, failed: 0 });
    expect(inactive).toContain('19:removed@thread.v2');
    expect((await cards.list('mediation-case:9')).map((c) => c.activityId)).toEqual(['s-2']);
  });

  it('runs the updates of one subject one after another, so the newest state lands last', async () => {
    await cards.record({ subject: 'approval:r2', address: address('19:order@thread.v2'), activityId: 'o-1', audience: 'conversation' });
    teams.updates.length = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let rendering = () => {};
    const olderRendering = new Promise<void>((resolve) => {
      rendering = resolve;
    });
    const older = cards.updateEverywhere('approval:r2', async () => {
      rendering();
      await held;
      return { text: 'requested' };
    });
    await olderRendering;
    const newer = cards.updateEverywhere('approval:r2', () => ({ text: 'approved' }));
    // Two round trips to the store: time enough for the newer update to read its copies and send, were it not queued.
    await cards.list('approval:r2');
    await cards.list('approval:r2');
    release();
    await Promise.all([older, newer]);
    expect(teams.updates.map((u) => u.text)).toEqual(['requested', 'approved']);
  });

  it('forgets every copy of a subject and no other', async () => {
    expect(await cards.forget('approval:r1')).toBe(2);
    expect(await cards.list('approval:r1')).toEqual([]);
    expect(await cards.updateEverywhere('approval:r1', () => ({ text: 'x' }))).toEqual({ updated: 0, gone: 0, failed: 0 });
    expect(await cards.list('mediation-case:7')).toHaveLength(1);
    const [left] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM posted_cards WHERE subject = 'approval:r1'");
    expect(left!.n).toBe(0);
  });

  it('keeps one Teams user id per person and tenant, learned from turns or from their personal chat', async () => {
    const users = new UserDirectory(db);
    await users.learn('t1', 'aad-a', '29:old-a');
    await users.learn('t1', 'aad-a', '29:a');
    await users.learn('t2', 'aad-b', '29:b-elsewhere');
    // Someone who only ever spoke in their personal chat with the bot.
    await new ConversationDirectory(db).remember(address('a:personal-c', { conversationType: 'personal' }), { aadObjectId: 'aad-c', id: '29:c' });
    const known = await users.teamsUserIds('t1', ['aad-a', 'aad-b', 'aad-c']);
    expect(Object.fromEntries(known)).toEqual({ 'aad-a': '29:a', 'aad-c': '29:c' });
    expect(await users.refreshUserIds('t1', ['aad-c', 'aad-a', 'aad-unknown'], ['29:a', '29:requester'])).toEqual(['29:c', '29:a', '29:requester']);
    const many = Array.from({ length: 70 }, (_, i) => `aad-many-${i}`);
    for (const id of many) await users.learn('t1', id, `29:${id}`);
    expect(await users.refreshUserIds('t1', many)).toHaveLength(60);
  });
});
