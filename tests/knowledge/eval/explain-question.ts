/**
 * Why the offline answerer answers a question the way it does: the question's analysis, the best candidate
 * windows by rule score and by the answer model, which of them hold the expected facts, and the gate's verdict.
 * For reading the misses of development sets only (never of a held-out set).
 *   npx tsx tests/knowledge/eval/explain-question.ts <set> <id> [<id> …]
 */
import { loadManifest } from '../../../src/cli/eval/eval-sets.js';
import { factsMet } from '../../../src/cli/eval/run-eval-set.js';
import { ANSWER_THRESHOLD, quoteFor } from '../../../src/features/knowledge/answer-offline.js';
import { chooseWindow } from '../../../src/features/knowledge/answer/answer-model.js';
import { openSetKnowledgeBase } from './set-knowledge-base.js';

const [name, ...ids] = process.argv.slice(2);
const set = loadManifest().find((s) => s.name === name);
if (!set) throw new Error(`no set ${name}`);
if (set.part !== 'dev') throw new Error(`${name} is held out: its misses are not read`);
const { db, kb } = await openSetKnowledgeBase(set);
for (const item of set.items.filter((i) => ids.length === 0 || ids.includes(i.id))) {
  const { analysis, windows } = await kb.score(item.q);
  const choice = chooseWindow(analysis, windows, kb.answerModel);
  console.log(`\n## ${item.id} ${item.q}`);
  console.log(`   expect ${JSON.stringify(item.expect ?? 'abstain')} · cue ${analysis.cue ?? '-'} · list ${analysis.asksList} · gemeente ${analysis.gemeente ?? '-'}`);
  console.log(`   concepts ${analysis.concepts.map((c) => `${c.stem}(${c.weight.toFixed(2)}${c.phrases.length ? `|${c.phrases.map((p) => p.join('+')).join('|')}` : ''})`).join(' ')}`);
  if (!choice) continue;
  console.log(`   gate ${choice.confidence.toFixed(2)} (threshold ${ANSWER_THRESHOLD}) · rulesAgree ${choice.rulesAgree}`);
  const order = choice.probabilities.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const shown = new Set([...order.slice(0, 5).map(([, i]) => i), ...windows.slice(0, 5).map((_, i) => i)]);
  windows.slice(0, choice.probabilities.length).forEach((w, i) => {
    const holds =
      !item.abstain &&
      factsMet(
        item.expect ?? [],
        quoteFor(w.passage, w.from, w.to, analysis)
          .map((s) => s.text)
          .join(' '),
      ) &&
      (!item.cite || w.passage.document.gemeente === item.cite);
    if (!shown.has(i) && !holds) return;
    const text = w.passage.sentences
      .slice(w.from, w.to + 1)
      .map((s) => s.text)
      .join(' ');
    console.log(
      `   ${holds ? '✔' : ' '} #${String(i).padEnd(2)} rule ${w.score.toFixed(2)} cov ${w.coverage.toFixed(2)} cue ${w.cueMet ? 'y' : 'n'} p ${choice.probabilities[i]!.toFixed(2)}${w === choice.window ? ' ◀' : ''}  ${text.slice(0, 150)}`,
    );
  });
}
await db.close();
