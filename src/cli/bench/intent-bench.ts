import { readFileSync } from 'node:fs';
import { buildApp } from '../../app/build-app.js';
import { parseConfig } from '../../config/load-config.js';
import { fromRoot } from '../../config/project-root.js';
import { trainIntentClassifier } from '../../routing/router.js';
import { openPglite } from '../../store/pglite-db.js';

export interface IntentBenchResult {
  messages: number;
  trainMs: number;
  meanMs: number;
  p95Ms: number;
}

/**
 * What understanding a message costs: the router's whole decision (exact patterns, follow-ups, the
 * NLP.js classifier and its threshold) for every utterance of the development set, several rounds,
 * in this process; and what training the classifier costs at start-up.
 */
export async function runIntentBench(rounds: number, log: (line: string) => void): Promise<IntentBenchResult> {
  const texts = readFileSync(fromRoot('tests', 'routing', 'intents-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
  const db = await openPglite();
  const app = buildApp({ config: parseConfig({ LOG_LEVEL: 'silent', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1' }), db });
  try {
    await app.ready;
    const router = app.router()!;
    const started = performance.now();
    await trainIntentClassifier(router.features);
    const trainMs = performance.now() - started;
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const text of texts) {
        const turn = { text, state: { conversation: {}, user: {} }, locale: 'nl' as const, attachments: [], tenantId: '00000000-0000-0000-0000-00000000d0e0' };
        const t0 = performance.now();
        await router.understand(turn);
        if (round > 0) times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const result = { messages: times.length, trainMs, meanMs: times.reduce((a, b) => a + b, 0) / times.length, p95Ms: times[Math.floor(times.length * 0.95)]! };
    log(`intent classification: ${result.messages} messages, mean ${result.meanMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms; training ${result.trainMs.toFixed(0)} ms`);
    return result;
  } finally {
    await app.close();
    await db.close();
  }
}
