import { ENGLISH_FUNCTION_WORDS } from '../../../i18n/english-function-words.js';
import type { Glossary } from '../glossary.js';
import { splitCompound } from '../text/compounds.js';
import { fold, tokenize } from '../text/normalize.js';
import { answerCue, askedRoleIn, type AnswerCue } from './cues.js';
import { joinLexiconWords, type QueryLexicon } from './query-lexicon.js';
import { editDistance } from './typo-index.js';

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
  /**
   * The question's verb ("zet … in", "werken", "bestaat"): how the fact is phrased more than what
   * it is about. A sentence counting what a hoeveel-question counts answers it whatever its verb.
   */
  verb?: boolean;
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
  /** Years the question names ("in 2024", "2022-2023"): an answer must be about them. */
  years: string[];
  /** Index in `concepts` of the question's main term, when it has one besides the asked property (see `topicOf`). */
  topic?: number;
  /** "Wie is de burgemeester …": the role whose holder is asked (folded); the answer must name it and its holder. */
  askedRole?: string;
  /** "hoeveel gemeenten" → the stem of "gemeenten": what a number in the answer must count (alternatives joined by "|"). */
  countedStem?: string;
}

// Words that frame a question rather than say what it is about (Dutch stop words are dropped by the stemmer).
const framingWords = new Set([
  ...ENGLISH_FUNCTION_WORDS,
  'wat',
  'wie',
  'wanneer',
  'waar',
  'waarom',
  'hoe',
  'hoeveel',
  'welke',
  'welk',
  'sinds',
  'lang',
  'staat',
  'staan',
  'noemt',
  'noemen',
  'noem',
  'zit',
  'zitten',
  'gaat',
  'gaan',
  'doet',
  'doen',
  'komt',
  'komen',
  'vertel',
  'weet',
  'weten',
  'graag',
  'precies',
  'eigenlijk',
  'ongeveer',
  'kun',
  'kunt',
  'kan',
  'jij',
  'je',
  'u',
  'mij',
  'heeft',
  'hebben',
  'moet',
  'moeten',
  'wordt',
  'worden',
  'werd',
  'zijn',
  'waren',
  'gebeurt',
  'uiterlijk',
  'vandaag',
  'nu',
  'a',
  'in',
  'by',
  'or',
  'be',
  'long',
  'must',
  'it',
  'say',
  'says',
  'mentioned',
  'named',
  'expected',
  'expect',
  'stand',
  'mean',
  'exactly',
  'yet',
]);

const definitionVerbs = new Set([
  'verstaat',
  'verstaan',
  'bedoelt',
  'bedoelen',
  'bedoeld',
  'houdt',
  'houden',
  'valt',
  'vallen',
  'betekent',
  'betekenen',
  'mean',
  'means',
  'meant',
  'involve',
  'entail',
]);

export interface AnalysisContext {
  glossary: Glossary;
  /** English → Dutch domain words, Dutch synonyms, chat fillers (data/query-lexicon.yaml). */
  lexicon: QueryLexicon;
  gemeenten: readonly string[];
  stems: ReadonlyMap<string, string | null>;
  vocabulary: ReadonlySet<string>;
  documentFrequency(stem: string): number;
  passageCount: number;
  /** The document stem a mistyped stem meant (typo tolerance), if any. */
  correct?(stem: string): string | undefined;
}

/** The Dutch words an English or Dutch question word may be written as in the documents. */
function alternativesOf(token: string, glossary: Glossary, lexicon: QueryLexicon): { translation: readonly string[]; synonyms: readonly string[] } {
  const translation = [...(glossary.translations.get(token) ?? []), ...(lexicon.english.get(token) ?? [])];
  return { translation, synonyms: lexicon.synonyms.get(token) ?? [] };
}

/** Words of a question whose stems must be known before `analyzeQuestion` (one store round trip). */
export function wordsToStem(question: string, glossary: Glossary, lexicon: QueryLexicon): string[] {
  const words = new Set<string>();
  const tokens = tokenize(joinLexiconWords(normalizeQuestionWords(question), lexicon));
  for (const token of [...tokens, ...separableVerbsJoined(tokens)]) {
    words.add(token);
    const { translation, synonyms } = alternativesOf(token, glossary, lexicon);
    for (const w of [...translation, ...synonyms]) for (const t of tokenize(w)) words.add(t);
    const entry = glossary.byTerm.get(token);
    if (entry) for (const t of tokenize(entry.expansion)) words.add(t);
  }
  for (const entry of glossary.entries) for (const t of tokenize(entry.term)) words.add(t);
  return [...words];
}

