import type { StoredSentence } from '../store/knowledge-store.js';
import { MONTHS } from '../text/normalize.js';
import { isTableRow, tableHeaderIndex } from './context.js';
import type { AnswerCue } from './cues.js';
import type { AnalyzedQuestion } from './question.js';
import { stemMatch, type ScoredWindow } from './score.js';

/**
 * What the answer model sees of one candidate window: the rule score and its parts, where the
 * window stands among the others, which of the question's words the sentences say themselves
 * (not their heading or neighbours), and what kind of fact they hold. Each is a plain number so
 * that weights learned on the development sets (`answer-model.json`) combine them.
 */
export interface FeatureWindow extends ScoredWindow {
  passage: { id: number; document: { id: number; gemeente: string | null; date: string | null }; sentences: readonly StoredSentence[] };
}

/** How many windows, best rule score first, the model chooses among. */
export const CANDIDATE_WINDOWS = 40;

const CUES: readonly Exclude<AnswerCue, null>[] = ['date', 'number', 'person', 'duration', 'period', 'money', 'time', 'reason', 'definition', 'action', 'list'];

// What a window holds, crossed with the question's cue: a linear model cannot form these products itself.
const KINDS = ['hasNumber', 'hasYear', 'hasName', 'leadIn', 'item', 'hasCause', 'defines', 'hasMoney', 'hasMonth', 'pointsBack', 'namesRole', 'authorLine', 'previousSays', 'nextSays'] as const;
const cause = /\b(omdat|doordat|vanwege|wegens|daarom|daardoor|zodat|want|reden|oorzaak|dankzij|hiermee|hierdoor|zo\s+voorkomen|voorkomt|voorkomen)\b/i;
const defines = /\b(verst(aa|a)n\w*\s+(we|wij)|bedoel\w*\s+(we|wij)|is\s+(een|het)|zijn\s+(de\s+)?\w+\s+die|houdt\s+in|houden\s+in|betekent|omvat)\b/i;
const month = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'i');
const role =
  /\b(burgemeester|wethouder|portefeuillehouder|teamleider|projectleider|coördinator|coordinator|regisseur|directeur|voorzitter|adviseur|beleidsmedewerker|wijkagent|officier|secretaris|manager|hoofd|opdrachtgever|trekker|wijkregisseur)\b/i;
// A report's field line naming who wrote it, did it or answers for it ("Opgesteld door: …", "Contactpersoon: …").
const authorLine = /^\s*(opgesteld|uitgevoerd|geschreven|samengesteld|auteurs?|opsteller|contactpersoon|contact|in\s+opdracht\s+van|onderzoekers?)\b[^:]{0,20}:/i;
const pointing = /^(deze|dit|die|daarnaast|daarbij|hierbij|hiermee|hierdoor|daardoor|daarom|ook|tevens|verder|zij|hij|het\s+gaat)\b/i;

export const FEATURE_NAMES: readonly string[] = [
  'score',
  'coverage',
  'cueMet',
  'windowRank',
  'gapToBest',
  'passageRank',
  'rankInPassage',
  'pair',
  'item',
  'tableRow',
  'firstOfPassage',
  'words',
  'saysExact',
  'saysAny',
  'saysRarest',
  'previousSays',
  'nextSays',
  'leadIn',
  'hasNumber',
  'hasYear',
  'hasName',
  'newestOfGemeente',
  'translated',
  'concepts',
  ...CUES.map((c) => `cue:${c}`),
  ...CUES.map((c) => `cueMet:${c}`),
  'passageBest',
  ...CUES.flatMap((c) => KINDS.map((k) => `${c}×${k}`)),
  'askedYearSaid',
  'otherYearOnly',
];

interface Says {
  exact: number;
  any: number;
  rarest: boolean;
}

/**
 * How well words stand for the question's concepts: per concept, the best match of any of the words (its
 * stem, 0.6 of a compound part, a phrasing's stem divided over the phrasing). A question meets a few hundred
 * distinct document words, so each is compared with the concepts once.
 */
class ConceptMatches {
  private readonly byWord = new Map<string, Float64Array>();
  private readonly total: number;
  private readonly top: number;

