import type { Locale } from '../../i18n/catalogue.js';
import type { Db } from '../../store/db.js';
import { announcedCount, ordinalWord } from './answer/cues.js';
import { Lexicon } from './answer/lexicon.js';
import { analyzeQuestion, wordsToStem, type AnalyzedQuestion } from './answer/question.js';
import { loadQueryLexicon, type QueryLexicon } from './answer/query-lexicon.js';
import { type AnswerModel, answerModel } from './answer/answer-model.js';
import { TypoIndex } from './answer/typo-index.js';
import { scoreWindows, type ScoredWindow, type ScoringPassage } from './answer/score.js';
import { loadGlossary, type Glossary } from './glossary.js';
import { ingestDocument, type IngestResult, type IngestSource } from './ingest.js';
import {
  anyOfQuery,
  deleteDocument,
  documentFrequencies,
  documentPassages,
  documentsByTitle,
  knowledgeVersion,
  listDocumentRows,
  passagesById,
  queryTerms,
  rankPassages,
  stemWords,
  type KnowledgeDocument,
  type PassageRow,
  type SearchTerm,
  type StoredSentence,
} from './store/knowledge-store.js';
import type { BlockKind } from '../../documents/index.js';
import type { PassageKind } from './passages.js';
import { commonCompoundParts } from './text/compounds.js';
import { tokenize } from './text/normalize.js';

/** A passage found for a question, with its document's metadata and the sentences that answer best. */
export interface Passage {
  id: number;
  document: KnowledgeDocument;
  sectionTitle: string;
  /** The headings above the passage, outermost first. */
  headingPath: readonly string[];
  kind: PassageKind;
  /** The passages before and after it in reading order, to widen a quote (null at the document's ends). */
  previousId: number | null;
  nextId: number | null;
  position: number;
  text: string;
  sentences: readonly StoredSentence[];
  /** 0..1: the share of the question the best one or two sentences cover, lowered when the kind of fact asked (a date, a number) is missing. */
  score: number;
  /** The best window of sentences (indexes into `sentences`, inclusive). */
  best: { from: number; to: number; coverage: number; cueMet: boolean };
}

export interface RetrieveOptions {
  /** Only this gemeente's documents; by default the gemeente the question names, if any. */
  gemeente?: string | null;
  limit?: number;
}

export interface DocumentSection {
  index: number;
  title: string;
  headingPath: string[];
  passages: { id: number; text: string; sentences: string[] }[];
  /** The section's paragraphs, list items and table rows, with the sentences stored for them. */
  blocks: { kind: BlockKind; sentences: string[] }[];
}

export interface SearchHit {
  document: KnowledgeDocument;
  passages: { id: number; sectionTitle: string; excerpt: string; score: number }[];
}

export interface ScoredQuestion {
  analysis: AnalyzedQuestion;
  passages: Passage[];
  windows: (ScoredWindow & { passage: Passage })[];
}

// How many passages the full-text query hands to sentence scoring.
const candidateLimit = 40;
// Headings of sections that give reasons (see score.ts: a why-question is answered by their sentences).
const reasonHeading = /\b(aanleiding|reden|redenen|waarom|achtergrond|motivering|probleemstelling)\b/i;
const reasonHeadings: SearchTerm[] = ['aanleiding', 'reden', 'waarom', 'achtergrond', 'motivering', 'probleemstelling'].map((word) => ({ word, prefix: false }));
// How often the caches ask the store whether documents were added by another process.
const freshnessMs = 5_000;

interface CacheState {
  version: string;
  checkedAt: number;
  documents: KnowledgeDocument[];
  byId: Map<number, KnowledgeDocument>;
  gemeenten: string[];
  df: Map<string, number>;
  passageCount: number;
  /** Stems of each document's title. */
  titleLexemes: Map<number, string[]>;
  /** Each document's date as a 0..1 rank (newest 1), to prefer newer documents on a tie. */
  recency: Map<number, number>;
  /** The passages' stems by trigram, for mistyped question words; built on the first question that needs it. */
  typos?: TypoIndex;
}