const typedQuestionWords = ['hoeveel', 'wanneer', 'waarom', 'welke', 'welk'];

/**
 * Question words as colleagues type them in chat, written out: "hoevel" → "hoeveel",
 * "wnneer" → "wanneer", "hoelaat" → "hoe laat", "hoelang" → "hoe lang".
 */
export function normalizeQuestionWords(question: string): string {
  return question
    .replace(/\bhoe(laat|lang|vaak|veel)\b/gi, (_m, rest: string) => (rest.toLowerCase() === 'veel' ? 'hoeveel' : `hoe ${rest}`))
    .replace(/[\p{L}]{4,}/gu, (word) => {
      const folded = fold(word);
      if (typedQuestionWords.includes(folded)) return word;
      const meant = typedQuestionWords.find((q) => q.length >= 5 && editDistance(folded, q, 1) <= 1);
      return meant ?? word;
    });
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
  if (last >= 2 && particles.has(out[last]!) && questionWords.has(out[0]!)) {
    // The verb is the first word after the question word that looks like one ("welke organisatie voert ... uit").
    const verb = [1, 2].find((i) => i < last && out[i]!.length > 2 && /(t|en)$/.test(out[i]!) && !questionWords.has(out[i]!)) ?? (out[1]!.length > 2 ? 1 : undefined);
    if (verb !== undefined) {
      out[last] = out[last]! + out[verb]!;
      out.splice(verb, 1);
    }
  }
  for (let i = 1; i < out.length; i += 1) {
    if (freeParticles.has(out[i]!) && /(en|t)$/.test(out[i - 1]!) && !questionWords.has(out[i - 1]!) && out[i - 1]!.length > 3) {
      out[i] = out[i]! + out[i - 1]!;
      out.splice(i - 1, 1);
    }
  }
  return out;
}

/**
 * A compound's parts: by the built-in list of common tails, else by the documents' own words when
 * both halves are words the documents use ("vuurwerkschade" → "vuurwerk", "schade").
 */
function compoundOf(token: string, ctx: AnalysisContext): string[] {
  const known = splitCompound(token, ctx.vocabulary);
  if (known.length || token.length < 9 || ctx.documentFrequency(ctx.stems.get(token) ?? token) > 0) return known;
  const used = (w: string) => w.length >= 4 && [w, w.replace(/e$/, ''), w.replace(/en$/, ''), w.replace(/s$/, '')].some((x) => x.length >= 4 && ctx.documentFrequency(x) > 0);
  for (let i = 4; i <= token.length - 4; i += 1) {
    const head = token.slice(0, i);
    const tail = token.slice(i);
    const stripped = /s$/.test(head) && used(head.slice(0, -1)) ? head.slice(0, -1) : head;
    if (used(tail) && used(stripped)) return [stripped, tail];
  }
  return [];
}

function idf(ctx: AnalysisContext, stem: string): number {
  const df = ctx.documentFrequency(stem);
  return Math.log(1 + (ctx.passageCount + 1) / (df + 0.5));
}

// A word no document holds cannot tell passages apart; it still counts, lightly, so a question
// about something the documents never mention does not find its answer in the other words alone.
const unknownWordWeight = 1;
const participleFactor = 0.5;
// Words after which a noun follows: an unknown word there is the thing asked about.
const determiners = new Set(['de', 'het', 'een', 'den', 'der', 'des', 'van', 'voor', 'bij', 'op', 'met', 'naar', 'tegen', 'over', 'om', 'zonder', 'per', 'the', 'a', 'an', 'of', 'for', 'at']);

/** The gemeente a question names: exactly, as an adjective ("Wolderveense"), or with a slip ("wolderveeen"). */
export function namedGemeenteIn(folded: string, gemeenten: readonly string[]): string | null {
  const tokens = folded.match(/[\p{L}\p{N}-]+/gu) ?? [];
  for (const g of gemeenten) {
    const name = fold(g);
    if (new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(folded)) return g;
  }
  for (const g of gemeenten) {
    const name = fold(g);
    if (name.includes(' ')) continue;
    for (const t of tokens) {
      if (t.startsWith(name) && /^(se|s|er|ers|se)$/.test(t.slice(name.length))) return g;
      if (name.length >= 6 && Math.abs(t.length - name.length) <= 2 && editDistance(t, name, 2) <= (name.length >= 8 ? 2 : 1)) return g;
    }
  }
  return null;
}

