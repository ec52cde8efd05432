import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifest, type EvalSet } from '../../src/cli/eval/eval-sets.js';
import { reportLines, runEvalSet, summarize } from '../../src/cli/eval/run-eval-set.js';
import { oracleReply, startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * The LLM path measured with a model that answers perfectly from the passages it is given: what
 * it cannot answer is what retrieval did not hand it, or what the pipeline around it lost.
 */
let openai: FakeOpenAI;
// EVAL_PART=held-out measures the held-out sets the same way (once, at the end; never tuned on).
const sets = loadManifest().filter((s) => s.part === (process.env.EVAL_PART === 'held-out' ? 'held-out' : 'dev'));
const byQuestion = new Map(sets.flatMap((s) => s.items.map((i) => [i.q, i] as const)));

beforeAll(async () => {
  openai = await startFakeOpenAI();
  openai.otherwise({
    reply: oracleReply((question) => {
      const item = byQuestion.get(question);
      return item?.expect ? { expect: item.expect, ...(item.cite ? { cite: item.cite } : {}) } : undefined;
    }),
  });
});
afterAll(async () => {
  await openai.close();
});

async function measure(set: EvalSet) {
  const report = await runEvalSet(set, { env: { OPENAI_BASE_URL: openai.baseURL, OPENAI_API_KEY: 'sk-test', LLM_TIMEOUT_MS: '5000' }, openDb: openTestPglite });
  console.log(reportLines(report).join('\n'));
  return { report, summary: summarize(report) };
}

describe('the LLM path with a model that answers exactly from its passages', () => {
  for (const set of sets) {
    const floor = set.guard.llmAnswered;
    it(`${set.name}: ≥ ${Math.round(floor * 1000) / 10}% answered right with the right citation, every unanswerable question abstained`, { timeout: 240_000 }, async () => {
      const { report, summary } = await measure(set);
      const wrong = report.results.filter((r) => !r.correct).map((r) => `${r.item.id}: ${r.text.slice(0, 160)}`);
      expect(summary.answeredRight / summary.answerable, wrong.join('\n')).toBeGreaterThanOrEqual(floor);
      expect(summary.abstainedRight, wrong.join('\n')).toBe(summary.unanswerable);
    });
  }
});
