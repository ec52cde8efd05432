/**
 * Benchmark (not a test): offline answer latency with 10 concurrent users on the embedded store.
 * Run: npx tsx tests/knowledge/bench-offline.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import { createLogger } from '../../src/core/logger.js';
import { answerOffline, KnowledgeBase } from '../../src/features/knowledge/index.js';
import { loadSampleCorpusIfEmpty } from '../../src/features/knowledge/sample-corpus.js';
import { migrate } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openPglite } from '../../src/store/pglite-db.js';

const users = 10;
const rounds = Number(process.argv[2] ?? 20);
const questions = [...readFileSync(new URL('./held-out.jsonl', import.meta.url), 'utf8').split('\n'), ...(() => {
  try {
    return readFileSync('/work/shared/eval/dev.jsonl', 'utf8').split('\n');
  } catch {
    return [];
  }
})()]
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);

const db = await openPglite();
await migrate(db, migrations, createLogger('silent'));
const kb = new KnowledgeBase(db);
await loadSampleCorpusIfEmpty(kb, createLogger('silent'));
await answerOffline(kb, questions[0]!, 'nl');

const times: number[] = [];
const started = performance.now();
await Promise.all(
  Array.from({ length: users }, async (_, u) => {
    for (let r = 0; r < rounds; r += 1) {
      const q = questions[(u * 7 + r) % questions.length]!;
      const t0 = performance.now();
      await answerOffline(kb, q, 'nl');
      times.push(performance.now() - t0);
    }
  }),
);
const total = performance.now() - started;
times.sort((a, b) => a - b);
const p = (x: number) => times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)]!.toFixed(1);
console.log(`${times.length} answers, ${users} concurrent users: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms, ${(times.length / (total / 1000)).toFixed(0)} answers/s`);
await db.close();
