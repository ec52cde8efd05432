import type { StoredSentence } from '../store/knowledge-store.js';
import { satisfiesCue } from './cues.js';
import type { AnalyzedQuestion, Concept } from './question.js';

/** How well a document stem stands for a question stem: exact, prefix, compound part or shared root. */
export function stemMatch(q: string, d: string): number {
  if (q === d) return 1;
  if (q.length >= 4 && d.startsWith(q)) return 0.9;
  if (q.length >= 5 && d.endsWith(q)) return 0.8;
  if (d.length >= 5 && (q.endsWith(d) || q.startsWith(d))) return 0.6;
  const qq = q.startsWith('ge') && q.length > 7 ? q.slice(2) : q;
  const dd = d.startsWith('ge') && d.length > 7 ? d.slice(2) : d;
  let common = 0;
  while (common < qq.length && common < dd.length && qq[common] === dd[common]) common += 1;
  if (common >= 5 && common >= 0.7 * Math.min(qq.length, dd.length)) return 0.6;
  return 0;
}

function bestIn(stem: string, lexemes: readonly string[]): number {
  let best = 0;
  for (const l of lexemes) {
    const m = stemMatch(stem, l);
    if (m > best) best = m;
    if (best === 1) break;
  }
  return best;
}

/** 0..1: how much of a concept a set of stems covers. */
export function conceptMatch(concept: Concept, lexemes: readonly string[]): number {
  let best = bestIn(concept.stem, lexemes);
  if (best === 1) return 1;
  for (const phrase of concept.phrases) {
    const score = phrase.reduce((sum, s) => sum + bestIn(s, lexemes), 0) / phrase.length;
    best = Math.max(best, score);
  }
  if (concept.parts.length > 0) {
    // Only part of a compound ("beleid" for "veiligheidsbeleid"): partial credit.
    const partScore = (0.6 * concept.parts.reduce((sum, s) => sum + bestIn(s, lexemes), 0)) / concept.parts.length;
    best = Math.max(best, partScore);
  }
  return best;
}

export interface ScoredWindow {
  passageId: number;
  documentId: number;
  /** Indexes of the window's sentences in the passage. */
  from: number;
  to: number;
  /** Weighted share of the question's concepts the window covers (0..1). */
  coverage: number;
  cueMet: boolean;
  score: number;
}

export interface ScoringPassage {
  id: number;
  documentId: number;
  sectionTitle: string;
  titleLexemes: readonly string[];
  /** Stems of the document's title: what the whole document is about. */
  documentTitleLexemes: readonly string[];
  sentences: readonly StoredSentence[];
}

// Section titles tell what a passage is about, but less precisely than the sentence itself.
const titleCredit = 0.7;
const documentTitleCredit = 0.6;
// A two-sentence window must cover clearly more to beat one sentence.
const pairPenalty = 0.9;

/** Scores every window of one or two adjacent sentences of the candidate passages. */
export function scoreWindows(question: AnalyzedQuestion, passages: readonly ScoringPassage[]): ScoredWindow[] {
  const total = question.concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return [];
  const windows: ScoredWindow[] = [];
  const askedWords = question.concepts.map((c) => c.word);
  for (const passage of passages) {
    const perSentence = passage.sentences.map((s) => question.concepts.map((c) => conceptMatch(c, s.lexemes)));
    const fromTitle = question.concepts.map((c) => Math.max(titleCredit * conceptMatch(c, passage.titleLexemes), documentTitleCredit * conceptMatch(c, passage.documentTitleLexemes)));
    // Whether each sentence holds the asked kind of fact, once per sentence rather than per window.
    const cueBySentence = passage.sentences.map((s) => satisfiesCue(s.text, question.cue, question.countedStem, askedWords));
    for (let i = 0; i < passage.sentences.length; i += 1) {
      for (const j of [i, i + 1]) {
        if (j >= passage.sentences.length) continue;
        let covered = 0;
        for (let k = 0; k < question.concepts.length; k += 1) {
          const m = Math.max(fromTitle[k]!, perSentence[i]![k]!, perSentence[j]![k]!);
          covered += question.concepts[k]!.weight * m;
        }
        const coverage = covered / total;
        const cueMet = cueBySentence[i]! || cueBySentence[j]!;
        const score = coverage * (j > i ? pairPenalty : 1) * (cueMet ? 1 : 0.6);
        windows.push({ passageId: passage.id, documentId: passage.documentId, from: i, to: j, coverage, cueMet, score });
      }
    }
  }
  return windows.sort((a, b) => b.score - a.score);
}
