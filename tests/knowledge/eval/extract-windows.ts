/**
 * Writes, per question of every set in sets.json (or the sets named), the answer model's features of its candidate windows
 * with their labels (the window's quote holds the expected facts from the expected gemeente's document).
 *   npx tsx tests/knowledge/eval/extract-windows.ts out.json [set …]
 */
import { writeFileSync } from 'node:fs';
import { loadManifest } from '../../../src/cli/eval/eval-sets.js';
import { factsMet } from '../../../src/cli/eval/run-eval-set.js';
import { asksForPriorities, quoteFor } from '../../../src/features/knowledge/answer-offline.js';
import { definitionAsked } from '../../../src/features/knowledge/glossary.js';
import { untrainedModel } from '../../../src/features/knowledge/answer/answer-model.js';
import { CANDIDATE_WINDOWS, windowFeatures } from '../../../src/features/knowledge/answer/window-features.js';
import { openSetKnowledgeBase } from './set-knowledge-base.js';

const [out, ...names] = process.argv.slice(2);
const rows: unknown[] = [];
for (const set of loadManifest()) {
  // Held-out sets are never trained on: only when named.
  if (names.length ? !names.includes(set.name) : set.part !== 'dev') continue;
  // The features may have changed since the model file was written: extract with a model that fits them.
  const { db, kb } = await openSetKnowledgeBase(set, { answerModel: untrainedModel(CANDIDATE_WINDOWS) });
  for (const item of set.items) {
    if (definitionAsked(item.q, kb.glossary)) continue;
    const { analysis, windows } = await kb.score(item.q);
    if (asksForPriorities(analysis)) continue;
    const top = windows.slice(0, CANDIDATE_WINDOWS);
    const features = windowFeatures(analysis, top);
    const labels = top.map((w) => {
      if (item.abstain) return 0;
      const text = quoteFor(w.passage, w.from, w.to, analysis)
        .map((s) => s.text)
        .join(' ');
      return factsMet(item.expect ?? [], text) && (!item.cite || w.passage.document.gemeente === item.cite) ? 1 : 0;
    });
    rows.push({
      set: set.name,
      id: item.id,
      tags: item.tags ?? [],
      abstain: Boolean(item.abstain),
      cue: analysis.cue,
      features,
      labels,
      scores: top.map((w) => w.score),
      q: item.q,
      texts: top.map((w) =>
        w.passage.sentences
          .slice(w.from, w.to + 1)
          .map((x) => x.text)
          .join(' ')
          .slice(0, 160),
      ),
      cueMet: top.map((w) => w.cueMet),
    });
  }
  await db.close();
  console.error(set.name, 'done');
}
writeFileSync(out!, JSON.stringify(rows));
