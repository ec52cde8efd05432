import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/teams-activity.js';
import type { SentActivity } from '../helpers/test-app.js';
import { API_KEY, CAMERA_QUESTION, groundedReply, messageEntity, offlineText, startLlmBot, streamInfo, type LlmBot } from './llm-helpers.js';

let env: LlmBot;
beforeAll(async () => {
  env = await startLlmBot();
});
afterAll(async () => {
  await env.close();
});

function expectFinalAiAnswer(final: SentActivity | Record<string, unknown>) {
  expect(final.type).toBe('message');
  const entity = messageEntity(final);
  expect(entity.additionalType).toEqual(['AIGeneratedContent']);
  expect(entity.citation).toHaveLength(1);
  expect(entity.citation[0]).toMatchObject({ '@type': 'Claim', position: 1, appearance: { '@type': 'DigitalDocument', name: 'Integraal Veiligheidsplan Hengelo 2024-2027 — Hengelo' } });
  expect(entity.citation[0].appearance.abstract).toContain('twaalf nieuwe camera');
  expect(final.text).toContain("twaalf nieuwe camera's. [1]");
  expect((final.channelData as any).feedbackLoop).toEqual({ type: 'default' });
}

describe('LLM answers in a personal chat (streamed)', () => {
  it('streams: informative update, growing updates with sequence 1..n, then the final message with citations, AI label and feedback', async () => {
    const { bot, openai } = env;
    openai.next({ reply: groundedReply('twaalf'), chunks: 12, chunkDelayMs: 250 });
    const replies = await bot.say(CAMERA_QUESTION);

    const updates = replies.filter((r) => r.type === 'typing');
    const final = replies[replies.length - 1]!;
    expect(replies.slice(0, -1).every((r) => r.type === 'typing')).toBe(true);
    expect(streamInfo(updates[0]!)).toMatchObject({ streamType: 'informative', streamSequence: 1 });
    expect(updates[0]!.text).toBe('Ik zoek in de documenten…');
    expect(updates.length).toBeGreaterThanOrEqual(3); // informative + at least two paced updates over ~3 s
    updates.forEach((u, i) => expect(streamInfo(u)!.streamSequence).toBe(i + 1));
    const streamId = streamInfo(updates[1]!)!.streamId;
    expect(streamId).toEqual(expect.any(String));
    for (const u of updates.slice(1)) {
      expect(streamInfo(u)).toMatchObject({ streamType: 'streaming', streamId });
      expect(messageEntity(u)).toBeUndefined(); // citations only on the final message
    }
    // Each update holds the whole text so far.
    const texts = updates.slice(1).map((u) => u.text!);
    for (let i = 1; i < texts.length; i += 1) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true);
    expect(texts[0]).not.toContain('"answer"'); // the user sees the answer growing, not JSON

    expect(streamInfo(final)).toEqual({ type: 'streaminfo', streamType: 'final', streamId });
    expectFinalAiAnswer(final);

    const request = openai.requests[openai.requests.length - 1]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body).toMatchObject({ model: 'test-model', stream: true, temperature: 0.2, max_tokens: 400, response_format: { type: 'json_object' } });

    const logged = bot.logs.find((l) => l.msg === 'llm answer' && l.outcome === 'llm');
    expect(logged).toMatchObject({ level: 30, model: 'test-model', promptTokens: 321, completionTokens: 45, totalTokens: 366, streamed: true });
    const allLogs = JSON.stringify(bot.logs);
    expect(allLogs).not.toContain('stationsgebied van Hengelo'); // no question text
    expect(allLogs).not.toContain(API_KEY);
  });

  /** Posts a question as Teams does (no expectReplies) and returns what reached the connector, with arrival times. */
  async function askOnRealPath(conversationId: string) {
    const { bot, openai } = env;
    const calls = bot.connector.calls;
    const before = calls.length;
    const at: number[] = [];
    const push = calls.push.bind(calls);
    calls.push = (...items) => {
      for (const _ of items) at.push(Date.now());
      return push(...items);
    };
    openai.next({ reply: groundedReply('twaalf'), chunks: 15, chunkDelayMs: 200 });
    const incoming = messageActivity(CAMERA_QUESTION, { serviceUrl: bot.connector.url, conversationId });
    try {
      const res = await bot.post({ ...incoming, deliveryMode: undefined });
      expect(res.status).toBe(200);
    } finally {
      calls.push = push;
    }
    return { sent: calls.slice(before), at };
  }

  it('on the real path (no expectReplies) sends typing updates at most one per second, then the final message', async () => {
    const { sent, at } = await askOnRealPath('a:personal-stream-real');
    const typing = sent.filter((c) => c.body.type === 'typing');
    expect(typing.length).toBeGreaterThanOrEqual(3);
    expect(sent.slice(0, -1).every((c) => c.body.type === 'typing')).toBe(true);
    expect(at).toHaveLength(sent.length);
    for (let i = 1; i < at.length; i += 1) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
    const texts = typing.slice(1).map((c) => String(c.body.text));
    for (let i = 1; i < texts.length; i += 1) expect(texts[i]!.startsWith(texts[i - 1]!)).toBe(true);
    const final = sent[sent.length - 1]!.body;
    expect(final.type).toBe('message');
    expect(final.text).toContain("twaalf nieuwe camera's. [1]");
    expect((final.channelData as any).feedbackLoop).toEqual({ type: 'default' });
  });

  // botbuilder 4.23.3 with @azure/core-client 1.10 used to drop every entity property but `type` on
  // the real send path (see keepEntityProperties in src/teams/create-adapter.ts); this guards the fix.
  it('on the real path the streaminfo and citation entities reach the connector intact', async () => {
    const { sent } = await askOnRealPath('a:personal-stream-entities');
    const typing = sent.filter((c) => c.body.type === 'typing');
    typing.forEach((c, i) => expect(streamInfo(c.body)!.streamSequence).toBe(i + 1));
    // The connector answered the first send with an id: every later update and the final message carry it.
    const firstId = typing[0]!.activityId;
    for (const c of [...typing.slice(1), sent[sent.length - 1]!]) expect(streamInfo(c.body)!.streamId).toBe(firstId);
    const final = sent[sent.length - 1]!.body;
    expect(streamInfo(final)).toMatchObject({ streamType: 'final' });
    expectFinalAiAnswer(final);
  });
});