  constructor(private readonly question: AnalyzedQuestion) {
    this.total = question.concepts.reduce((s, c) => s + c.weight, 0) || 1;
    // The rarest concept (the first of the heaviest): the word that says most what the question is about.
    this.top = question.concepts.reduce((best, c, k) => (c.weight > (question.concepts[best]?.weight ?? -1) ? k : best), 0);
  }

  private of(word: string): Float64Array {
    let row = this.byWord.get(word);
    if (!row) {
      row = new Float64Array(this.question.concepts.length);
      this.question.concepts.forEach((c, k) => {
        let m = stemMatch(c.stem, word);
        for (const part of c.parts) m = Math.max(m, 0.6 * stemMatch(part, word));
        for (const phrase of c.phrases) for (const stem of phrase) m = Math.max(m, stemMatch(stem, word) / phrase.length);
        row![k] = m;
      });
      this.byWord.set(word, row);
    }
    return row;
  }

  /** Per concept, the best match among the words. */
  vector(words: readonly string[]): Float64Array {
    const best = new Float64Array(this.question.concepts.length);
    for (const word of words) {
      const row = this.of(word);
      for (let k = 0; k < row.length; k += 1) if (row[k]! > best[k]!) best[k] = row[k]!;
    }
    return best;
  }

  /** The weighted share of the concepts said exactly (≥ 0.9) and in any form, and whether the rarest is said (≥ 0.6). */
  says(vector: Float64Array): Says {
    let exact = 0;
    let any = 0;
    this.question.concepts.forEach((c, k) => {
      if (vector[k]! >= 0.9) exact += c.weight;
      any += c.weight * vector[k]!;
    });
    return { exact: exact / this.total, any: any / this.total, rarest: (vector[this.top] ?? 0) >= 0.6 };
  }
}

function elementwiseMax(vectors: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let k = 0; k < v.length; k += 1) if (v[k]! > out[k]!) out[k] = v[k]!;
  return out;
}

/** The features of every window (in the order given, best rule score first). */
export function windowFeatures(question: AnalyzedQuestion, windows: readonly FeatureWindow[]): number[][] {
  const best = windows[0]?.score ?? 0;
  const passageRank = new Map<number, number>();
  const rankInPassage = new Map<number, number>();
  const newest = new Map<string, string>();
  for (const w of windows) {
    const g = w.passage.document.gemeente ?? '';
    const d = w.passage.document.date ?? '';
    if (d > (newest.get(g) ?? '')) newest.set(g, d);
  }
  const matches = new ConceptMatches(question);
  const vectors = new Map<string, Float64Array>();
  const vectorOf = (w: FeatureWindow, i: number) => {
    const key = `${w.passage.id}:${i}`;
    let v = vectors.get(key);
    if (!v) vectors.set(key, (v = matches.vector(w.passage.sentences[i]?.lexemes ?? [])));
    return v;
  };
  const saysOf = (w: FeatureWindow, i: number) => matches.says(vectorOf(w, i));
  const asked = question.years;
  const translated = question.concepts.length ? question.concepts.filter((c) => c.phrases.length > 0).length / question.concepts.length : 0;
  const passageBest = new Map<number, number>();
  for (const w of windows) passageBest.set(w.passage.id, Math.max(passageBest.get(w.passage.id) ?? 0, w.score));
  return windows.map((w, rank) => {
    if (!passageRank.has(w.passage.id)) passageRank.set(w.passage.id, passageRank.size);
    const inPassage = rankInPassage.get(w.passage.id) ?? 0;
    rankInPassage.set(w.passage.id, inPassage + 1);
    const sentences = w.passage.sentences.slice(w.from, w.to + 1);
    const text = sentences.map((s) => s.text).join(' ');
    const own = sentences.map((_, k) => saysOf(w, w.from + k));
    const joint = matches.says(elementwiseMax(sentences.map((_, k) => vectorOf(w, w.from + k))));
    const previous = w.from > 0 ? saysOf(w, w.from - 1).any : 0;
    const next = w.to + 1 < w.passage.sentences.length ? saysOf(w, w.to + 1).any : 0;
    const g = w.passage.document.gemeente ?? '';
    const cue = question.cue;
    const flags = [
      /\d/.test(text.replace(/\b(19|20)\d\d\b/g, '')),
      /\b(19|20)\d\d\b/.test(text),
      /\s\p{Lu}\p{Ll}+(\s+(van\s+(der?\s+)?|de\s+)?\p{Lu}\p{Ll}+)/u.test(text),
      /:\s*$/.test(sentences[sentences.length - 1]?.text ?? ''),
      sentences.some((s) => s.item),
      cause.test(text),
      defines.test(text),
      /€|\beuro\b/i.test(text),
      month.test(text),
      pointing.test(sentences[0]?.text ?? ''),
      role.test(text),
      sentences.some((x) => authorLine.test(x.text)),
    ].map((k) => (k ? 1 : 0));
    // In KINDS order: the flags above, then how much of the question the sentences around the window say.
    const kinds = [...flags, previous, next];
    const header = tableHeaderIndex(w.passage.sentences, w.from);
    const yearsSaid = new Set(`${text} ${header !== undefined ? w.passage.sentences[header]!.text : ''}`.match(/\b(19|20)\d\d\b/g) ?? []);
    return [
      w.score,
      w.coverage,
      w.cueMet ? 1 : 0,
      1 / (1 + rank),
      best - w.score,
      1 / (1 + (passageRank.get(w.passage.id) ?? 0)),
      1 / (1 + inPassage),
      w.to > w.from ? 1 : 0,
      sentences.some((s) => s.item) ? 1 : 0,
      sentences.some((s) => isTableRow(s)) ? 1 : 0,
      w.from === 0 ? 1 : 0,
      Math.log1p(text.split(/\s+/).length),
      joint.exact,
      joint.any,
      own.some((o) => o.rarest) || joint.rarest ? 1 : 0,
      previous,
      next,
      flags[3]!,
      flags[0]!,
      flags[1]!,
      flags[2]!,
      (w.passage.document.date ?? '') === (newest.get(g) ?? '') ? 1 : 0,
      translated,
      Math.min(8, question.concepts.length) / 8,
      ...CUES.map((c) => (cue === c ? 1 : 0)),
      ...CUES.map((c) => (cue === c && w.cueMet ? 1 : 0)),
      passageBest.get(w.passage.id) ?? 0,
      ...CUES.flatMap((c) => kinds.map((k) => (cue === c ? k : 0))),
      // "in 2024" asked: the window (or its table's header) says that year, or only other years.
      asked.length && asked.some((y) => yearsSaid.has(y)) ? 1 : 0,
      asked.length && yearsSaid.size > 0 && !asked.some((y) => yearsSaid.has(y)) ? 1 : 0,
    ];
  });
}

