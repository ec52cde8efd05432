import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fromRoot } from '../../../config/project-root.js';
import { fold } from '../text/normalize.js';

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
}

export function parseQueryLexicon(yamlText: string): QueryLexicon {
  const data = schema.parse(parseYaml(yamlText));
  // "one-off", "follow up": a key of several words is also known written as one token ("oneoff"), the way the question joins it (see `joinLexiconWords`).
  const map = (record: Record<string, string[]>) =>
    new Map(Object.entries(record).flatMap(([k, v]) => [[fold(k), v.map(fold)] as const, ...(/[\s-]/.test(k) ? [[fold(k).replace(/[\s-]+/g, ''), v.map(fold)] as const] : [])]));
  return { english: map(data.english), synonyms: map(data.synonyms), framing: new Set(data.framing.map(fold)), relativeTime: new Set(data.relative_time.map(fold)) };
}

let cached: QueryLexicon | undefined;

export function loadQueryLexicon(): QueryLexicon {
  cached ??= parseQueryLexicon(readFileSync(fromRoot('src/features/knowledge/data/query-lexicon.yaml'), 'utf8'));
  return cached;
}

/** Joins words the lexicon knows together ("one-off" → "oneoff"), before the question is cut into tokens at the hyphen. */
export function joinLexiconWords(text: string, lexicon: QueryLexicon): string {
  return text.replace(/[\p{L}]+(?:-[\p{L}]+)+/gu, (word) => {
    const joined = fold(word).replace(/-/g, '');
    return lexicon.english.has(joined) || lexicon.synonyms.has(joined) ? joined : word;
  });
}
