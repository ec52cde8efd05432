import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/features/knowledge/index.js';
import { answerWithLlm, type LlmAnswerer } from '../../src/features/llm/answer-with-llm.js';
import type { ChatModel, ChatRequest } from '../../src/features/llm/chat-model.js';
import type { Db } from '../../src/store/db.js';
import { promptPassages } from '../helpers/fake-openai.js';
import { fakeTurn } from '../helpers/fake-turn.js';
import { openTestPglite } from '../helpers/pglite-template.js';
import { CAMERA_QUESTION } from './llm-helpers.js';

/** A model that streams a grounded answer (the passage sentence about the cameras) in a few growing parts. */
function streamingModel(): ChatModel & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    model: 'test-model',
    requests,
    async complete(request) {
      requests.push(request);
      const passage = promptPassages({ messages: request.messages } as never).find((p) => p.text.includes('twaalf'))!;
      const sentence = passage.text.split(/(?<=\.)\s+/).find((s) => s.includes('twaalf'))!;
      const text = JSON.stringify({ answer: `Volgens het veiligheidsplan: ${sentence} [${passage.n}]`, supported: true });
      for (const cut of [0.3, 0.6, 0.9]) request.onText?.(text.slice(0, Math.round(text.length * cut)));
      return { text, usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 } };
    },
  };
}

/** The LLM answer use case on the Turn's stream: no Teams entities, only informative, updates and the end. */
describe('an LLM answer through turn.stream()', () => {
  let db: Db;
  let deps: Omit<LlmAnswerer, 'model'>;
  beforeAll(async () => {
    db = await openTestPglite();
    const kb = new KnowledgeBase(db);
    await kb.ingest({ fileName: 'hengelo-veiligheidsplan.txt', buffer: readFileSync(fileURLToPath(new URL('./fixtures/hengelo-veiligheidsplan.txt', import.meta.url))) });
    deps = { kb, db, now: () => new Date(), settings: { provider: { kind: 'openai', apiKey: 'x' }, model: 'test-model', temperature: 0, maxTokens: 400, timeoutMs: 5000, ratePerHour: 100 } };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('in a personal chat: the searching note, the answer growing as plain text, then one final message with the citation', async () => {
    const model = streamingModel();
    const turn = fakeTurn();
    await answerWithLlm({ ...deps, model }, turn, CAMERA_QUESTION);
    expect(model.requests[0]!.stream).toBe(true);
    expect(turn.streamed[0]).toBe('Ik zoek in de documenten…');
    const growing = turn.streamed.slice(1);
    expect(growing.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < growing.length; i += 1) expect(growing[i]!.startsWith(growing[i - 1]!)).toBe(true);
    expect(growing.join('')).not.toContain('"answer"');
    expect(turn.sent).toHaveLength(1);
    expect(turn.sent[0]!.text).toContain("twaalf nieuwe camera's. [1]");
    expect(JSON.stringify(turn.sent[0]!.entities)).not.toContain('streaminfo');
  });

  it('in a channel: nothing shown before the one message, and the model is not asked to stream', async () => {
    const model = streamingModel();
    const turn = fakeTurn({ conversation: { id: 'c', type: 'channel' } });
    await answerWithLlm({ ...deps, model }, turn, CAMERA_QUESTION);
    expect(model.requests[0]!.stream).toBe(false);
    expect(turn.streamed).toEqual([]);
    expect(turn.sent).toHaveLength(1);
    expect(turn.sent[0]!.text).toContain("twaalf nieuwe camera's. [1]");
  });
});