/**
 * The knowledge base on one store: retrieval, document listing and the caches that keep a
 * question to two indexed queries. The app builds one per store (src/app/features.ts) so its caches are shared; answers are composed in answer-offline.ts.
 */
export class KnowledgeBase {
  private state: CacheState | undefined;
  private loading: Promise<CacheState> | undefined;
  private readonly stemCache = new Map<string, string | null>();
  // Each search word as a tsquery operand: the Dutch analysis runs once per word, not per question.
  private readonly termCache = new Map<string, { exact: string; prefix: string } | null>();
  // Passage contents only change with an ingest: keep them, so a question costs one indexed query.
  private readonly passageCache = new Map<number, Omit<PassageRow, 'rank'>>();
  private lexicon = new Lexicon();
  readonly glossary: Glossary;
  readonly queryLexicon: QueryLexicon = loadQueryLexicon();
  // Read when the knowledge base is built, so that a model file that no longer fits the code stops start-up.
  readonly answerModel: AnswerModel;
  private readonly vocabulary: Set<string>;

  /** `answerModel`: the trainer extracts windows with an untrained model, before a model file fits the features. */
  constructor(
    readonly db: Db,
    options: { answerModel?: AnswerModel } = {},
  ) {
    this.answerModel = options.answerModel ?? answerModel();
    this.glossary = loadGlossary();
    this.vocabulary = new Set([...commonCompoundParts(), ...this.glossary.words]);
  }

  /** Drops the caches (after an ingest in this process). */
  invalidate(): void {
    this.state = undefined;
    this.clearPassages();
  }

  private clearPassages(): void {
    this.passageCache.clear();
    this.lexicon = new Lexicon();
  }

  /** The tsquery for the terms, analysing only words not seen before. */
  private async anyOf(terms: readonly SearchTerm[]): Promise<string> {
    await this.analyseWords(
      this.termCache,
      terms.map((t) => t.word),
      (missing) => queryTerms(this.db, missing),
    );
    return anyOfQuery(terms, this.termCache);
  }

  /**
   * Fills a cache of the store's analysis of words (stems, tsquery operands) for the words it does
   * not hold yet, in one query; a word the store gives nothing for is remembered as null.
   */
  private async analyseWords<V>(cache: Map<string, V | null>, words: readonly string[], analyse: (missing: string[]) => Promise<Map<string, V | null>>): Promise<void> {
    const missing = [...new Set(words)].filter((w) => !cache.has(w));
    if (missing.length === 0) return;
    const found = await analyse(missing);
    if (cache.size > 20_000) cache.clear();
    for (const w of missing) cache.set(w, found.get(w) ?? null);
  }

  /** Passages matching any of the words, best first, their contents from the cache where possible. */
  private async search(terms: readonly SearchTerm[], options: { documentIds?: readonly number[]; limit: number }): Promise<PassageRow[]> {
    const query = await this.anyOf(terms);
    if (!query) return [];
    const ranked = await rankPassages(this.db, query, options);
    const missing = ranked.filter((r) => !this.passageCache.has(r.id)).map((r) => r.id);
    if (missing.length) {
      if (this.passageCache.size > 5_000) this.clearPassages();
      for (const row of await passagesById(this.db, missing)) this.passageCache.set(row.id, row);
    }
    return ranked.flatMap((r) => {
      const row = this.passageCache.get(r.id);
      return row ? [{ ...row, rank: r.rank }] : [];
    });
  }

