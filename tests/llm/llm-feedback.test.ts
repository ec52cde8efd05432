import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, personas } from '../helpers/teams-activity.js';
import { CAMERA_QUESTION, groundedReply, startLlmBot, type LlmBot } from './llm-helpers.js';

let env: LlmBot;
beforeAll(async () => {
  env = await startLlmBot();
});
afterAll(async () => {
  await env.close();
});

const conversationId = 'a:personal-feedback';
const feedbackValue = (reaction: unknown, feedback?: unknown) => ({ actionName: 'feedback', actionValue: { reaction, ...(feedback !== undefined ? { feedback } : {}) } });
const feedbackRows = () =>
  env.bot.db.query<Record<string, unknown>>(
    `SELECT f.reaction, f.feedback_text, a.answer_text, a.outcome, a.model, a.total_tokens, a.passages FROM llm_feedback f JOIN llm_answers a ON a.id = f.answer_id ORDER BY f.id`,
  );

describe('feedback on LLM answers', () => {
  let ratedId: string;

  beforeAll(async () => {
    const { bot, openai } = env;
    openai.next({ reply: groundedReply('twaalf'), chunks: 3 });
    const before = bot.connector.calls.length;
    const res = await bot.post({ ...messageActivity(CAMERA_QUESTION, { serviceUrl: bot.connector.url, conversationId }), deliveryMode: undefined });
    expect(res.status).toBe(200);
    const final = bot.connector.calls.slice(before).find((c) => c.body.type === 'message')!;
    // The id the connector gave the final message: what Teams puts in the rating's replyToId.
    ratedId = final.activityId!;
    expect(ratedId).toBeTruthy();
  });

  it('stores a rating with the answer it rates and answers 200 with an empty body', async () => {
    const res = await env.bot.invoke('message/submitAction', feedbackValue('dislike', JSON.stringify({ feedbackText: "Mist de kosten van de camera's." })), { conversationId, replyToId: ratedId });
    expect(res).toEqual({ status: 200, body: {} });
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reaction: 'dislike', feedback_text: "Mist de kosten van de camera's.", outcome: 'llm', model: 'test-model', total_tokens: 366 });
    expect(String(rows[0]!.answer_text)).toContain("twaalf nieuwe camera's. [1]");
    expect(rows[0]!.passages).toEqual([expect.objectContaining({ title: 'Integraal Veiligheidsplan Hengelo 2024-2027' })]);
    expect(JSON.stringify(env.bot.logs)).not.toContain('Mist de kosten');

    const like = await env.bot.invoke('message/submitAction', feedbackValue('like', ''), { conversationId, replyToId: ratedId, from: personas.burgemeester });
    expect(like).toEqual({ status: 200, body: {} });
    expect((await feedbackRows()).map((r) => [r.reaction, r.feedback_text])).toEqual([
      ['dislike', "Mist de kosten van de camera's."],
      ['like', null],
    ]);
  });

  it('refuses bad payloads with 400 and stores nothing', async () => {
    const before = (await feedbackRows()).length;
    const bad: [unknown, string | undefined][] = [
      [feedbackValue('meh'), ratedId],
      [feedbackValue('like', 'geen json'), ratedId],
      [feedbackValue('like', JSON.stringify({ feedbackText: 42 })), ratedId],
      [{ actionName: 'other', actionValue: { reaction: 'like' } }, ratedId],
      ['like', ratedId],
      [feedbackValue('like'), undefined],
      [feedbackValue('like'), 'no-such-message'],
    ];
    for (const [value, replyToId] of bad) {
      const res = await env.bot.invoke('message/submitAction', value, { conversationId, ...(replyToId ? { replyToId } : {}) });
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('application/vnd.microsoft.error');
    }
    // A rating from another conversation does not find this chat's answer.
    const other = await env.bot.invoke('message/submitAction', feedbackValue('like'), { conversationId: 'a:someone-else', replyToId: ratedId });
    expect(other.status).toBe(400);
    expect((await feedbackRows()).length).toBe(before);
  });
});
