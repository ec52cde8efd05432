import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/cli/eval/eval-sets.js';
import { reportLines, runEvalSet, summarize } from '../../src/cli/eval/run-eval-set.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/**
 * The development sets through the whole bot without an LLM (what `npm run eval` prints): a guard
 * against retrieval or the offline answerer getting worse. The held-out set is not run here.
 */

describe('offline answers on the development sets', () => {
  for (const set of loadManifest().filter((s) => s.part === 'dev')) {
    const { answered, abstained, recall8 } = set.guard;
    it(`${set.name}: recall@8 ≥ ${recall8 * 100}%, ≥ ${answered * 100}% answered right with the right citation, ≥ ${abstained * 100}% abstained right`, { timeout: 240_000 }, async () => {
      const report = await runEvalSet(set, { openDb: openTestPglite });
      console.log(reportLines(report).join('\n'));
      const s = summarize(report);
      const wrong = report.results
        .filter((r) => !r.correct)
        .map((r) => `${r.item.id}: ${r.text.slice(0, 160)}`)
        .join('\n');
      expect(s.recall[8]! / s.answerable, wrong).toBeGreaterThanOrEqual(recall8);
      expect(s.answeredRight / s.answerable, wrong).toBeGreaterThanOrEqual(answered);
      expect(s.abstainedRight / s.unanswerable, wrong).toBeGreaterThanOrEqual(abstained);
    });
  }
});