  private async load(): Promise<CacheState> {
    const version = await knowledgeVersion(this.db);
    const documents = await listDocumentRows(this.db);
    const { df, passages } = await documentFrequencies(this.db);
    const dated = [...documents].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const recency = new Map(dated.map((d, i) => [d.id, dated.length > 1 ? i / (dated.length - 1) : 1] as const));
    const gemeenten = [...new Set(documents.map((d) => d.gemeente).filter((g): g is string => Boolean(g)))].sort((a, b) => b.length - a.length);
    const titleWords = new Map(documents.map((d) => [d.id, tokenize(d.title)] as const));
    const stems = await this.stems([...new Set([...titleWords.values()].flat())]);
    const titleLexemes = new Map([...titleWords].map(([id, words]) => [id, words.map((w) => stems.get(w)).filter((s): s is string => Boolean(s))] as const));
    return { version, checkedAt: Date.now(), titleLexemes, documents, byId: new Map(documents.map((d) => [d.id, d])), gemeenten, df, passageCount: passages, recency };
  }

  private async cache(): Promise<CacheState> {
    const state = this.state;
    if (state && Date.now() - state.checkedAt < freshnessMs) return state;
    if (state) {
      const version = await knowledgeVersion(this.db);
      if (version === state.version) {
        state.checkedAt = Date.now();
        return state;
      }
      this.clearPassages();
    }
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    this.state = await this.loading;
    return this.state;
  }

  private async stems(words: readonly string[]): Promise<Map<string, string | null>> {
    await this.analyseWords(this.stemCache, words, (missing) => stemWords(this.db, missing));
    return new Map(words.map((w) => [w, this.stemCache.get(w) ?? null]));
  }

  async analyze(question: string): Promise<{ analysis: AnalyzedQuestion; state: CacheState }> {
    const state = await this.cache();
    const stems = await this.stems(wordsToStem(question, this.glossary, this.queryLexicon));
    const analysis = analyzeQuestion(question, {
      glossary: this.glossary,
      lexicon: this.queryLexicon,
      // A document title's words are words a question may mistype too ("alcholverbod" for the title's "alcoholverbod").
      correct: (stem) => (state.typos ??= new TypoIndex(new Set([...state.df.keys(), ...[...state.titleLexemes.values()].flat()]), (w) => state.df.get(w) ?? 0)).closest(stem),
      gemeenten: state.gemeenten,
      stems,
      vocabulary: this.vocabulary,
      documentFrequency: (stem) => state.df.get(stem) ?? 0,
      passageCount: state.passageCount,
    });
    return { analysis, state };
  }

  /** The words to search for, leaving out words in most passages when rarer ones exist; longer words also as a prefix. */
  private searchTerms(analysis: AnalyzedQuestion, state: CacheState): SearchTerm[] {
    const words = analysis.searchWords;
    const common = (w: string) => {
      const stem = this.stemCache.get(w);
      return stem ? (state.df.get(stem) ?? 0) > state.passageCount * 0.5 : false;
    };
    const selective = words.filter((w) => !common(w));
    const chosen = selective.length ? selective : words;
    return chosen.map((word) => ({ word, prefix: word.length >= 5 && !/^\d+$/.test(word) }));
  }

  private toPassage(row: Omit<PassageRow, 'rank'>, state: CacheState): Passage | undefined {
    const document = state.byId.get(row.documentId);
    if (!document) return undefined;
    return {
      id: row.id,
      document,
      sectionTitle: row.sectionTitle,
      headingPath: row.headingPath,
      kind: row.kind,
      previousId: row.previousId,
      nextId: row.nextId,
      position: row.position,
      text: row.text,
      sentences: row.sentences,
      score: 0,
      best: { from: 0, to: 0, coverage: 0, cueMet: false },
    };
  }