const at = (name: string) => FEATURE_NAMES.indexOf(name);

export const GATE_FEATURE_NAMES: readonly string[] = [
  'bestProbability',
  'marginToSecond',
  'ruleWouldAnswer',
  'ruleBestScore',
  'score',
  'coverage',
  'cueMet',
  'saysExact',
  'saysAny',
  'saysRarest',
  'bestSaysExact',
  'translated',
  'concepts',
  'windowRank',
];

/**
 * What the second stage sees to decide whether to answer at all: how sure the first stage is of its
 * window and by how much it beats the next, what the rules would do, and how much of the question the
 * chosen window says itself. `ruleThreshold` is the rules' old bar (a window holding the asked kind of
 * fact covering that share of the question).
 */
export function gateFeatures(features: readonly number[][], probabilities: readonly number[], ruleThreshold: number): { x: number[]; best: number } {
  let best = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[best]!) best = i;
  });
  const sorted = [...probabilities].sort((a, b) => b - a);
  const f = features[best] ?? new Array<number>(FEATURE_NAMES.length).fill(0);
  const ruleScores = features.filter((x) => x[at('cueMet')] === 1).map((x) => x[at('score')]!);
  const ruleBest = Math.max(0, ...ruleScores);
  const x = [
    sorted[0] ?? 0,
    (sorted[0] ?? 0) - (sorted[1] ?? 0),
    ruleBest >= ruleThreshold ? 1 : 0,
    ruleBest,
    f[at('score')]!,
    f[at('coverage')]!,
    f[at('cueMet')]!,
    f[at('saysExact')]!,
    f[at('saysAny')]!,
    f[at('saysRarest')]!,
    Math.max(0, ...features.map((w) => w[at('saysExact')]!)),
    f[at('translated')]!,
    f[at('concepts')]!,
    f[at('windowRank')]!,
  ];
  return { x, best };
}
