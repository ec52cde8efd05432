import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Script } from '../helpers/fake-openai.js';
import { CAMERA_QUESTION, groundedReply, messageEntity, offlineText, startLlmBot, streamInfo, type LlmBot } from './llm-helpers.js';

let env: LlmBot;
beforeAll(async () => {
  env = await startLlmBot(); // LLM_TIMEOUT_MS=1500
});
afterAll(async () => {
  await env.close();
});

const fallbackNote = 'Het AI-antwoord is nu niet beschikbaar';
const guardNote = 'Het AI-antwoord bleef niet binnen de documenten';

const cases: { name: string; script: Script; note: string }[] = [
  { name: 'a 500 from the service', script: { status: 500 }, note: fallbackNote },
  { name: 'a 429 from the service', script: { status: 429 }, note: fallbackNote },
  { name: 'no answer within LLM_TIMEOUT_MS', script: { delayMs: 4000, reply: groundedReply('twaalf') }, note: fallbackNote },
  { name: 'output that is not JSON', script: { reply: "Hengelo plaatst twaalf nieuwe camera's [1]." }, note: fallbackNote },
  { name: 'JSON of the wrong shape', script: { reply: { antwoord: 'Ja [1].', supported: 'ja' } }, note: fallbackNote },
  { name: 'a broken response body', script: { garbage: true }, note: fallbackNote },
  { name: 'markers that point nowhere', script: { reply: { answer: "Hengelo breidt het cameratoezicht uit met twaalf nieuwe camera's [4].", supported: true } }, note: guardNote },
  { name: 'a fact without a marker', script: { reply: { answer: "Hengelo breidt het cameratoezicht uit met twaalf nieuwe camera's.", supported: true } }, note: guardNote },
];

describe('fallback to the offline answer, with a note', () => {
  for (const { name, script, note } of cases) {
    it(`in a channel, on ${name}`, async () => {
      const { bot, openai } = env;
      const before = openai.requests.length;
      openai.next(script);
      const replies = await bot.say(CAMERA_QUESTION, { conversation: 'channel' });
      expect(openai.requests.length).toBe(before + 1);
      expect(replies).toHaveLength(1);
      const text = replies[0]!.text!;
      expect(text.startsWith(`_${note}`)).toBe(true);
      expect(text.endsWith(await offlineText(bot, CAMERA_QUESTION))).toBe(true);
      const entity = messageEntity(replies[0]!);
      expect(entity.additionalType).toBeUndefined(); // not AI-written: no AI label
      expect(entity.citation[0].appearance.name).toContain('Hengelo');
    });
  }

  for (const { name, script } of [
    { name: 'an empty stream', script: { emptyStream: true } },
    { name: 'a broken stream', script: { garbage: true } },
    { name: 'a stream that stalls', script: { reply: groundedReply('twaalf'), chunks: 4, chunkDelayMs: 2500 } },
    { name: 'a 429', script: { status: 429 } },
  ] as { name: string; script: Script }[]) {
    it(`in a personal chat, on ${name}: the stream ends with the offline answer as its final message`, async () => {
      const { bot, openai } = env;
      openai.next(script);
      const replies = await bot.say(CAMERA_QUESTION);
      const final = replies[replies.length - 1]!;
      expect(streamInfo(replies[0]!)).toMatchObject({ streamType: 'informative', streamSequence: 1 });
      expect(streamInfo(final)).toMatchObject({ streamType: 'final' });
      expect(final.text!.startsWith(`_${fallbackNote}`)).toBe(true);
      expect(final.text!.endsWith(await offlineText(bot, CAMERA_QUESTION))).toBe(true);
      expect(messageEntity(final).additionalType).toBeUndefined();
    });
  }

  it('abstains, without the offline answer, when the model says the passages do not answer', async () => {
    const { bot, openai } = env;
    openai.next({ reply: { answer: "De documenten zeggen niets over het aantal camera's.", supported: false } });
    const replies = await bot.say(CAMERA_QUESTION, { conversation: 'channel' });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('Dat staat niet in de documenten van Hengelo');
    expect(replies[0]!.text).not.toContain('twaalf');
    expect(messageEntity(replies[0]!)).toBeUndefined();
    const rows = await bot.db.query<{ outcome: string }>(`SELECT outcome FROM llm_answers ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ outcome: 'abstained' });
  });

  it('logs why, without the question, and stores the fallback with its outcome', async () => {
    const { bot, openai } = env;
    openai.next({ status: 500 });
    await bot.say(CAMERA_QUESTION, { conversation: 'groupChat' });
    const line = bot.logs.filter((l) => l.msg === 'llm answer').pop();
    expect(line).toMatchObject({ level: 30, outcome: 'fallback-error', reason: 'service', llm: true });
    expect(JSON.stringify(bot.logs)).not.toContain('stationsgebied van Hengelo');
    const rows = await bot.db.query<{ outcome: string; llm_called: boolean }>(`SELECT outcome, llm_called FROM llm_answers ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ outcome: 'fallback-error', llm_called: true });
  });
});