const yearPattern = /\b(19[5-9]\d|20\d\d)\b/g;

export function analyzeQuestion(question: string, ctx: AnalysisContext): AnalyzedQuestion {
  const normalized = joinLexiconWords(normalizeQuestionWords(question), ctx.lexicon);
  const folded = fold(normalized);
  const gemeente = namedGemeenteIn(folded, ctx.gemeenten);
  // The gemeente's own words, also as an adjective or mistyped ("Wolderveense", "wolderveeen"), are its filter, not search words.
  // A name of several words ("Nieuw-Brederhoeve", "Bergen op Zoom"): each of its words.
  const gemeenteTokens = new Set(gemeente ? [...tokenize(folded).filter((t) => namedGemeenteIn(t, [gemeente]) === gemeente), ...tokenize(gemeente)] : []);
  const cue = answerCue(normalized);
  const stemOf = (w: string) => ctx.stems.get(w) ?? null;
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const searchWords = new Set<string>();
  const raw = tokenize(normalized);
  const tokens = separableVerbsJoined(raw);
  // "zet … in" → "inzet": the verb the question joined, and the verb itself as the documents may write it ("zet twee straatcoaches in").
  const joinedVerbs = new Map(
    tokens
      .filter((t) => !raw.includes(t))
      .flatMap((t) => {
        const particle = [...particles].find((p) => t.startsWith(p) && raw.includes(t.slice(p.length)));
        return particle ? [[t, t.slice(particle.length)] as const] : [];
      }),
  );
  // Words written with a capital inside the question: names.
  const capitalised = new Set((normalized.match(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}\p{Ll}+/gu) ?? []).map(fold));
  // Expansions the question spells out ("Meld Misdaad Anoniem"): their acronym is another way to say each of its words.
  const spelledOut = ctx.glossary.entries.filter((e) => folded.includes(fold(e.expansion)));
  const acronymOf = new Map<string, string[]>();
  for (const e of spelledOut) {
    const acronym = stemOf(fold(e.term)) ?? fold(e.term);
    for (const t of tokenize(e.expansion)) acronymOf.set(t, [...(acronymOf.get(t) ?? []), acronym]);
    searchWords.add(fold(e.term));
  }
  const verbIndex = verbAfterQuestionWord(tokens);
  const countVerb = countVerbIndex(tokens);
  tokens.forEach((token, i) => {
    // A particle left on its own belongs to a framing verb ("doet ... mee"): it says nothing itself.
    if (framingWords.has(token) || ctx.lexicon.framing.has(token) || gemeenteTokens.has(token) || particles.has(token)) return;
    // "Wat verstaat X onder …", "Wat houdt … in": the asking verb of a definition question, not what it is about.
    if (cue === 'definition' && definitionVerbs.has(token)) return;
    // "de gemeente Tolbergen": the word "gemeente" is part of how the gemeente is named, not what is asked about.
    if (/^(gemeente|municipality)$/.test(token) && gemeenteTokens.has(tokens[i + 1] ?? '')) return;
    // "vorig jaar", "dit jaar": the documents name the year itself.
    if (/^(jaar|jaren|week|maand|year|week|month)$/.test(token) && ctx.lexicon.relativeTime.has(tokens[i - 1] ?? '')) return;
    // "hoe laat", "hoe vaak", "hoe lang": the question word's second half.
    if (/^(laat|vaak|lang|hoog|groot)$/.test(token) && tokens[i - 1] === 'hoe') return;
    // "camera's" → "camera", "s": a letter on its own says nothing.
    if (/^\p{L}$/u.test(token)) return;
    if (ctx.lexicon.relativeTime.has(token) && /^(jaar|jaren|week|maand|year|month)$/.test(tokens[i + 1] ?? '')) return;
    const entry = ctx.glossary.byTerm.get(token);
    const { translation, synonyms } = alternativesOf(token, ctx.glossary, ctx.lexicon);
    let stem = stemOf(token);
    if (!stem && !entry && translation.length === 0) return; // a Dutch stop word
    let corrected = false;
    // "handhaaft", "bewaart": a verb as the question conjugates it, as the documents' infinitive stem ("handhav", "bewar").
    if (stem && !entry && translation.length === 0 && ctx.documentFrequency(stem) === 0 && /[^aeiou]t$/.test(token)) {
      const verb = infinitiveStem(token);
      if (verb !== stem && ctx.documentFrequency(verb) > 0) {
        stem = verb;
        corrected = true;
      }
    }
    // A word no document holds may be a slip of the keyboard for one that does.
    if (!corrected && stem && stem.length >= 5 && !entry && translation.length === 0 && ctx.documentFrequency(stem) === 0 && ctx.correct) {
      const meant = ctx.correct(stem);
      if (meant) {
        stem = meant;
        corrected = true;
      }
    }
    const key = stem ?? token;
    if (seen.has(key)) return;
    seen.add(key);
    const phrases: string[][] = [];
    if (entry)
      phrases.push(
        tokenize(entry.expansion)
          .map(stemOf)
          .filter((s): s is string => Boolean(s)),
      );
    for (const dutch of translation)
      phrases.push(
        tokenize(dutch)
          .map(stemOf)
          .filter((s): s is string => Boolean(s)),
      );
    for (const other of synonyms)
      phrases.push(
        tokenize(other)
          .map(stemOf)
          .filter((s): s is string => Boolean(s)),
      );
    for (const acronym of acronymOf.get(token) ?? []) phrases.push([acronym]);
    const verbPart = joinedVerbs.get(token);
    if (verbPart && stemOf(verbPart)) phrases.push([stemOf(verbPart)!]);
    // A stem of three letters ("hav" for "haven", "jar" for "jaar") is too short to find compounds by; the word itself is not.
    if (stem && stem.length < 4 && token.length >= 4 && token !== stem) phrases.push([token]);
    // A joined separable verb ("uitvoert") is written as its participle in documents ("uitgevoerd").
    const particle = [...particles].find((p) => token.startsWith(p) && token.length > p.length + 3 && !tokenize(normalized).includes(token));
    if (particle) phrases.push([`${particle}ge${token.slice(particle.length).replace(/(t|en)$/, '')}`]);
    const split = compoundOf(token, ctx);
    const parts = split.map(stemOf).filter((s): s is string => Boolean(s) && s !== key);
    const known = (s: string) => ctx.documentFrequency(s) > 0;
    const knownAnywhere = known(key) || phrases.some((p) => p.length > 0 && p.every(known)) || (parts.length > 0 && parts.every(known));
    const own = idf(ctx, key);
    const alternatives = phrases.filter((p) => p.length > 0 && p.every(known)).flatMap((p) => p.map((s) => idf(ctx, s)));
    // An English word with a Dutch translation is judged by how rare its Dutch words are.
    let weight = translation.length && !entry ? Math.min(...(alternatives.length ? alternatives : [own])) : Math.min(own, ...alternatives);
    // A name the documents never mention ("Amsterdam") is what the question is about: it weighs fully. Other unknown words lightly.
    // So does an unknown noun ("de wijkagent", "voor wildplassen"): unknown verbs and fillers ("trekt", "gevonden") weigh lightly.
    const noun = determiners.has(tokens[i - 1] ?? '') || (determiners.has(tokens[i - 2] ?? '') && /e$/.test(tokens[i - 1] ?? '') && !framingWords.has(tokens[i - 1] ?? ''));
    if (!knownAnywhere && !capitalised.has(token) && !noun) weight = Math.min(weight, unknownWordWeight);
    // The verb right after the question word ("Sinds wanneer bestaat …", "Wat kost …") says what happens, rarely what about: half its weight, like a participle.
    // Not after "wie": in "Wie handhaaft …", "Wie leidt …" the verb is the role asked about.
    else if (i === verbIndex && !/^(wie|who)$/.test(tokens[0] ?? '') && !entry && translation.length === 0) weight *= participleFactor;
    // A participle ("genomen", "gestuurd", "geschat") says how, rarely what: half its weight.
    else if (!noun && /^ge\p{L}{3,}(d|t|en)$/u.test(token) && !entry) weight *= participleFactor;
    const verb = i === verbIndex || i === countVerb || joinedVerbs.has(token);
    concepts.push({
      word: token,
      stem: key,
      parts,
      phrases: phrases.filter((p) => p.length > 0),
      weight: Number.isFinite(weight) ? weight : own,
      ...(verb && !entry && translation.length === 0 ? { verb } : {}),
    });
    searchWords.add(corrected ? key : token);
    for (const p of phrases.flat()) searchWords.add(p);
    if (entry) for (const t of tokenize(entry.expansion)) if (stemOf(t)) searchWords.add(t);
    for (const t of [...translation, ...synonyms]) for (const w of tokenize(t)) searchWords.add(w);
    for (const part of split) searchWords.add(part);
  });
  // What a number in the answer must count: the word after "hoeveel", as the documents write it (typo corrected); not when the documents never use it.
  // "hoeveel vrijwillige bemiddelaars", "how many neighbour mediation cases": any of the next three words may be what is counted.
  // Only the words right after it: in "met hoeveel gaat de BDUR omhoog" nothing is counted by name.
  // "hoe hoog was de schade …": the value of the thing named after it, as "hoeveel schade".
  const after = /\b(?:hoeveel|how\s+many|hoe\s+(?:hoog|groot)\s+(?:is|was|zijn|waren|wordt|werd)\s+(?:de|het)?)\s*([\p{L}\s]+)/u.exec(folded)?.[1]?.trim().split(/\s+/).slice(0, 3) ?? [];
  const stop = after.findIndex((w) => !concepts.some((c) => c.word === w));
  const run = stop === -1 ? after : after.slice(0, stop);
  // "hoeveel vergoedt …" asks for an amount, not for a count of something named: a verb is not what is counted.
  // A word followed by its subject ("hoeveel vergoedt Ellenwoude", "hoeveel kost de inzet") is that verb.
  const verbal = (w: string) => {
    const next = tokens[tokens.indexOf(w) + 1] ?? '';
    return /t$/.test(w) && (/^(de|het|een|er|die|deze|dit|the|a|an)$/.test(next) || capitalised.has(next));
  };
  const countedConcepts = concepts.filter((c) => run.includes(c.word) && !c.verb && !verbal(c.word));
  // A compound is counted by its head as well: Dutch compounds end in what they are ("drugsdumpingen" are "dumpingen").
  const head = (c: Concept) => (c.parts.length > 0 && c.parts.at(-1)!.length >= 4 ? [c.parts.at(-1)!] : []);
  const countedStems = countedConcepts.flatMap((c) => [c.stem, ...c.phrases.filter((p) => p.length === 1).map((p) => p[0]!), ...head(c)]).filter((s) => ctx.documentFrequency(s) > 0);
  const countedStem = countedStems.length ? [...new Set(countedStems)].join('|') : undefined;
  const askedRole = cue === 'person' ? askedRoleIn(normalized) : undefined;
  const countAsked = /\b(welke|which|what\s+are\s+the)\b/i.test(normalized) ? announcedCountIn(folded) : undefined;
  return {
    text: question,
    concepts,
    cue,
    gemeente,
    searchWords: [...searchWords].filter((w) => /^[a-z0-9]+$/.test(w)),
    // "welke maatregelen", "wat zijn de thema's", "wie zitten in", "noem de …": the answer is a list (not "vóór welke datum … vaststellen").
    asksList: /\b(welke|which|what\s+are\s+the)\s+(\p{L}+\s+)?(?!(does|is|was|has|heeft|zijn|wordt)\b)\p{L}+(en|'?s)\b|\b(wat\s+zijn\s+de|noem|wie\s+zitten|wie\s+zijn|who\s+are|list)\b/iu.test(
      normalized,
    ),
    years: [...new Set(folded.match(yearPattern) ?? [])],
    ...(countAsked !== undefined ? { countAsked } : {}),
    ...(countedStem ? { countedStem } : {}),
    ...(askedRole ? { askedRole } : {}),
    ...topicOf(tokens, concepts, capitalised),
  };
}

