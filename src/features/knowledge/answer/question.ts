import type { Glossary } from '../glossary.js';
import { splitCompound } from '../text/compounds.js';
import { fold, tokenize } from '../text/normalize.js';
import { answerCue, type AnswerCue } from './cues.js';

/**
 * One thing the question is about, with the ways a document may say it: the word's stem, compound
 * parts (partial credit), an acronym's expansion or the Dutch words for an English word.
 */
export interface Concept {
  word: string;
  stem: string;
  /** Stems of the word's compound parts: "veiligheidsbeleid" → ["veiligheid", "beleid"]. */
  parts: string[];
  /** Alternative phrasings, each a list of stems that together mean the word (acronym expansion, translation). */
  phrases: string[][];
  /** How much this word says: rare words in the documents weigh more. */
  weight: number;
}

export interface AnalyzedQuestion {
  text: string;
  concepts: Concept[];
  cue: AnswerCue;
  /** The gemeente the question names, as stored in the documents. */
  gemeente: string | null;
  /** Words for the full-text query (folded, not stemmed: to_tsquery stems them). */
  searchWords: string[];
  /** "welke twee speerpunten", "welke doelen": the answer is a list. */
  asksList: boolean;
  countAsked?: number;
  /** "hoeveel gemeenten" → the stem of "gemeenten": what a number in the answer must count. */
  countedStem?: string;
}

// Words that frame a question rather than say what it is about (Dutch stop words are dropped by the stemmer).
const framingWords = new Set([
  'wat', 'wie', 'wanneer', 'waar', 'waarom', 'hoe', 'hoeveel', 'welke', 'welk', 'sinds', 'lang', 'staat', 'staan', 'noemt', 'noemen', 'noem', 'zit', 'zitten',
  'gaat', 'gaan', 'doet', 'doen', 'komt', 'vertel', 'weet', 'weten', 'graag', 'precies', 'eigenlijk', 'ongeveer', 'please', 'kun', 'kunt', 'kan', 'jij', 'je', 'u', 'mij',
  'heeft', 'hebben', 'had', 'moet', 'moeten', 'wordt', 'worden', 'werd', 'is', 'zijn', 'was', 'waren', 'gebeurt', 'uiterlijk', 'vandaag', 'nu',
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'been', 'does', 'do', 'did', 'what',
  'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'many', 'much', 'long', 'has', 'have', 'had', 'will', 'would', 'should', 'can', 'could', 'must', 'it', 'its',
  'this', 'that', 'these', 'those', 'there', 'their', 'they', 'about', 'tell', 'me', 'please', 'according', 'say', 'says', 'mentioned', 'named', 'expected', 'expect',
  'stand', 'mean', 'exactly', 'yet',
]);

export interface AnalysisContext {
  glossary: Glossary;
  gemeenten: readonly string[];
  stems: ReadonlyMap<string, string | null>;
  vocabulary: ReadonlySet<string>;
  documentFrequency(stem: string): number;
  passageCount: number;
}

/** Words of a question whose stems must be known before `analyzeQuestion` (one store round trip). */
export function wordsToStem(question: string, glossary: Glossary): string[] {
  const words = new Set<string>();
  for (const token of [...tokenize(question), ...separableVerbsJoined(tokenize(question))]) {
    words.add(token);
    for (const w of glossary.translations.get(token) ?? []) for (const t of tokenize(w)) words.add(t);
    const entry = glossary.byTerm.get(token);
    if (entry) for (const t of tokenize(entry.expansion)) words.add(t);
  }
  return [...words];
}

const questionWords = new Set(['wat', 'wie', 'wanneer', 'waar', 'waarom', 'hoe', 'hoeveel', 'welke', 'welk', 'sinds']);
// Particles of Dutch separable verbs: "stelt ... vast" means "vaststellen", "werken samen" "samenwerken".
const particles = new Set(['vast', 'samen', 'mee', 'terug', 'toe', 'af', 'op', 'uit', 'aan', 'voor', 'door', 'in']);
const freeParticles = new Set(['vast', 'samen', 'mee', 'terug']);

/**
 * Joins a separable verb with its particle, the way documents write the noun ("vaststelling",
 * "samenwerking"): the particle at the end joins the verb after the question word; "vast",
 * "samen", "mee", "terug" also join the verb right before them.
 */
