/**
 * Learns the offline answerer's two logistic models from the windows extract-windows.ts wrote (development sets
 * only), estimates how they do on documents they were not trained on by leaving one set out at a time, and
 * writes the model file.
 *   npx tsx tests/knowledge/eval/train-answer-model.ts windows.json [answer-model.json]
 * Environment: T=0.3,0.4,… gate thresholds to report; SHOW=1 prints the left-out sets' wrongly chosen windows.
 *
 * Gradient descent is written out here rather than taken from a library: each question must weigh the
 * same however many candidate windows it has, and the answering windows are few; the npm logistic
 * regressions take neither sample weights nor class weights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Logistic, probability } from '../../../src/features/knowledge/answer/answer-model.js';
import { CANDIDATE_WINDOWS, FEATURE_NAMES, GATE_FEATURE_NAMES, gateFeatures } from '../../../src/features/knowledge/answer/window-features.js';

interface Row {
  set: string;
  id: string;
  q: string;
  tags: string[];
  abstain: boolean;
  features: number[][];
  labels: number[];
  scores: number[];
  cueMet: boolean[];
  texts: string[];
}

const [input, output] = process.argv.slice(2);
const rows = JSON.parse(readFileSync(input!, 'utf8')) as Row[];
// The rules' bar, a feature of the gate (and the old answerer's threshold).
const RULE_THRESHOLD = 0.6;
// The dev sets that were held out when first measured after a round of rule tuning: the best stand-in for unseen documents.
const FIRST_SEEN_LATE = ['own-held-out-3', 'own-held-out-4', 'own-held-out-5', 'own-dev-4', 'own-dev-5', 'own-dev-6', 'own-held-out-6', 'own-held-out-7'];

type Model = Omit<Logistic, 'names'>;
interface Example {
  x: number[];
  y: number;
  weight: number;
}

function fitLogistic(examples: readonly Example[], options: { l2?: number; epochs?: number; rate?: number; balance?: number } = {}): Model {
  const { l2 = 1e-3, epochs = 300, rate = 0.5, balance = 4 } = options;
  const dims = examples[0]!.x.length;
  const n = examples.length;
  const mean = Array.from({ length: dims }, (_, d) => examples.reduce((s, e) => s + e.x[d]!, 0) / n);
  const scale = Array.from({ length: dims }, (_, d) => Math.sqrt(examples.reduce((s, e) => s + (e.x[d]! - mean[d]!) ** 2, 0) / n) || 1);
  const zs = examples.map((e) => e.x.map((v, d) => (v - mean[d]!) / scale[d]!));
  // The answering windows are rare: weigh them up (a quarter of the way to balance keeps probabilities meaningful).
  const positives = examples.filter((e) => e.y === 1).length;
  const positiveWeight = balance ? (n - positives) / Math.max(1, positives) / balance : 1;
  const weights = examples.map((e) => e.weight * (e.y === 1 ? positiveWeight : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  let w = new Array<number>(dims).fill(0);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const g = new Array<number>(dims).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i += 1) {
      const z = zs[i]!;
      let s = b;
      for (let d = 0; d < dims; d += 1) s += w[d]! * z[d]!;
      const err = (1 / (1 + Math.exp(-s)) - examples[i]!.y) * weights[i]!;
      for (let d = 0; d < dims; d += 1) g[d]! += err * z[d]!;
      gb += err;
    }
    w = w.map((v, d) => v - rate * (g[d]! / total + l2 * v));
    b -= (rate * gb) / total;
  }
  return { mean, scale, weights: w, bias: b };
}

// Each question weighs the same, whatever its number of candidate windows.
const windowExamples = (data: readonly Row[]): Example[] => data.flatMap((r) => r.features.map((x, i) => ({ x, y: r.labels[i]!, weight: 1 / Math.max(1, r.features.length) })));
const fitWindows = (data: readonly Row[]) => fitLogistic(windowExamples(data));

function gateOf(model: Model, r: Row): { x: number[]; best: number; right: number } {
  const probabilities = r.features.map((x) => probability(model, x));
  const { x, best } = gateFeatures(r.features, probabilities, RULE_THRESHOLD);
  return { x, best, right: r.labels[best] === 1 ? 1 : 0 };
}

const sets = [...new Set(rows.map((r) => r.set))];
// Out of fold: each set's windows scored by a window model that never saw that set; the gate learns from those.
const windowModels = new Map(sets.map((s) => [s, fitWindows(rows.filter((r) => r.set !== s))]));
const outOfFold = new Map(rows.map((r) => [r, gateOf(windowModels.get(r.set)!, r)]));
const fitGate = (data: readonly Row[]) =>
  fitLogistic(
    data.map((r) => ({ x: outOfFold.get(r)!.x, y: outOfFold.get(r)!.right, weight: 1 })),
    { epochs: 500, balance: 0 },
  );
const gateModels = new Map(sets.map((s) => [s, fitGate(rows.filter((r) => r.set !== s))]));

type Judge = (r: Row) => { answered: boolean; right: boolean };
const rules: Judge = (r) => {
  const i = r.scores.findIndex((_, k) => r.cueMet[k]);
  const answered = i >= 0 && r.scores[i]! >= RULE_THRESHOLD;
  return { answered, right: answered && r.labels[i] === 1 };
};
// The learned answerer answers when its gate is sure enough, or when the rules would answer with the same window.
const learned =
  (threshold: number): Judge =>
  (r) => {
    const { x, right, best } = outOfFold.get(r)!;
    const rulesChoice = r.scores.findIndex((score, k) => r.cueMet[k] && score >= RULE_THRESHOLD);
    const answered = r.features.length > 0 && (probability(gateModels.get(r.set)!, x) >= threshold || rulesChoice === best);
    return { answered, right: answered && right === 1 };
  };

function tally(data: readonly Row[], judge: Judge): string {
  const answerable = data.filter((r) => !r.abstain);
  const unanswerable = data.filter((r) => r.abstain);
  const right = (xs: readonly Row[]) => xs.filter((r) => judge(r).right).length;
  const chat = answerable.filter((r) => r.tags.includes('chat'));
  const en = answerable.filter((r) => r.tags.includes('en'));
  const abstained = unanswerable.filter((r) => !judge(r).answered).length;
  return `${right(answerable)}/${answerable.length} · ${abstained}/${unanswerable.length} (chat ${right(chat)}/${chat.length}, en ${right(en)}/${en.length})`;
}

const thresholds = (process.env.T ?? '0.3,0.4,0.5,0.6').split(',').map(Number);
console.log('Left out in turn (answered right · abstained right); "reachable": an answering window among the candidates');
console.log(`${'set'.padEnd(22)}${'reachable'.padEnd(11)}${'rules'.padEnd(34)}${thresholds.map((t) => `learned, gate ${t}`.padEnd(34)).join('')}`);
const line = (label: string, data: readonly Row[]) => {
  const answerable = data.filter((r) => !r.abstain);
  const reachable = `${answerable.filter((r) => r.labels.some((l) => l === 1)).length}/${answerable.length}`;
  console.log(`${label.padEnd(22)}${reachable.padEnd(11)}${tally(data, rules).padEnd(34)}${thresholds.map((t) => tally(data, learned(t)).padEnd(34)).join('')}`);
};
for (const s of sets)
  line(
    s,
    rows.filter((r) => r.set === s),
  );
line(
  'first seen late',
  rows.filter((r) => FIRST_SEEN_LATE.includes(r.set)),
);
line('all', rows);

if (process.env.SHOW) {
  for (const r of rows.filter((x) => FIRST_SEEN_LATE.includes(x.set) && !x.abstain)) {
    const ps = r.features.map((f) => probability(windowModels.get(r.set)!, f));
    const order = ps.map((_, i) => i).sort((a, b) => ps[b]! - ps[a]!);
    if (r.labels[order[0]!]) continue;
    const gold = order.findIndex((i) => r.labels[i]);
    console.log(`\n${r.id} [${r.tags.join(',')}] ${r.q}\n   CHOSEN p=${ps[order[0]!]!.toFixed(2)} ${r.texts[order[0]!]}`);
    if (gold >= 0) console.log(`   ANSWER rank ${gold + 1} p=${ps[order[gold]!]!.toFixed(2)} ${r.texts[order[gold]!]}`);
  }
}

if (output) {
  const round = (m: Model, names: readonly string[]): Logistic => ({
    names: [...names],
    mean: m.mean.map((v) => Number(v.toFixed(6))),
    scale: m.scale.map((v) => Number(v.toFixed(6))),
    weights: m.weights.map((v) => Number(v.toFixed(6))),
    bias: Number(m.bias.toFixed(6)),
  });
  const model = { trainedOn: sets, candidates: CANDIDATE_WINDOWS, ruleThreshold: RULE_THRESHOLD, window: round(fitWindows(rows), FEATURE_NAMES), gate: round(fitGate(rows), GATE_FEATURE_NAMES) };
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  console.log(`\nwrote ${output} (trained on ${sets.length} sets, ${rows.length} questions)`);
}