function announcedCountIn(text: string): number | undefined {
  const m = /\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six)\b/.exec(text);
  const map: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, two: 2, three: 3, four: 4, five: 5, six: 6 };
  return m ? map[m[1]!] : undefined;
}

const questionWordsFirst = new Set(['wat', 'wie', 'wanneer', 'waarom', 'hoe', 'waar', 'what', 'who', 'when', 'why', 'where', 'how']);

/** Where the verb after the question word is: "Wat kost …", "Sinds wanneer bestaat …", "Hoe vaak komt …"; undefined when a noun follows. */
function verbAfterQuestionWord(tokens: readonly string[]): number | undefined {
  let at = 0;
  if (/^(sinds|tot|vanaf|per|om|voor)$/.test(tokens[0] ?? '') && questionWordsFirst.has(tokens[1] ?? '')) at = 2;
  else if (tokens[0] === 'hoe' && /^(lang|vaak|laat|hoog|groot|veel)$/.test(tokens[1] ?? '')) at = 2;
  else if (questionWordsFirst.has(tokens[0] ?? '')) at = 1;
  else return undefined;
  const word = tokens[at];
  return word && !determiners.has(word) ? at : undefined;
}
/** "Hoeveel straatcoaches zet …", "hoeveel vrijwilligers werken …": the verb right after the counted word. */
function countVerbIndex(tokens: readonly string[]): number | undefined {
  const at = tokens[0] === 'hoeveel' ? 2 : tokens[0] === 'how' && tokens[1] === 'many' ? 3 : -1;
  const word = tokens[at];
  return word && word.length > 2 && /(t|en)$/.test(word) && !determiners.has(word) ? at : undefined;
}