describe('LLM answers in channels and group chats', () => {
  it('answers with one message, not streamed', async () => {
    const { bot, openai } = env;
    openai.next({ reply: groundedReply('twaalf') });
    for (const conversation of ['channel', 'groupChat'] as const) {
      if (conversation === 'groupChat') openai.next({ reply: groundedReply('twaalf') });
      const replies = await bot.say(CAMERA_QUESTION, { conversation });
      expect(replies).toHaveLength(1);
      expect(streamInfo(replies[0]!)).toBeUndefined();
      expectFinalAiAnswer(replies[0]!);
      expect(openai.requests[openai.requests.length - 1]!.body.stream).toBeFalsy();
    }
  });
});

describe('abstention', () => {
  it('does not call the LLM when retrieval finds no passage at all', async () => {
    const { bot, openai } = env;
    const before = openai.requests.length;
    const question = 'Heb je een goed recept voor erwtensoep?';
    const replies = await bot.say(question, { conversation: 'channel' });
    expect(openai.requests.length).toBe(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(await offlineText(bot, question));
    expect(messageEntity(replies[0]!)).toBeUndefined();
  });

  it('asks the model even when the offline answerer would abstain, and answers from what the model found', async () => {
    const { bot, openai } = env;
    const question = 'Waarom breidt Hengelo het cameratoezicht bij het station uit?';
    expect(await offlineText(bot, question)).toContain('Dat staat niet in de documenten'); // the offline answerer abstains here
    openai.next({ reply: groundedReply('twaalf') });
    const before = openai.requests.length;
    const replies = await bot.say(question, { conversation: 'channel' });
    expect(openai.requests.length).toBe(before + 1);
    expect(replies[0]!.text).toContain('twaalf');
    expect(messageEntity(replies[0]!).additionalType).toEqual(['AIGeneratedContent']);
  });
});
