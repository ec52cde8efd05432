import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangNl } from '@nlpjs/lang-nl';
import { Nlp } from '@nlpjs/nlp';
import type { Utterances } from './route.js';

export interface IntentScore {
  intent: string;
  score: number;
}

/** Which trained model fits these examples: their text, the normalisation above and the NLP.js version. */
function cacheKey(examples: ReadonlyMap<string, Utterances>): string {
  const version = (createRequire(import.meta.url)('@nlpjs/nlp/package.json') as { version: string }).version;
  return createHash('sha256')
    .update(JSON.stringify({ version, format: 1, normalize: normalizeForIntent.toString(), examples: [...examples] }))
    .digest('hex')
    .slice(0, 24);
}

/** NLP.js answers "None" when it knows none of the words. */
export const NO_INTENT = 'None';

/**
 * What every text goes through before training and classification: the parts that vary without
 * changing the intent (case numbers, figures, quotes) become one placeholder word each.
 */
export function normalizeForIntent(text: string): string {
  return text
    .toLowerCase()
    .replace(/\bbb-\d{4}-\d+\b/g, ' zaaknummer ')
    .replace(/\b\d{1,4}([-/.]\d{1,4}){0,2}\b/g, ' getal ')
    .replace(/[“”"'‘’`]/g, ' ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One intent classifier for all message routes (NLP.js: a small neural network over stemmed words),
 * trained at start-up from the routes' example utterances. Dutch and English examples train one
 * model (with the Dutch stemmer): measured on the development set this beat one model per language
 * (136 vs 134 of 150 before tuning), and it needs no guess of the language, which short messages
 * ("hoi", "ok") do not give; colleagues also mix Dutch and English words.
 */
/** Words that say nothing about what is asked (Dutch and English function words and politeness). */
const functionWords = new Set(
  (
    'de het een en of van voor in op aan met om te ter bij over tot naar uit door als dat die dit deze er is zijn was wordt worden kan kun kunt ' +
    'je jij u ik we wij mij me mijn ons onze hun ze zij hij wat wie welke welk hoe waar wanneer waarom nog al ook wel niet geen maar dan even ' +
    'graag aub alsjeblieft please the a an of to for on at by with and or is are was be can could would you i me my we our it this that what ' +
    'which who how when where why do does did have has getal zaaknummer hier daar zo eens eigenlijk precies allemaal alle'
  ).split(/\s+/),
);

// A question asks for a fact: it opens with a question word ("kun je …", "can you …" are requests).
const questionOpening = /^(wie|wat|wanneer|waar|waarom|hoe|hoeveel|welke|welk|who|what|when|where|why|how|which)\b/;
const isQuestion = (normalized: string) => questionOpening.test(normalized);

/** A crude stem: the first five letters, enough to tie "bemiddelingen" to "bemiddeling" and survive a late typo. */
const stemsOf = (normalized: string) =>
  normalized
    .split(' ')
    .filter((w) => w.length > 1 && !functionWords.has(w))
    .map((w) => w.slice(0, 5));

export class IntentClassifier {
  private constructor(
    private readonly nlp: Nlp,
    private readonly vocabulary: ReadonlyMap<string, ReadonlySet<string>>,
    /** The intents some of whose examples are questions ("hoeveel zaken staan er open?"). */
    private readonly asking: ReadonlySet<string>,
  ) {}

  /**
   * Trains on the examples; with `cacheDir`, a model trained before on exactly these examples (and
   * this NLP.js) is read from there instead, which keeps start-up short on an existing install.
   */
  static async train(examples: ReadonlyMap<string, Utterances>, options: { cacheDir?: string } = {}): Promise<IntentClassifier & { fromCache: boolean }> {
    const container = containerBootstrap();
    container.use(LangNl);
    const nlp = new Nlp({ languages: ['nl'], autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false }, container }, container);
    const vocabulary = new Map<string, Set<string>>();
    const asking = new Set<string>();
    for (const [intent, utterances] of examples) {
      const words = new Set<string>();
      for (const text of [...utterances.nl, ...utterances.en]) {
        const normalized = normalizeForIntent(text);
        if (isQuestion(normalized)) asking.add(intent);
        nlp.addDocument('nl', normalized, intent);
        for (const stem of stemsOf(normalized)) words.add(stem);
      }
      vocabulary.set(intent, words);
    }
    const cacheFile = options.cacheDir ? join(options.cacheDir, `intents-${cacheKey(examples)}.json`) : undefined;
    let fromCache = false;
    if (cacheFile && existsSync(cacheFile)) {
      try {
        nlp.import(readFileSync(cacheFile, 'utf8'));
        fromCache = true;
      } catch {
        // A damaged cache is no reason not to start: train instead.
      }
    }
    if (!fromCache) {
      await nlp.train();
      if (cacheFile) {
        try {
          mkdirSync(dirname(cacheFile), { recursive: true });
          writeFileSync(`${cacheFile}.${process.pid}`, nlp.export(true));
          renameSync(`${cacheFile}.${process.pid}`, cacheFile);
        } catch {
          // Without a writable cache the next start trains again.
        }
      }
    }
    return Object.assign(new IntentClassifier(nlp, vocabulary, asking), { fromCache });
  }

  /**
   * Whether the text shares a content word with the intent's examples. A network over few known
   * words can be sure for the wrong reason ("bestel een lunch voor het overleg" scored on "voor het");
   * an intent none of whose own words was said is not trusted.
   */
  sharesWordsWith(intent: string, text: string): boolean {
    const known = this.vocabulary.get(intent);
    const stems = stemsOf(normalizeForIntent(text));
    return stems.length === 0 || Boolean(known && stems.some((s) => known.has(s)));
  }

  /**
   * Whether the classifier's pick of the intent can be trusted for the text: it shares a content
   * word with the intent's examples; a question ("hoe vaak komt de stuurgroep bijeen?") goes only to
   * an intent whose examples ask questions too (a command such as "stuur de stuurgroep een update"
   * does not answer one), and only when at least half of what it asks, names left out, is said in
   * the intent's examples ("wat doet Haverdijk tegen babbeltrucs" shares only "doet" with "wat doet
   * de veiligheidsbot": it asks about something the command does not know).
   */
  trusts(intent: string, text: string, names: readonly string[] = []): boolean {
    if (!this.sharesWordsWith(intent, text)) return false;
    const normalized = normalizeForIntent(text);
    if (!isQuestion(normalized)) return true;
    if (!this.asking.has(intent)) return false;
    const known = this.vocabulary.get(intent);
    const named = new Set(names.flatMap((n) => stemsOf(normalizeForIntent(n))));
    const stems = stemsOf(normalized).filter((s) => !named.has(s));
    if (stems.length < 3 || !known) return true;
    return stems.filter((s) => known.has(s)).length * 2 >= stems.length;
  }

  /** Intents best first; an empty list when neither language model knows any word of the text. */
  async classify(text: string): Promise<IntentScore[]> {
    const normalized = normalizeForIntent(text);
    if (!normalized) return [];
    const result = await this.nlp.process('nl', normalized);
    if (result.intent === NO_INTENT) return [];
    return result.classifications.filter((c) => c.intent !== NO_INTENT).sort((a, b) => b.score - a.score);
  }
}