// Words that say which property is asked (a cost, a yearly figure, a date), not what it is about.
const propertyWords = /^(jaar|jaarlijks\w*|jaren|maand\w*|week|dag|kost|kosten|kostte|bedrag\w*|aantal|datum|periode|year|years|annual\w*|month\w*|cost|costs|amount|number|date|\d+)$/;
// After these the next word names the kind of answer ("welke termijn", "hoeveel meldingen"), not its topic.
const typeAskers = new Set(['welke', 'welk', 'hoeveel', 'which', 'many']);

/**
 * The question's main term: the weightiest noun that is neither the kind of answer asked ("welke
 * termijn", "hoeveel meldingen") nor a word for the asked property ("per jaar", "kosten"). A noun is
 * a word after an article or preposition, or a name; failing those, a long word (a compound):
 * "Wat kost buurtbemiddeling in Oldenmeer per jaar?" → "buurtbemiddeling".
 */
function topicOf(tokens: readonly string[], concepts: readonly Concept[], capitalised: ReadonlySet<string>): { topic?: number } {
  if (concepts.length < 2) return {};
  const verb = verbAfterQuestionWord(tokens);
  const candidates = concepts.flatMap((c, k) => {
    const i = tokens.indexOf(c.word);
    if ((verb !== undefined && c.word === tokens[verb]) || propertyWords.test(c.word) || typeAskers.has(tokens[i - 1] ?? '')) return [];
    // "het nieuwe beleidsplan": the word after the adjective is the noun, not the adjective.
    const adjective = /e$/.test(c.word) && i + 1 < tokens.length && !determiners.has(tokens[i + 1]!) && !propertyWords.test(tokens[i + 1]!) && /^\p{L}{4,}$/u.test(tokens[i + 1]!);
    const afterAdjective = determiners.has(tokens[i - 2] ?? '') && /e$/.test(tokens[i - 1] ?? '');
    const noun = (determiners.has(tokens[i - 1] ?? '') && !adjective) || afterAdjective || capitalised.has(c.word);
    return [{ k, noun, long: c.word.length >= 9, weight: c.weight }];
  });
  const pool = candidates.some((c) => c.noun) ? candidates.filter((c) => c.noun) : candidates.filter((c) => c.long);
  const best = pool.reduce<(typeof pool)[number] | undefined>((b, c) => (!b || c.weight > b.weight ? c : b), undefined);
  return best ? { topic: best.k } : {};
}

/** "handhaaft" → "handhav", "bewaart" → "bewar", "leidt" → "leid": the stem of a present-tense verb's infinitive. */
export function infinitiveStem(word: string): string {
  return word
    .replace(/t$/, '')
    .replace(/([aeou])\1([^aeiou])$/, '$1$2')
    .replace(/f$/, 'v')
    .replace(/s$/, 'z');
}
