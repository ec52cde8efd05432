import { catalogue, format, type Locale } from '../../i18n/catalogue.js';
import { buildCitations, citationEntity, type CitationEntity, type CitationSource, type Claim } from './answer/citations.js';
import type { AnalyzedQuestion } from './answer/question.js';
import { definitionAsked, explain } from './glossary.js';
import { quotedSentences, type KnowledgeBase, type Passage } from './knowledge-base.js';
import type { KnowledgeDocument, StoredSentence } from './store/knowledge-store.js';
import { fold, MONTHS, tokenize } from './text/normalize.js';
import { chooseWindow } from './answer/answer-model.js';
import { leansOnPrevious, tableHeaderIndex } from './answer/context.js';
import { plainQuote, renderQuote, safeMarkdown, withYear } from './reply-format.js';

export interface OfflineAnswer {
  kind: 'answer' | 'glossary' | 'priorities' | 'abstain' | 'no-question' | 'too-long';
  /** Markdown text for Teams; `[n]` markers match `citations[n-1].position`. */
  text: string;
  citations: Claim[];
  /** The one root entity to attach, when there are citations. */
  entity?: CitationEntity;
  abstained: boolean;
  /** The passages the answer quotes, in citation order. */
  passages: Passage[];
  /** The whole quoted text per citation, in citation order (the priorities overview; the dashboard tab shows it). */
  quotes?: string[];
}

export const MAX_QUESTION_CHARS = 1000;
/**
 * Below this confidence of the answer model's gate the documents do not hold the answer. Chosen on the
 * development sets, each left out of training in turn (see tests/knowledge/eval/README.md for the trade-off).
 */
export const ANSWER_THRESHOLD = 0.5;
// Windows within this probability of the chosen one answer about as well; the newest document's is quoted.
const CLOSE_MARGIN = 0.1;
// An older document's window this close to the chosen one (and at least this likely) is a competing answer,
// named as older when its figures differ.
const OLDER_MARGIN = 0.3;
const OLDER_FLOOR = 0.3;

export { safeMarkdown } from './reply-format.js';

function sourceLabel(document: KnowledgeDocument, locale: Locale): string {
  const t = catalogue(locale).knowledge;
  return format(t.sourceLabel, { title: `*${safeMarkdown(document.title)}*`, gemeente: document.gemeente ?? t.unknownGemeente });
}

interface Fact {
  passage: Passage;
  sentences: StoredSentence[];
  /** An older document that says otherwise: named as older, after the newer one. */
  older?: boolean;
}

const monthNames = { nl: MONTHS, en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] } as const;

function longDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${monthNames[locale === 'en' ? 'en' : 'nl'][(m ?? 1) - 1]} ${y}`;
}

// "1 maart", "in oktober" without a year anywhere in the quote: the reader needs the document's date to place it.
const dayMonth = new RegExp(`\\b(\\d{1,2}\\s+(${MONTHS.join('|')})|in\\s+(${MONTHS.join('|')}))\\b`, 'i');

function compose(facts: readonly Fact[], locale: Locale, heading?: string, datesNeedYear = false): { text: string; sources: CitationSource[] } {
  const t = catalogue(locale).knowledge;
  const sources: CitationSource[] = facts.map((f) => ({ document: f.passage.document, excerpt: f.sentences.map((s) => s.text).join(' '), sectionTitle: f.passage.sectionTitle }));
  const blocks = facts.map((f, i) => {
    const source = sourceLabel(f.passage.document, locale);
    const date = f.passage.document.date;
    const lead = f.older && date ? format(t.accordingOlder, { source, date: longDate(date, locale) }) : format(t.according, { source });
    // A day and month get the document's year in the quote itself; a bare month ("in oktober") is dated after it.
    const quote = withYear(f.sentences.map((s) => s.text).join(' '), date);
    const dated = datesNeedYear && date && dayMonth.test(quote) && !/\b(19|20)\d\d\b/.test(quote) ? `${format(t.documentDated, { date: longDate(date, locale) })} ` : '';
    return `${lead} ${renderQuote(f.sentences, `${dated}[${i + 1}]`, date)}`;
  });
  const note = locale === 'en' && t.quotedInDutch ? `\n\n_${t.quotedInDutch}_` : '';
  return { text: [heading, ...blocks].filter(Boolean).join('\n\n') + note, sources };
}

function withCitations(kind: OfflineAnswer['kind'], text: string, sources: CitationSource[], passages: Passage[]): OfflineAnswer {
  const citations = buildCitations(sources);
  return { kind, text, citations, ...(citations.length ? { entity: citationEntity(citations) } : {}), abstained: false, passages };
}

/** The refusal when the documents do not hold the answer (also when an LLM read the passages and found none). */
export function abstention(locale: Locale, gemeente: string | null): OfflineAnswer {
  return abstain(locale, gemeente);
}

function abstain(locale: Locale, gemeente: string | null, kind: OfflineAnswer['kind'] = 'abstain'): OfflineAnswer {
  const t = catalogue(locale).knowledge;
  const text = kind === 'no-question' ? t.noQuestion : gemeente ? format(t.abstainGemeente, { gemeente }) : t.abstain;
  return { kind, text, citations: [], abstained: true, passages: [] };
}

const priorityWords = /\b(prioriteit(en)?|speerpunt(en)?|priorit(y|ies)|focus|accenten)\b/i;
const currentWords = /\b(huidige?|actuele?|nu|dit jaar|momenteel|belangrijkste|current|now|this year|main)\b/i;
const policyStems = new Set([
  'beleid',
  'veilig',
  'veiligheid',
  'integral',
  'integraal',
  'gemeent',
  'gemeente',
  'polic',
  'policy',
  'safety',
  'veiligheidsbeleid',
  'prioriteit',
  'speerpunt',
  'priorities',
  'priority',
  'focus',
  'huidig',
  'current',
  'actuel',
  'jar',
  'year',
]);

/** "Wat zijn de huidige prioriteiten?", "Prioriteiten van Hengelo?": an overview rather than one fact. */
export function asksForPriorities(analysis: AnalyzedQuestion): boolean {
  // "Waarom is X geen speerpunt?" asks for a reason, not for the overview.
  if (!priorityWords.test(analysis.text) || analysis.cue === 'reason') return false;
  if (currentWords.test(analysis.text)) return true;
  return analysis.concepts.every((c) => policyStems.has(c.stem) || policyStems.has(c.word));
}

/**
 * The offline (no-LLM) answer to a policy question: a glossary definition, the current-priorities
 * overview, or the best sentences from the documents with Teams citations; a plain refusal when
 * the documents do not hold the answer.
 */
export async function answerOffline(kb: KnowledgeBase, question: string, locale: Locale, options: { threshold?: number } = {}): Promise<OfflineAnswer> {
  const threshold = options.threshold ?? ANSWER_THRESHOLD;
  const t = catalogue(locale).knowledge;
  const text = question.trim();
  if (text.length > MAX_QUESTION_CHARS) return { kind: 'too-long', text: format(t.tooLong, { max: MAX_QUESTION_CHARS }), citations: [], abstained: true, passages: [] };
  if (tokenize(text).length === 0) return abstain(locale, null, 'no-question');

  const entry = definitionAsked(text, kb.glossary);
  if (entry) {
    return { kind: 'glossary', text: format(t.glossary, { term: entry.term, expansion: entry.expansion, text: explain(entry, locale) }), citations: [], abstained: false, passages: [] };
  }

  const scored = await kb.score(text);
  const { analysis, windows } = scored;
  if (asksForPriorities(analysis)) return currentPriorities(kb, analysis.gemeente, locale);
  if (analysis.concepts.length === 0) return abstain(locale, analysis.gemeente, 'no-question');

  // The learned model chooses the window most likely to answer and says how sure it is that the documents answer at all.
  const choice = chooseWindow(analysis, windows, kb.answerModel);
  if (!choice || (choice.confidence < threshold && !choice.rulesAgree)) return abstain(locale, analysis.gemeente);
  const candidates = choice.probabilities.map((p, i) => ({ ...windows[i]!, p }));
  // Of windows that answer about as likely, the one from the newest document; a newer document of the same gemeente
  // wins from further off (OLDER_MARGIN): the most likely window then follows it, named as older (see below).
  const chosen = choice.window.passage.document;
  const close = candidates.filter(
    (w) =>
      w.p >= choice.probability - CLOSE_MARGIN ||
      (w.p >= Math.max(OLDER_FLOOR, choice.probability - OLDER_MARGIN) && w.passage.document.gemeente === chosen.gemeente && (w.passage.document.date ?? '') > (chosen.date ?? '')),
  );
  const primary = close.sort((a, b) => (b.passage.document.date ?? '').localeCompare(a.passage.document.date ?? '') || b.p - a.p)[0]!;
  const facts: Fact[] = [{ passage: primary.passage, sentences: quoteFor(primary.passage, primary.from, primary.to, analysis) }];
  // Newer documents win: an older document of the same gemeente that answers with other figures is named as older.
  const figures = (sentences: readonly StoredSentence[]) => new Set(sentences.flatMap((x) => x.text.match(/\d+(?:[.,]\d+)*/g) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n)));
  const primaryFigures = figures(facts[0]!.sentences);
  // A newer document's window chosen from further off may say something else: the most likely window then follows it, named as older.
  const promoted = primary.p < choice.probability - CLOSE_MARGIN;
  const older = promoted
    ? candidates[windows.indexOf(choice.window)]
    : candidates.find(
        (w) =>
          w.p >= Math.max(OLDER_FLOOR, choice.probability - OLDER_MARGIN) &&
          w.passage.document.id !== primary.passage.document.id &&
          w.passage.document.gemeente === primary.passage.document.gemeente &&
          (w.passage.document.date ?? '') < (primary.passage.document.date ?? ''),
      );
  if (older) {
    const sentences = quoteFor(older.passage, older.from, older.to, analysis);
    const own = figures(sentences);
    if (promoted || (own.size > 0 && primaryFigures.size > 0 && [...own].some((n) => !primaryFigures.has(n)))) facts.push({ passage: older.passage, sentences, older: true });
  }
  // When the question names no gemeente and another gemeente's documents answer as well, show both, each with its gemeente.
  if (!analysis.gemeente) {
    const other = candidates.find((w) => w.p >= choice.probability * 0.95 && w.passage.document.gemeente !== primary.passage.document.gemeente);
    if (other) facts.push({ passage: other.passage, sentences: quoteFor(other.passage, other.from, other.to, analysis) });
  }
  const { text: answer, sources } = compose(facts, locale, undefined, analysis.cue === 'date');
  return withCitations(
    'answer',
    answer,
    sources,
    facts.map((f) => f.passage),
  );
}

const elaborates = /^(het\s+gaat\s+om|daarvan|waarvan|dit\s+betreft|dit\s+zijn|dat\s+zijn|dit\s+waren|dat\s+waren)\b/i;

/**
 * The sentences to quote for a window, with what they need to be read on their own: the sentence
 * before one that leans on it ("Deze…", "Daarnaast…"), a table row's header row, the list a
 * lead-in introduces (or, asked for a list, the whole list an item belongs to, with its lead-in).
 */
export function quoteFor(passage: Pick<Passage, 'sentences'>, from: number, to: number, analysis: Pick<AnalyzedQuestion, 'asksList'>): StoredSentence[] {
  const sentences = passage.sentences;
  let start = from;
  let end = to;
  if (start > 0 && leansOnPrevious(sentences[start]!.text)) start -= 1;
  const inWindow = sentences.slice(from, to + 1);
  if (analysis.asksList && inWindow.some((x) => x.item)) {
    // Asked for a list: the whole list or table the window is in, with its lead-in.
    while (start > 0 && sentences[start - 1]!.item && from - start < 14) start -= 1;
    if (start > 0 && !sentences[start - 1]!.item) start -= 1;
    while (end + 1 < sentences.length && sentences[end + 1]!.item && end - start < 16) end += 1;
  }
  // A sentence after the window that only makes sense with it ("Het gaat om drie woningen…"), or the lead-in of a list that spells out a count asked for.
  const next = sentences[end + 1];
  if (next && !next.item && elaborates.test(next.text)) end += 1;
  else if (next && analysis.asksList && /:\s*$/.test(next.text) && sentences[end + 2]?.item) end += 1;
  const chosen = quotedSentences(passage, start, end, analysis.asksList);
  const header = tableHeaderIndex(sentences, from) ?? tableHeaderIndex(sentences, to);
  if (header !== undefined && header < start) chosen.unshift(sentences[header]!);
  return chosen;
}

const themeWords = ['prioriteiten', 'prioriteit', 'thema', 'themas', 'speerpunten', 'doelen', 'doelstellingen', 'ambities', 'centraal', 'beleid'];
const focusWords = ['nadruk', 'focus', 'speerpunt', 'prioriteit', 'aandacht', 'accent', 'centraal', 'ambitie', 'versterken'];

function bestSentence(passages: readonly Passage[], stems: ReadonlySet<string>, prefer: (p: Passage, s: StoredSentence, i: number) => number): { passage: Passage; index: number } | undefined {
  let best: { passage: Passage; index: number; score: number } | undefined;
  for (const passage of passages) {
    passage.sentences.forEach((s, i) => {
      const hits = s.lexemes.filter((l) => [...stems].some((st) => l === st || l.startsWith(st) || l.endsWith(st))).length;
      if (hits === 0) return;
      const score = hits + prefer(passage, s, i);
      if (!Number.isFinite(score)) return;
      if (!best || score > best.score) best = { passage, index: i, score };
    });
  }
  return best;
}

/**
 * An overview per gemeente (or for the one asked) of the themes of its current policy and the
 * focus of this moment, from its newest documents, with citations.
 */
export async function currentPriorities(kb: KnowledgeBase, gemeente: string | null | undefined, locale: Locale): Promise<OfflineAnswer> {
  const t = catalogue(locale).knowledge;
  const documents = await kb.listDocuments();
  if (documents.length === 0) return { kind: 'priorities', text: t.prioritiesEmpty, citations: [], abstained: true, passages: [] };
  const groups = new Map<string | null, KnowledgeDocument[]>();
  for (const d of documents) if (!gemeente || d.gemeente === gemeente) groups.set(d.gemeente, [...(groups.get(d.gemeente) ?? []), d]);
  const themeStems = new Set([...(await kb.stemsOf(themeWords)).values()].filter((s): s is string => Boolean(s)));
  const focusStems = new Set([...(await kb.stemsOf(focusWords)).values()].filter((s): s is string => Boolean(s)));

  const blocks: string[] = [];
  const sources: CitationSource[] = [];
  const quoted: Passage[] = [];
  const quotes: string[] = [];
  const ordered = [...groups].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  for (const [name, docs] of ordered) {
    const newest = [...docs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const rank = new Map(newest.map((d, i) => [d.id, 1 - i / Math.max(1, newest.length)] as const));
    const years = newest.map((d) => d.date?.slice(0, 4)).filter((y): y is string => Boolean(y));
    const focusYear = years.length ? String(Math.max(...years.map(Number))) : undefined;
    const passages = await kb.passagesOf(
      newest.map((d) => d.id),
      [...themeWords, ...focusWords],
    );
    // A sentence that introduces a list of themes is the best overview of a policy; a planning
    // timetable ("De planning … ziet als volgt:" with dated steps) is not a list of themes.
    const leadIn = (p: Passage, s: StoredSentence, i: number) =>
      isTimetable(p, i) || s.item || !p.sentences[i + 1]?.item ? -Infinity : 2 + (/:\s*$/.test(s.text) ? 0.5 : 0) + (rank.get(p.document.id) ?? 0);
    const themes = bestSentence(passages, themeStems, leadIn);
    const focus = bestSentence(passages, focusStems, (p, s, i) =>
      isTimetable(p, i)
        ? -Infinity
        : (focusYear && s.text.includes(focusYear) ? 2 : 0) +
          (rank.get(p.document.id) ?? 0) -
          (themes && themes.passage.id === p.id && themes.index === i ? 10 : 0) -
          (s.item ? 1 : 0) -
          (/\bhier(in|bij|mee)\b/i.test(s.text) ? 3 : 0) +
          (pointsBack.test(s.text) ? -Infinity : 0),
    );
    // A document without a gemeente (a budget chapter exported without its cover) is named by its title.
    const label = name ? `**${safeMarkdown(name)}**` : `**${safeMarkdown(format(t.prioritiesUnnamed, { title: docs[0]!.title }))}**`;
    const lines: string[] = [label];
    if (!themes && sources.length < 10) {
      // No themes stated yet: say what the documents do state, the plan being prepared and when the council adopts it.
      const plan = await planInPreparation(kb, newest);
      if (plan) {
        sources.push({ document: plan.passage.document, excerpt: plan.sentence.text, sectionTitle: plan.passage.sectionTitle });
        quotes.push(format(t.prioritiesInPreparation, { plan: plan.title, date: plan.date }));
        quoted.push(plan.passage);
        lines.push(`${format(t.prioritiesInPreparation, { plan: safeMarkdown(plan.title), date: plan.date })} [${sources.length}]`);
      }
    }
    for (const [heading, found] of [
      [t.prioritiesThemes, themes],
      [t.prioritiesFocus, focus],
    ] as const) {
      if (!found || sources.length >= 10) continue;
      const sentences = quotedSentences(found.passage, found.index, found.index, true, true);
      sources.push({ document: found.passage.document, excerpt: sentences.map((s) => s.text).join(' '), sectionTitle: found.passage.sectionTitle });
      quotes.push(plainQuote(sentences, found.passage.document.date));
      quoted.push(found.passage);
      lines.push(`${heading} ${renderQuote(sentences, `[${sources.length}]`, found.passage.document.date)}`);
    }
    if (lines.length === 1) lines.push(format(t.prioritiesNone, { gemeente: name ?? t.unknownGemeente }));
    blocks.push(lines.join('\n\n'));
  }
  const note = locale === 'en' && t.quotedInDutch ? `\n\n_${t.quotedInDutch}_` : '';
  const text = `**${t.prioritiesTitle}**\n\n${blocks.join('\n\n')}${note}`;
  const answer = { ...withCitations('priorities', text, sources, quoted), quotes };
  return sources.length ? answer : { ...answer, abstained: true };
}

// A sentence that opens by pointing back ("Daarnaast …", "Dit vraagt …") needs the one before it.
const pointsBack = /^(daarnaast|daarom|daarbij|hierin|hierbij|hiermee|dit|deze|die|allereerst|ook|tevens|verder|zo)\b/i;

const monthName = /\b\d{0,2}\s*(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/i;

/** A passage's sentence i opens (or is part of) a dated planning list rather than a list of themes. */
function isTimetable(p: Passage, i: number): boolean {
  const s = p.sentences[i]!;
  if (/\bplanning\b/i.test(s.text) && !s.item) return true;
  let start = i;
  while (start > 0 && p.sentences[start]!.item) start -= 1;
  const items = p.sentences.slice(start + 1).filter((x, k, all) => x.item && all.slice(0, k).every((y) => y.item));
  return items.length >= 2 && items.filter((x) => monthName.test(x.text)).length >= items.length / 2;
}

/**
 * The policy plan a gemeente is preparing and the council date that adopts it, from a planning
 * document ("Planning Beleidsplan …" with "Raad (21 december) — Vaststelling …").
 */
async function planInPreparation(kb: KnowledgeBase, documents: readonly KnowledgeDocument[]): Promise<{ title: string; date: string; passage: Passage; sentence: StoredSentence } | undefined> {
  const passages = await kb.passagesOf(
    documents.map((d) => d.id),
    ['vaststelling', 'vastgesteld', 'vaststellen'],
  );
  for (const passage of passages) {
    for (const sentence of passage.sentences) {
      const date = /\braad\b[^—–-]*?\((\d{1,2}\s+\p{L}+(?:\s+\d{4})?)\)/iu.exec(sentence.text)?.[1];
      if (!date || !/vaststell/i.test(sentence.text)) continue;
      const title = passage.document.title.replace(/^planning\s+(van\s+)?(het\s+)?/i, '');
      return { title, date: withYear(date, passage.document.date), passage, sentence };
    }
  }
  return undefined;
}

/** Whether a text names a known gemeente, for callers that route by gemeente. */
export function namedGemeente(text: string, gemeenten: readonly string[]): string | null {
  const folded = fold(text);
  return gemeenten.find((g) => folded.includes(fold(g))) ?? null;
}