  /** Scores a question against the documents: the analysis, the passages and every sentence window, best first. */
  async score(question: string, options: RetrieveOptions = {}): Promise<ScoredQuestion> {
    const { analysis, state } = await this.analyze(question);
    const gemeente = options.gemeente !== undefined ? options.gemeente : analysis.gemeente;
    if (analysis.concepts.length === 0 || state.passageCount === 0) return { analysis, passages: [], windows: [] };
    const documentIds = gemeente ? state.documents.filter((d) => d.gemeente === gemeente).map((d) => d.id) : undefined;
    if (documentIds && documentIds.length === 0) return { analysis, passages: [], windows: [] };
    const terms = this.searchTerms(analysis, state);
    if (!terms.length) return { analysis, passages: [], windows: [] };
    const rows = await this.search(terms, { ...(documentIds ? { documentIds } : {}), limit: candidateLimit });
    // A why-question's answer often stands under "Aanleiding" without the subject's words, which the document's title names:
    // the reason sections of the documents found are candidates too.
    if (analysis.cue === 'reason' && rows.length) {
      const found = [...new Set(rows.slice(0, 10).map((r) => r.documentId))];
      const seen = new Set(rows.map((r) => r.id));
      for (const r of await this.search(reasonHeadings, { documentIds: found, limit: 10 })) if (!seen.has(r.id) && reasonHeading.test(r.sectionTitle)) rows.push(r);
    }
    const passages = rows.map((r) => this.toPassage(r, state)).filter((p): p is Passage => Boolean(p));
    const scoring: ScoringPassage[] = rows.map((r) => ({
      id: r.id,
      documentId: r.documentId,
      sectionTitle: r.sectionTitle,
      titleLexemes: r.titleLexemes,
      documentTitleLexemes: state.titleLexemes.get(r.documentId) ?? [],
      sentences: r.sentences,
    }));
    const byId = new Map(passages.map((p) => [p.id, p]));
    const windows: ScoredQuestion['windows'] = [];
    for (const w of scoreWindows(analysis, scoring, { lexicon: this.lexicon, documentBonus: (id) => 0.02 * (state.recency.get(id) ?? 0) })) {
      const passage = byId.get(w.passageId);
      if (passage) windows.push(Object.assign(w, { passage }));
    }
    for (const w of windows) {
      const p = w.passage;
      if (w.score > p.score) {
        p.score = w.score;
        p.best = { from: w.from, to: w.to, coverage: w.coverage, cueMet: w.cueMet };
      }
    }
    passages.sort((a, b) => b.score - a.score);
    return { analysis, passages, windows };
  }

  /**
   * The passages that best answer a question, best first, with document metadata: the shared
   * retrieval for the offline answer and for an LLM answerer.
   */
  async retrieve(question: string, options: RetrieveOptions = {}): Promise<Passage[]> {
    const { passages } = await this.score(question, options);
    return passages.filter((p) => p.score > 0).slice(0, options.limit ?? 8);
  }

  async listDocuments(): Promise<KnowledgeDocument[]> {
    return (await this.cache()).documents;
  }

  async gemeenten(): Promise<string[]> {
    return [...(await this.cache()).gemeenten].sort();
  }

  /** Documents whose title is closest to the text ("samenvatting van de planning beleidsplan"), closest first. */
  async findDocumentsByTitle(text: string, limit = 5): Promise<KnowledgeDocument[]> {
    const state = await this.cache();
    const found = await documentsByTitle(this.db, text.slice(0, 300), limit);
    return found.map((f) => state.byId.get(f.id)).filter((d): d is KnowledgeDocument => Boolean(d));
  }

  /** A document's sections with their passages, blocks and sentences, in reading order, as stored (for summaries and the digest). */
  async getDocumentSections(documentId: number): Promise<DocumentSection[]> {
    const rows = await documentPassages(this.db, documentId);
    const marked = rows.some((r) => r.sentences.some((s) => s.blockStart));
    const sections: DocumentSection[] = [];
    for (const row of rows) {
      let section = sections[sections.length - 1];
      if (!section || section.index !== row.sectionIndex) {
        section = { index: row.sectionIndex, title: row.sectionTitle, headingPath: row.headingPath, passages: [], blocks: [] };
        sections.push(section);
      }
      section.passages.push({ id: row.id, text: row.text, sentences: row.sentences.map((s) => s.text) });
      row.sentences.forEach((s, i) => {
        const kind: BlockKind = s.kind ?? (s.item ? 'list' : 'paragraph');
        const last = section.blocks[section.blocks.length - 1];
        // Passages stored before the document model have no block marks: an item is a block, running text one block per passage.
        const starts = marked ? Boolean(s.blockStart) : Boolean(s.item) || i === 0 || last?.kind !== 'paragraph';
        if (!starts && last) last.sentences.push(s.text);
        else section.blocks.push({ kind, sentences: [s.text] });
      });
    }
    return sections;
  }

