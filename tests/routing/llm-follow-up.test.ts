import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas } from '../helpers/teams-activity.js';
import { CAMERA_QUESTION, groundedReply, startLlmBot, type LlmBot } from '../llm/llm-helpers.js';

let env: LlmBot;
beforeAll(async () => {
  env = await startLlmBot();
}, 60_000);
afterAll(async () => env?.close());

const userText = (body: { messages: { role: string; content: string }[] }) =>
  body.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');

describe('with an LLM configured, a follow-up is made standalone before retrieval', () => {
  it('"wie is daar de opdrachtgever?" goes to the model with the previous question, and is answered as the rewritten question', async () => {
    const { bot, openai } = env;
    const conversationId = 'a:llm-follow-up';
    openai.next({ reply: groundedReply('twaalf') });
    await bot.say(CAMERA_QUESTION, { from: personas.adviseur, conversationId });
    const before = openai.requests.length;

    // What the model makes of it (scripted): a question the documents answer, so the answer step runs.
    const standalone = CAMERA_QUESTION;
    openai.next({ reply: standalone }, { reply: groundedReply('twaalf') });
    await bot.say('wie is daar de opdrachtgever?', { from: personas.adviseur, conversationId });

    const [rewrite, answer] = openai.requests.slice(before);
    expect(rewrite, 'the rewrite request').toBeDefined();
    expect(rewrite!.body.stream).toBeFalsy();
    expect(userText(rewrite!.body)).toContain(CAMERA_QUESTION);
    expect(userText(rewrite!.body)).toContain('wie is daar de opdrachtgever?');
    expect(answer, 'the answer request').toBeDefined();
    expect(userText(answer!.body)).toContain(standalone);
    expect(userText(answer!.body)).not.toContain('wie is daar');
  });

  it('a question that leans on nothing goes to the model once, as typed', async () => {
    const { bot, openai } = env;
    const before = openai.requests.length;
    openai.next({ reply: groundedReply('twaalf') });
    await bot.say(CAMERA_QUESTION, { from: personas.adviseur, conversationId: 'a:llm-standalone' });
    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(userText(sent[0]!.body)).toContain(CAMERA_QUESTION);
  });
});