export function separableVerbsJoined(tokens: readonly string[]): string[] {
  const out = [...tokens];
  const last = out.length - 1;
  if (last >= 2 && particles.has(out[last]!) && questionWords.has(out[0]!) && out[1]!.length > 2) {
    out[last] = out[last]! + out[1]!;
    out.splice(1, 1);
  }
  for (let i = 1; i < out.length; i += 1) {
    if (freeParticles.has(out[i]!) && /(en|t)$/.test(out[i - 1]!) && !questionWords.has(out[i - 1]!) && out[i - 1]!.length > 3) {
      out[i] = out[i]! + out[i - 1]!;
      out.splice(i - 1, 1);
    }
  }
  return out;
}

function idf(ctx: AnalysisContext, stem: string): number {
  const df = ctx.documentFrequency(stem);
  return Math.log(1 + (ctx.passageCount + 1) / (df + 0.5));
}

export function analyzeQuestion(question: string, ctx: AnalysisContext): AnalyzedQuestion {
  const folded = fold(question);
  const gemeente = ctx.gemeenten.find((g) => new RegExp(`\\b${fold(g).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(folded)) ?? null;
  const gemeenteTokens = new Set(gemeente ? tokenize(gemeente) : []);
  const stemOf = (w: string) => ctx.stems.get(w) ?? null;
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const searchWords = new Set<string>();
  for (const token of separableVerbsJoined(tokenize(question))) {
    // A particle left on its own belongs to a framing verb ("doet ... mee"): it says nothing itself.
    if (framingWords.has(token) || gemeenteTokens.has(token) || particles.has(token)) continue;
    const entry = ctx.glossary.byTerm.get(token);
    const translation = ctx.glossary.translations.get(token);
    const stem = stemOf(token);
    if (!stem && !entry && !translation) continue; // a Dutch stop word
    const key = stem ?? token;
    if (seen.has(key)) continue;
    seen.add(key);
    const phrases: string[][] = [];
    if (entry) phrases.push(tokenize(entry.expansion).map(stemOf).filter((s): s is string => Boolean(s)));
    for (const dutch of translation ?? []) phrases.push(tokenize(dutch).map(stemOf).filter((s): s is string => Boolean(s)));
    const parts = splitCompound(token, ctx.vocabulary)
      .map(stemOf)
      .filter((s): s is string => Boolean(s) && s !== key);
    const weights = [idf(ctx, key), ...phrases.flatMap((p) => p.map((s) => idf(ctx, s)))];
    // An English word with a Dutch translation is judged by how rare its Dutch words are.
    const weight = translation && !entry ? Math.min(...weights.slice(1)) : Math.min(...weights);
    concepts.push({ word: token, stem: key, parts, phrases: phrases.filter((p) => p.length > 0), weight: Number.isFinite(weight) ? weight : idf(ctx, key) });
    searchWords.add(token);
    for (const p of phrases.flat()) searchWords.add(p);
    if (entry) for (const t of tokenize(entry.expansion)) if (stemOf(t)) searchWords.add(t);
    for (const t of translation ?? []) for (const w of tokenize(t)) searchWords.add(w);
    for (const part of splitCompound(token, ctx.vocabulary)) searchWords.add(part);
  }
  const counted = /\b(?:hoeveel|how\s+many)\s+([\p{L}]+)/u.exec(folded)?.[1];
  const countedStem = counted ? (stemOf(counted) ?? undefined) : undefined;
  const countAsked = /\b(welke|which|what\s+are\s+the)\b/i.test(question) ? announcedCountIn(folded) : undefined;
  return {
    text: question,
    concepts,
    cue: answerCue(question),
    gemeente,
    searchWords: [...searchWords].filter((w) => /^[a-z0-9]+$/.test(w)),
    asksList: /\b(welke|which|wat\s+zijn|what\s+are|noem|list)\b/i.test(question) && /\b\w+(en|s|'s)\b/.test(folded),
    ...(countAsked !== undefined ? { countAsked } : {}),
    ...(countedStem ? { countedStem } : {}),
  };
}

function announcedCountIn(text: string): number | undefined {
  const m = /\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six)\b/.exec(text);
  const map: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, two: 2, three: 3, four: 4, five: 5, six: 6 };
  return m ? map[m[1]!] : undefined;
}