  /** Documents matching a search box query, each with its best passages; all documents for an empty query. */
  async searchDocuments(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const state = await this.cache();
    if (!tokenize(query).length) return state.documents.map((document) => ({ document, passages: [] }));
    const passages = await this.retrieve(query.slice(0, 500), { gemeente: null, limit: 30 });
    const hits = new Map<number, SearchHit>();
    for (const p of passages) {
      const hit = hits.get(p.document.id) ?? { document: p.document, passages: [] };
      if (hit.passages.length < 3) {
        const excerpt = p.sentences
          .slice(p.best.from, p.best.to + 1)
          .map((s) => s.text)
          .join(' ');
        hit.passages.push({ id: p.id, sectionTitle: p.sectionTitle, excerpt, score: p.score });
      }
      hits.set(p.document.id, hit);
    }
    for (const d of await this.findDocumentsByTitle(query, 3)) if (!hits.has(d.id)) hits.set(d.id, { document: d, passages: [] });
    return [...hits.values()].slice(0, options.limit ?? 20);
  }

  async ingest(source: IngestSource): Promise<IngestResult> {
    // The stems of words seen before come from the cache: a batch of documents asks the store for new words only.
    const result = await ingestDocument(this.db, source, (words) => this.stems(words));
    if (result.status !== 'unchanged') this.invalidate();
    return result;
  }

  async remove(documentId: number): Promise<boolean> {
    const removed = await deleteDocument(this.db, documentId);
    this.invalidate();
    return removed;
  }

  /** Passages of the given documents matching any of the words: for overviews such as current priorities. */
  async passagesOf(documentIds: readonly number[], words: readonly string[]): Promise<Passage[]> {
    const state = await this.cache();
    const rows = await this.search(
      words.map((word) => ({ word, prefix: true })),
      { documentIds, limit: candidateLimit },
    );
    return rows.map((r) => this.toPassage(r, state)).filter((p): p is Passage => Boolean(p));
  }

  async stemsOf(words: readonly string[]): Promise<Map<string, string | null>> {
    return this.stems(words);
  }
}

/**
 * The sentences to quote for a window: the window itself, plus the list it announces
 * ("De algemene doelen zijn:" → its items; "twee speerpunten" → up to the sentence with "tweede").
 */
export function quotedSentences(passage: Pick<Passage, 'sentences'>, from: number, to: number, asksList: boolean, withFollowingList = false): StoredSentence[] {
  const sentences = passage.sentences;
  const chosen = sentences.slice(from, to + 1);
  const last = chosen[chosen.length - 1]!;
  let next = to + 1;
  if (/:\s*$/.test(last.text) || (withFollowingList && !last.item && sentences[next]?.item)) {
    let added = 0;
    // Items, or (where the list lost its bullets) the short lines that go on with ";" or "," until one ends the list.
    const goesOn = () => /[;,]\s*$/.test(chosen[chosen.length - 1]!.text);
    while (next < sentences.length && added < 10 && (sentences[next]!.item || added === 0 || goesOn())) {
      chosen.push(sentences[next]!);
      next += 1;
      added += 1;
    }
    return chosen;
  }
  const count = announcedCount(chosen.map((s) => s.text).join(' '));
  if (asksList && count && count <= 6) {
    const ordinal = ordinalWord(count);
    for (let added = 0; next < sentences.length && added < count + 2; added += 1, next += 1) {
      const s = sentences[next]!;
      chosen.push(s);
      if (ordinal && new RegExp(`\\b${ordinal}\\b`, 'i').test(s.text)) break;
    }
  }
  return chosen;
}

export type { KnowledgeDocument, StoredSentence, IngestResult, IngestSource, Locale };
