import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptPassages, startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from '../helpers/fake-openai.js';
import { cardText, firstCard, startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';

const ASK = 'vat de laatste stand van zaken samen';
const AI_LABEL = 'AI-gegenereerd op basis van de genoemde passages';
const OFFLINE_LABEL = 'Hele zinnen uit het document zelf';

/** A model that does its job: per passage one bullet in its own words around the passage's first sentence, with the marker. */
function groundedSummary(body: ChatRequestBody) {
  const passages = promptPassages(body);
  const firstSentence = (text: string) => text.split(/(?<=[.!?])\s+/).find((s) => s.split(/\s+/).length >= 6) ?? text;
  const clip = (text: string) =>
    text
      .split(/\s+/)
      .slice(0, 22)
      .join(' ')
      .replace(/[.,;:]$/, '');
  return {
    sections: passages.map((p) => ({ passage: p.n, bullets: [`Kort gezegd: ${clip(firstSentence(p.text))} [${p.n}]`] })),
    outlook: [],
  };
}

const message = (replies: SentActivity[]) => replies.find((r) => r.attachments?.length)!;
const entity = (replies: SentActivity[]) => (message(replies).entities ?? []).find((e: any) => e['@type'] === 'Message');

describe('the LLM summary, against a local OpenAI-compatible server', () => {
  let bot: TestBot;
  let openai: FakeOpenAI;
  beforeAll(async () => {
    openai = await startFakeOpenAI();
    bot = await startTestBot({ env: { STEERING_SCHEDULE: 'off', OPENAI_BASE_URL: openai.baseURL, OPENAI_API_KEY: 'sk-test-samenvatting', OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '3000' } });
    await bot.knowledge.ingest({ fileName: '001_05e79deea0a07a60.txt', buffer: readFileSync('src/content/corpus/001_05e79deea0a07a60.txt') });
  });
  afterAll(async () => {
    await bot?.close();
    await openai?.close();
  });

  it("is abstractive, labelled AI-generated on the card and in the citation entity, with the offline summary's citations", async () => {
    // The offline summary first (the service fails), to compare the citations with.
    openai.next({ status: 500 });
    const offline = await bot.say(ASK);
    const requestsBefore = openai.requests.length;
    openai.next({ reply: groundedSummary });
    const replies = await bot.say(ASK);
    expect(openai.requests.length).toBe(requestsBefore + 1);

    const prompt = openai.requests[openai.requests.length - 1]!;
    const passages = promptPassages(prompt);
    const card = firstCard(replies);
    const text = cardText(card).replace(/\\/g, '');
    expect(text).toContain(AI_LABEL);
    expect(text).not.toContain(OFFLINE_LABEL);
    // Every passage the model was given is a section of the card, in the model's words, with its marker.
    expect(text.match(/Kort gezegd:/g)).toHaveLength(passages.length);
    for (const p of passages) expect(text).toContain(`[${p.n}]`);
    const sectionTitles = [...prompt.body.messages[1]!.content.matchAll(/<passage n="\d+" section="([^"]*)">/g)].map((m) => m[1]!);
    expect(sectionTitles).toHaveLength(passages.length);
    for (const title of sectionTitles) expect(text).toContain(title);
    expect(text).toContain('Doorkijkje naar 2024');

    const ai = entity(replies);
    expect(ai.additionalType).toEqual(['AIGeneratedContent']);
    expect(ai.citation).toEqual(entity(offline).citation);
    expect(ai.citation).toHaveLength(passages.length);
    expect(message(replies).text).toBe(message(offline).text); // "Bronnen: [1] [2] ..."
    // The key figures are the offline ones, quoted as written.
    expect(card.body.find((b: any) => b.items?.some((i: any) => i.type === 'FactSet'))).toEqual(firstCard(offline).body.find((b: any) => b.items?.some((i: any) => i.type === 'FactSet')));
  });

  it('falls back to the offline summary with a note when the service answers 500', async () => {
    openai.next({ status: 500 });
    const replies = await bot.say(ASK);
    const text = cardText(firstCard(replies));
    expect(text).toContain('Een AI-samenvatting is nu niet beschikbaar; hieronder staan zinnen uit het document zelf.');
    expect(text).toContain(OFFLINE_LABEL);
    expect(text).not.toContain(AI_LABEL);
    expect(entity(replies).additionalType).toBeUndefined();
    expect(bot.logs.some((l) => l.msg === 'ai summary unavailable: offline summary shown' && l.failure === 'service')).toBe(true);
  });

  it('falls back with a note when the model states something the passages do not say', async () => {
    openai.next({
      reply: (body: ChatRequestBody) => {
        const summary = groundedSummary(body);
        summary.sections[0]!.bullets.push('De gemeente heeft 4711 extra handhavers aangenomen voor de hele regio [1]');
        return summary;
      },
    });
    const replies = await bot.say(ASK);
    const text = cardText(firstCard(replies));
    expect(text).toContain('De AI-samenvatting bleef niet binnen het document; hieronder staan zinnen uit het document zelf.');
    expect(text).not.toContain('4711');
    expect(text).not.toContain('Kort gezegd');
    expect(entity(replies).additionalType).toBeUndefined();
    expect(bot.logs.some((l) => l.msg === 'ai summary refused: offline summary shown' && l.reason === 'unsupported-sentence')).toBe(true);
  });

  it('falls back when the model leaves out a section', async () => {
    openai.next({ reply: (body: ChatRequestBody) => ({ ...groundedSummary(body), sections: groundedSummary(body).sections.slice(0, -1) }) });
    const text = cardText(firstCard(await bot.say(ASK)));
    expect(text).toContain('De AI-samenvatting bleef niet binnen het document');
    expect(bot.logs.some((l) => l.reason === 'section-missing')).toBe(true);
  });

  it('never logs the summary text or the key', async () => {
    const all = JSON.stringify(bot.logs);
    expect(all).not.toContain('Kort gezegd');
    expect(all).not.toContain('sk-test-samenvatting');
  });
});
