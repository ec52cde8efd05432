import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fromRoot } from '../../../config/project-root.js';
import { fold, tokenize } from '../text/normalize.js';

/** data/query-lexicon.yaml: how colleagues ask versus how the documents say it. */
const schema = z.object({
  english: z.record(z.string(), z.array(z.string())).default({}),
  synonyms: z.record(z.string(), z.array(z.string())).default({}),
  framing: z.array(z.string()).default([]),
  relative_time: z.array(z.string()).default([]),
});

export interface QueryLexicon {
  /** English word → Dutch words. */
  english: ReadonlyMap<string, readonly string[]>;
  /** Dutch question word → other words documents use for it. */
  synonyms: ReadonlyMap<string, readonly string[]>;
  framing: ReadonlySet<string>;
  relativeTime: ReadonlySet<string>;
  /** Keys of several words, each as the pattern that finds it in a question and the one token it becomes. */
  phrases: readonly { pattern: RegExp; joined: string }[];
}

export function parseQueryLexicon(yamlText: string): QueryLexicon {
  const data = schema.parse(parseYaml(yamlText));
  // "one-off", "follow up": a key of several words is also known written as one token ("oneoff"), the way the question joins it (see `joinLexiconWords`).
  const map = (record: Record<string, string[]>) =>
    new Map(Object.entries(record).flatMap(([k, v]) => [[fold(k), v.map(fold)] as const, ...(/[\s-]/.test(k) ? [[fold(k).replace(/[\s-]+/g, ''), v.map(fold)] as const] : [])]));
  // "steering group", "new year's eve": keys of several words, found in a question as a run of its words (see `joinLexiconWords`).
  const phrases = [...Object.keys(data.english), ...Object.keys(data.synonyms)]
    .map((k) => tokenize(k))
    .filter((words) => words.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((words) => ({ pattern: new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s'’-]*")}(?![\\p{L}\\p{N}])`, 'giu'), joined: words.join('') }));
  const joinedKeys = (record: Record<string, string[]>) => Object.entries(record).map(([k, v]) => [tokenize(k).join(''), v.map(fold)] as const);
  const english = new Map([...map(data.english), ...joinedKeys(data.english)]);
  const synonyms = new Map([...map(data.synonyms), ...joinedKeys(data.synonyms)]);
  return { english, synonyms, framing: new Set(data.framing.map(fold)), relativeTime: new Set(data.relative_time.map(fold)), phrases };
}

let cached: QueryLexicon | undefined;

export function loadQueryLexicon(): QueryLexicon {
  cached ??= parseQueryLexicon(readFileSync(fromRoot('src/features/knowledge/data/query-lexicon.yaml'), 'utf8'));
  return cached;
}

/** Joins words the lexicon knows together ("one-off" → "oneoff"), before the question is cut into tokens at the hyphen. */
export function joinLexiconWords(text: string, lexicon: QueryLexicon): string {
  let joined = text;
  // "steering group" → "steeringgroup", "New Year's Eve" → "newyearseve": one word the lexicon translates.
  for (const { pattern, joined: word } of lexicon.phrases) {
    pattern.lastIndex = 0;
    if (!pattern.test(fold(joined))) continue;
    pattern.lastIndex = 0;
    joined = foldedReplace(joined, pattern, word);
  }
  return joined.replace(/[\p{L}]+(?:-[\p{L}]+)+/gu, (word) => {
    const joined = fold(word).replace(/-/g, '');
    return lexicon.english.has(joined) || lexicon.synonyms.has(joined) ? joined : word;
  });
}

/** Replaces the matches of a pattern over the folded text in the original (folding keeps the length of Dutch and English letters). */
function foldedReplace(text: string, pattern: RegExp, word: string): string {
  const folded = fold(text);
  if (folded.length !== text.length) return folded.replace(pattern, word);
  let out = '';
  let last = 0;
  for (const m of folded.matchAll(pattern)) {
    out += text.slice(last, m.index) + word;
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
}
