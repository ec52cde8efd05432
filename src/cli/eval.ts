import { adHocSet, defaultManifest, loadManifest, type EvalSet } from './eval/eval-sets.js';
import { reportLines, runEvalSet, summarize, sweepLines, type QuestionResult } from './eval/run-eval-set.js';

/**
 * `npm run eval [-- options]`: measures retrieval and answers per question set, each on a fresh
 * in-memory store holding only that set's documents.
 *   (no options)                 the dev sets of tests/knowledge/eval/sets.json
 *   --held-out                   the held-out sets (measure only at the end, never tune on them)
 *   --all                        every set
 *   --set <name>                 only the named set(s) (repeatable)
 *   --manifest <file>            another manifest
 *   --questions <q.jsonl> --documents <files or folders...>   one ad-hoc set
 *   --sweep <from:to:step>       also the offline answer at each abstention threshold (answered right vs abstained right)
 *   --verbose                    each question's verdict and reply
 * Prints per set: recall@1/3/8, answered right with the right citation, abstained right, latency.
 */
function argValues(args: string[], flag: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === flag && args[i + 1]) out.push(args[i + 1]!);
  });
  return out;
}

function chooseSets(args: string[]): EvalSet[] {
  const questions = argValues(args, '--questions')[0];
  if (questions) {
    const start = args.indexOf('--documents');
    const documents = start >= 0 ? args.slice(start + 1).filter((a) => !a.startsWith('--')) : [];
    return [adHocSet(questions, documents)];
  }
  const sets = loadManifest(argValues(args, '--manifest')[0] ?? defaultManifest);
  const named = argValues(args, '--set');
  if (named.length) return sets.filter((s) => named.includes(s.name));
  if (args.includes('--all')) return sets;
  return sets.filter((s) => s.part === (args.includes('--held-out') ? 'held-out' : 'dev'));
}

function verdict(r: QuestionResult): string {
  if (!r.answerable) return r.correct ? 'abstained' : 'ANSWERED (should abstain)';
  const recall = r.recall[8] ? (r.recall[1] ? 'r@1' : r.recall[3] ? 'r@3' : 'r@8') : 'NOT RETRIEVED';
  return `${r.correct ? 'correct' : `${r.factsOk ? 'facts ok' : 'FACTS MISSING'}, ${r.citeOk ? 'cite ok' : 'CITE WRONG'}`} [${recall}]`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const sets = chooseSets(args);
  if (!sets.length) throw new Error('No question set chosen.');
  let ok = true;
  const summaries: string[] = [];
  const sweep = argValues(args, '--sweep')[0]?.split(':').map(Number);
  const thresholds: number[] = [];
  if (sweep && sweep.length === 3) for (let t = sweep[0]!; t <= sweep[1]! + 1e-9; t += sweep[2]!) thresholds.push(Number(t.toFixed(3)));
  const reports = [];
  for (const set of sets) {
    console.log(`\n${set.name} (${set.part}): ${set.questionsFile}`);
    const report = await runEvalSet(set, {
      thresholds,
      onResult: (r) => {
        console.log(`${r.item.id.padEnd(6)} ${verdict(r).padEnd(36)} ${Math.round(r.ms).toString().padStart(5)} ms  ${r.item.q}`);
        if (verbose) console.log(`       ${r.text.replace(/\n/g, ' ⏎ ').slice(0, 600)}`);
      },
    });
    reports.push(report);
    const lines = reportLines(report);
    console.log(lines.join('\n'));
    summaries.push(...lines);
    const s = summarize(report);
    if (s.answeredRight < 0.85 * s.answerable || s.abstainedRight < 0.95 * s.unanswerable) ok = false;
  }
  console.log(`\n${summaries.join('\n')}`);
  if (thresholds.length) console.log(`\nAbstention threshold (answered right · abstained right):\n${sweepLines(reports).join('\n')}`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
