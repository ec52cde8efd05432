import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { CAMERA_QUESTION, groundedReply } from '../llm/llm-helpers.js';
import { PlaygroundChat, skipBrowserTests, usePlaygroundSession } from './playground.js';

/**
 * A streamed LLM answer (turn.stream() in a personal chat) as the Agents Playground shows it: its
 * connector checks every typing update's stream info and the final message, and refuses (400)
 * what Teams would refuse.
 */
describe.skipIf(skipBrowserTests)('Agents Playground end to end: a streamed answer', () => {
  let openai: FakeOpenAI;
  // Filled in before the session starts the bot (hooks run in the order they are registered).
  const env: Record<string, string> = { OPENAI_MODEL: 'test-model', OPENAI_API_KEY: 'sk-test', LLM_TIMEOUT_MS: '5000' };
  beforeAll(async () => {
    openai = await startFakeOpenAI();
    env.OPENAI_BASE_URL = openai.baseURL;
  });
  const session = usePlaygroundSession({ env });
  beforeAll(async () => {
    const plan = readFileSync(fileURLToPath(new URL('../llm/fixtures/hengelo-veiligheidsplan.txt', import.meta.url)));
    await session.bot.knowledge.ingest({ fileName: 'hengelo-veiligheidsplan.txt', buffer: plan });
  });
  afterAll(async () => {
    await openai?.close();
  });

  it('shows the answer growing, then the final message with its citation, and the Playground accepts every part', async () => {
    openai.otherwise({ reply: groundedReply('twaalf'), chunks: 10, chunkDelayMs: 300 });
    const chat = await PlaygroundChat.open(session.browser, session.playgrounds[0]!);
    await chat.card('Welkom bij de Veiligheidsbot');

    await chat.say(CAMERA_QUESTION);
    await chat.text(/twaalf nieuwe camera's/, 30_000);
    await session.bot.settled();
    await chat.screenshot('e2e-streamed-answer');

    // A refused update is logged and ends the updates; a refused final message never shows (above).
    const logged = session.bot.logs.find((l) => l.msg === 'llm answer');
    expect(logged).toMatchObject({ outcome: 'llm', streamed: true });
    expect(logged!.updates as number).toBeGreaterThanOrEqual(2);
    expect(session.bot.logs.filter((l) => l.msg === 'stream update refused; the final message still goes')).toEqual([]);
  }, 120_000);
});
