import { describe, expect, it } from 'vitest';
import { ConversationGoneError, createReliableMessenger } from '../../src/conversations/reliable-messenger.js';
import { createLogger } from '../../src/logging/logger.js';
import type { ConversationAddress, Messenger } from '../../src/routing/turn.js';

const address = (id: string): ConversationAddress => ({ conversationId: id, conversationType: 'channel', serviceUrl: 'http://x', raw: {} });

/** A clock that only moves when the messenger sleeps, so timing is exact and tests take no time. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

function restError(status: number, headers: Record<string, string> = {}, body?: unknown) {
  return Object.assign(new Error(`HTTP ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (n: string) => headers[n.toLowerCase()] }, bodyAsText: body ? JSON.stringify(body) : '' },
  });
}

function innerScript(failures: unknown[]) {
  const sent: { conversationId: string; at: number }[] = [];
  let clock = () => 0;
  const inner: Messenger = {
    async send(a) {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push({ conversationId: a.conversationId, at: clock() });
      return { id: `m${sent.length}` };
    },
    async update() {
      const failure = failures.shift();
      if (failure) throw failure;
    },
  };
  return { inner, sent, setClock: (c: () => number) => (clock = c) };
}

const log = createLogger('silent');

describe('reliable messenger', () => {
  it('sends at most 7 per second to one conversation, waiting instead of dropping', async () => {
    const time = virtualTime();
    const { inner, sent, setClock } = innerScript([]);
    setClock(time.clock);
    const messenger = createReliableMessenger(inner, { log, markInactive: async () => undefined, clock: time.clock, sleep: time.sleep });
    await Promise.all(Array.from({ length: 20 }, () => messenger.send(address('c1'), { text: 'x' })));
    expect(sent).toHaveLength(20);
    for (let i = 7; i < sent.length; i += 1) expect(sent[i]!.at - sent[i - 7]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('sends at most 50 per second over all conversations', async () => {
    const time = virtualTime();
    const { inner, sent, setClock } = innerScript([]);
    setClock(time.clock);
    const messenger = createReliableMessenger(inner, { log, markInactive: async () => undefined, clock: time.clock, sleep: time.sleep });
    await Promise.all(Array.from({ length: 120 }, (_, i) => messenger.send(address(`c${i}`), { text: 'x' })));
    expect(sent).toHaveLength(120);
    for (let i = 50; i < sent.length; i += 1) expect(sent[i]!.at - sent[i - 50]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('retries 429 honouring Retry-After, and 412/502/503/504 with growing backoff', async () => {
    const time = virtualTime();
    const { inner, sent } = innerScript([restError(429, { 'retry-after': '7' }), restError(503), restError(502), restError(412), restError(504)]);
    const messenger = createReliableMessenger(inner, { log, markInactive: async () => undefined, clock: time.clock, sleep: time.sleep, random: () => 0.5, maxAttempts: 6, baseDelayMs: 100 });
    await messenger.send(address('c1'), { text: 'x' });
    expect(sent).toHaveLength(1);
    const backoffs = time.sleeps.filter((ms) => ms >= 50);
    expect(backoffs[0]).toBe(7000);
    expect(backoffs.slice(1)).toEqual([150, 300, 600, 1200]); // 100 · 2^n, jitter 0.5 → 75% of it
  });

  it('gives up after the last try with a log entry and the error', async () => {
    const time = virtualTime();
    const lines: string[] = [];
    const { inner } = innerScript(Array.from({ length: 10 }, () => restError(503)));
    const messenger = createReliableMessenger(inner, {
      log: createLogger('debug', { write: (l: string) => void lines.push(l) } as never),
      markInactive: async () => undefined,
      clock: time.clock,
      sleep: time.sleep,
      maxAttempts: 3,
    });
    await expect(messenger.send(address('c1'), { text: 'x' })).rejects.toMatchObject({ statusCode: 503 });
    expect(lines.join('\n')).toContain('gave up after retries');
  });

  it('marks a conversation that is gone inactive and does not retry (404, or 403 bot not in conversation)', async () => {
    for (const failure of [restError(404), restError(403, {}, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } })]) {
      const time = virtualTime();
      const inactive: string[] = [];
      const { inner, sent } = innerScript([failure, undefined]);
      const messenger = createReliableMessenger(inner, { log, markInactive: async (id) => void inactive.push(id), clock: time.clock, sleep: time.sleep });
      await expect(messenger.send(address('gone'), { text: 'x' })).rejects.toBeInstanceOf(ConversationGoneError);
      expect(inactive).toEqual(['gone']);
      expect(sent).toHaveLength(0);
    }
  });

  it('does not retry other client errors such as 400 or a plain 403', async () => {
    const time = virtualTime();
    const { inner, sent } = innerScript([restError(403), undefined]);
    const inactive: string[] = [];
    const messenger = createReliableMessenger(inner, { log, markInactive: async (id) => void inactive.push(id), clock: time.clock, sleep: time.sleep });
    await expect(messenger.send(address('c'), { text: 'x' })).rejects.toMatchObject({ statusCode: 403 });
    expect(sent).toHaveLength(0);
    expect(inactive).toEqual([]);
  });
});
