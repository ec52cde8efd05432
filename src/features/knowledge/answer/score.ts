import type { StoredSentence } from '../store/knowledge-store.js';
import { isTableRow, leadInIndex, periodParts, tableHeaderIndex } from './context.js';
import { definesTerm, namesRoleHolder, satisfiesCue } from './cues.js';
import { Lexicon } from './lexicon.js';
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
const pairPenalty = 0.95;
// The sentences around a window and a table row's header say what it is about, less directly.
const neighbourCredit = 0.4;
const headerCredit = 0.7;
// The question's main term must be said in the window, next to it or in its heading: at least as a neighbour's word counts.
const topicCredit = neighbourCredit;
const topicFactor = 0.75;
const refersBack = /\b(deze|dit|hiervan|daarvan|hiervoor|daarvoor|hierbij|daarbij)\b/i;
// A window about another year than the one asked ("in 2024") is not the answer.
const otherYearFactor = 0.4;

/**
 * The question's stems and, per sentence, how well the sentence covers each of them. A question
 * is scored against a few hundred sentences that share most of their words, so each distinct
 * document word is compared with the question's stems once per question, not once per sentence.
 */
class StemTable {
  private readonly index = new Map<string, number>();
  private readonly stems: string[] = [];
  private readonly concepts: { stem: number; phrases: number[][]; parts: number[] }[];
  // Per lexicon word: 0 not compared yet, -1 matches no stem (most words), n > 0 its scores in rows[n - 1].
  private readonly rowOf: Int32Array;
  private readonly rows: Float64Array[] = [];
  private readonly memos: Uint8Array[];
  // Scratch for coverage(): the best match per stem within one set of words.
  private readonly best: Float64Array;

  constructor(
    concepts: readonly Concept[],
    private readonly lexicon: Lexicon,
  ) {
    this.concepts = concepts.map((c) => ({ stem: this.add(c.stem), phrases: c.phrases.map((p) => p.map((s) => this.add(s))), parts: c.parts.map((s) => this.add(s)) }));
    this.best = new Float64Array(this.stems.length);
    this.rowOf = new Int32Array(lexicon.size);
    this.memos = this.stems.map((stem) => lexicon.memoFor(stem));
  }

  private add(stem: string): number {
    let i = this.index.get(stem);
    if (i === undefined) {
      i = this.stems.length;
      this.stems.push(stem);
      this.index.set(stem, i);
    }
    return i;
  }

  private compare(id: number): number {
    let row: Float64Array | undefined;
    for (let i = 0; i < this.stems.length; i += 1) {
      // stemMatch gives 0, 0.6, 0.8, 0.9 or 1: kept as 1 + tenths, 0 meaning not compared yet.
      let code = this.memos[i]![id]!;
      if (code === 0) code = this.memos[i]![id] = 1 + Math.round(10 * stemMatch(this.stems[i]!, this.lexicon.word(id)));
      const m = (code - 1) / 10;
      if (m > 0) (row ??= new Float64Array(this.stems.length))[i] = m;
    }
    if (row) this.rows.push(row);
    this.rowOf[id] = row ? this.rows.length : -1;
    return this.rowOf[id]!;
  }

  /**
   * 0..1 per concept: how much of it the words cover. The concept's own stem counts fully, an
   * alternative phrasing by the mean of its stems, compound parts alone for 0.6 of theirs.
   */
  coverage(ids: Int32Array): number[] {
    const best = this.best.fill(0);
    for (let n = 0; n < ids.length; n += 1) {
      const id = ids[n]!;
      let r = this.rowOf[id]!;
      if (r === 0) r = this.compare(id);
      if (r < 0) continue;
      const row = this.rows[r - 1]!;
      for (let i = 0; i < row.length; i += 1) if (row[i]! > best[i]!) best[i] = row[i]!;
    }
    const mean = (stems: number[]) => stems.reduce((sum, i) => sum + best[i]!, 0) / stems.length;
    return this.concepts.map((c) => {
      let score = best[c.stem]!;
      if (score === 1) return 1;
      for (const phrase of c.phrases) if (phrase.length > 0) score = Math.max(score, mean(phrase));
      if (c.parts.length > 0) score = Math.max(score, 0.6 * mean(c.parts));
      return score;
    });
  }
}

export interface ScoreOptions {
  /** The knowledge base's numbering of document words, kept between questions; a fresh one by default. */
  lexicon?: Lexicon;
  /** Added to every window's score of a document (a slight preference for newer documents). */
  documentBonus?: (documentId: number) => number;
}

