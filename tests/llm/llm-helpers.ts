import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answerOffline } from '../../src/features/knowledge/index.js';
import { promptPassages, startFakeOpenAI, type ChatRequestBody, type FakeOpenAI } from '../helpers/fake-openai.js';
import { startTestBot, type SentActivity, type TestBot } from '../helpers/test-app.js';

export const API_KEY = 'sk-test-geheim-4711';
export const CAMERA_QUESTION = "Hoeveel nieuwe camera's komen er in het stationsgebied van Hengelo?";
export const INTAKE_QUESTION = 'Wat zijn de namen en adressen van de bewoners in de intakes buurtbemiddeling?';

export interface LlmBot {
  bot: TestBot;
  openai: FakeOpenAI;
  close(): Promise<void>;
}

/** The whole bot with an OpenAI-compatible service (the local fake) and one Hengelo policy document. */
export async function startLlmBot(env: Record<string, string> = {}): Promise<LlmBot> {
  const openai = await startFakeOpenAI();
  const bot = await startTestBot({
    env: { OPENAI_BASE_URL: openai.baseURL, OPENAI_API_KEY: API_KEY, OPENAI_MODEL: 'test-model', LLM_TIMEOUT_MS: '1500', LLM_TEMPERATURE: '0.2', LLM_MAX_TOKENS: '400', ...env },
  });
  await bot.knowledge.ingest({ fileName: 'hengelo-veiligheidsplan.txt', buffer: readFileSync(fileURLToPath(new URL('./fixtures/hengelo-veiligheidsplan.txt', import.meta.url))) });
  return {
    bot,
    openai,
    async close() {
      await bot.close();
      await openai.close();
    },
  };
}

/**
 * A model that answers well: the sentence of the passage holding `keyword`, with that passage's marker.
 * It reads the prompt it is sent, so the marker is right whatever the passage order.
 */
export function groundedReply(keyword: string) {
  return (body: ChatRequestBody) => {
    const passage = promptPassages(body).find((p) => p.text.includes(keyword));
    if (!passage) return { answer: 'Daarover zeggen de documenten niets.', supported: false };
    const sentence = passage.text.split(/(?<=\.)\s+/).find((s) => s.includes(keyword))!;
    return { answer: `Volgens het veiligheidsplan: ${sentence} [${passage.n}]`, supported: true };
  };
}

export async function offlineText(bot: TestBot, question: string): Promise<string> {
  return (await answerOffline(bot.knowledge, question, 'nl')).text;
}

export function streamInfo(activity: SentActivity | Record<string, unknown>): Record<string, unknown> | undefined {
  return ((activity.entities as Record<string, unknown>[] | undefined) ?? []).find((e) => e.type === 'streaminfo');
}

export function messageEntity(activity: SentActivity | Record<string, unknown>): any {
  return ((activity.entities as Record<string, unknown>[] | undefined) ?? []).find((e) => e['@type'] === 'Message');
}