/** Scores every window of one or two adjacent sentences of the candidate passages, best first. */
export function scoreWindows(question: AnalyzedQuestion, passages: readonly ScoringPassage[], options: ScoreOptions = {}): ScoredWindow[] {
  const total = question.concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return [];
  const lexicon = options.lexicon ?? new Lexicon();
  const numbered = passages.map((p) => ({ sentences: p.sentences.map((s) => lexicon.idsOf(s.lexemes)), title: lexicon.idsOf(p.titleLexemes), documentTitle: lexicon.idsOf(p.documentTitleLexemes) }));
  const table = new StemTable(question.concepts, lexicon);
  const windows: ScoredWindow[] = [];
  // The words that name what is asked about. Not the word "gemeente": every letterhead holds it, so it defines
  // nothing ("Wat verstaat de gemeente onder …"); the gemeente's own name never becomes a concept.
  const askedWords = question.concepts.map((c) => c.word).filter((w) => !/^gemeente/.test(w));
  const years = question.years ?? [];
  const askedParts = periodParts(question.text);
  // The question's main term ("buurtbemiddeling" in "Wat kost buurtbemiddeling per jaar?").
  // An answer that covers the other words but not this one, nor in its heading or next to it, is about something else.
  const topic = question.topic ?? -1;
  passages.forEach((passage, p) => {
    const ids = numbered[p]!;
    const perSentence = ids.sentences.map((s) => table.coverage(s));
    const inTitle = table.coverage(ids.title);
    const inDocumentTitle = table.coverage(ids.documentTitle);
    // Whether each sentence holds the asked kind of fact, once per sentence rather than per window.
    // A section headed "Aanleiding" or "Waarom …" gives reasons, whatever words its sentences use.
    const reasonSection = question.cue === 'reason' && /\b(aanleiding|reden|redenen|waarom|achtergrond|motivering|probleemstelling)\b/i.test(passage.sectionTitle);
    // Such a section gives the reasons for what the document is about: its title counts as the section's heading.
    const fromTitle = question.concepts.map((_, k) => Math.max(titleCredit * inTitle[k]!, (reasonSection ? titleCredit : documentTitleCredit) * inDocumentTitle[k]!));
    // "Wie is de burgemeester …": a sentence that only mentions the role ("evalueert de burgemeester de inzet") does not say who holds it.
    const role = question.askedRole;
    const cueBySentence = passage.sentences.map((s) =>
      role
        ? namesRoleHolder(s.text, role)
        : question.cue === 'definition'
          ? definesTerm(s.text, askedWords, passage.sectionTitle)
          : reasonSection || satisfiesCue(s.text, question.cue, question.countedStem, askedWords, Boolean(s.item), years),
    );
    const headers = passage.sentences.map((_, i) => tableHeaderIndex(passage.sentences, i));
    // A list item or table row also says what its lead-in says ("Het college besluit:", "Tabel 2 geeft de verdeling").
    const leads = passage.sentences.map((_, i) => leadInIndex(passage.sentences, i));
    // A table row holds the number asked when its header or its label names what is counted ("Urenschatting", "Woninginbraken").
    if (question.cue === 'number' && question.countedStem) {
      const stems = question.countedStem.split('|').map((c) => c.slice(0, Math.max(3, c.length - 1)));
      passage.sentences.forEach((row, i) => {
        if (cueBySentence[i] || !isTableRow(row)) return;
        const h = headers[i];
        const words = [...(h !== undefined ? passage.sentences[h]!.lexemes : []), ...row.lexemes];
        cueBySentence[i] = /\d/.test(row.text) && words.some((w) => stems.some((stem) => w.includes(stem)));
      });
    }
    // "het tweede halfjaar": a sentence about another part of the year is not about the one asked.
    const partsOf = askedParts.size ? passage.sentences.map((x) => periodParts(x.text)) : [];
    const contextYears = years.length ? new Set([...passage.titleLexemes, ...passage.documentTitleLexemes].filter((l) => years.includes(l))) : undefined;
    const verbAnswered = ((question.cue === 'number' && Boolean(question.countedStem)) || question.cue === 'definition') && !role;
    const bonus = options.documentBonus?.(passage.documentId) ?? 0;
    const n = passage.sentences.length;
    for (let i = 0; i < n; i += 1) {
      for (let j = i; j <= i + 1 && j < n; j += 1) {
        const header = headers[i] ?? headers[j];
        const lead = leads[i] ?? leads[j];
        let covered = 0;
        let topicNear = 1;
        for (let k = 0; k < question.concepts.length; k += 1) {
          let m = Math.max(fromTitle[k]!, perSentence[i]![k]!, perSentence[j]![k]!);
          if (i > 0) m = Math.max(m, neighbourCredit * perSentence[i - 1]![k]!);
          if (j + 1 < n) m = Math.max(m, neighbourCredit * perSentence[j + 1]![k]!);
          if (header !== undefined) m = Math.max(m, headerCredit * perSentence[header]![k]!);
          if (lead !== undefined) m = Math.max(m, headerCredit * perSentence[lead]![k]!);
          // "Hoeveel straatcoaches zet Ravenvliet in?": a sentence counting the straatcoaches answers, whatever verb it counts them with;
          // "Wat houdt … in?": a sentence defining the term answers whatever verb it defines it with.
          if (verbAnswered && question.concepts[k]!.verb && (cueBySentence[i] || cueBySentence[j])) m = 1;
          // A passage's first sentence that refers back ("De verhoging van deze gelden …") may name the main term by reference.
          if (k === topic && m < topicCredit && !(i === 0 && refersBack.test(passage.sentences[0]!.text))) topicNear = topicFactor;
          covered += question.concepts[k]!.weight * m;
        }
        const coverage = covered / total;
        const cueMet = cueBySentence[i]! || cueBySentence[j]!;
        let score = coverage * (j > i ? pairPenalty : 1) * (cueMet ? 1 : 0.6) * topicNear + bonus;
        if (askedParts.size) {
          const said = new Set([...partsOf[i]!, ...partsOf[j]!]);
          if (said.size && ![...askedParts].some((p) => said.has(p))) score *= otherYearFactor;
        }
        if (contextYears && years.some((y) => !contextYears.has(y))) {
          const near = [i - 1, i, j, header].filter((x): x is number => x !== undefined && x >= 0).flatMap((x) => passage.sentences[x]!.lexemes);
          if (years.some((y) => !contextYears.has(y) && !near.includes(y))) score *= otherYearFactor;
        }
        windows.push({ passageId: passage.id, documentId: passage.documentId, from: i, to: j, coverage, cueMet, score });
      }
    }
  });
  return windows.sort((a, b) => b.score - a.score);
}
