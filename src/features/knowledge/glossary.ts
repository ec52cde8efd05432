import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fromRoot } from '../../config/project-root.js';
import type { Locale } from '../../i18n/catalogue.js';
import { fold, tokenize } from './text/normalize.js';

const glossarySchema = z.object({
  acronyms: z.array(z.object({ term: z.string().min(1), expansion: z.string().min(1), nl: z.string().min(1), en: z.string().min(1) })),
  translations: z.record(z.string(), z.array(z.string())).default({}),
});

export type GlossaryEntry = z.infer<typeof glossarySchema>['acronyms'][number];

export interface Glossary {
  entries: readonly GlossaryEntry[];
  /** Folded term → entry ("riec" → RIEC). */
  byTerm: ReadonlyMap<string, GlossaryEntry>;
  /** English word → Dutch words for searching Dutch documents. */
  translations: ReadonlyMap<string, readonly string[]>;
  /** Folded words of all expansions, to help split compounds. */
  words: ReadonlySet<string>;
}

export function parseGlossary(yamlText: string): Glossary {
  const data = glossarySchema.parse(parseYaml(yamlText));
  const byTerm = new Map(data.acronyms.map((e) => [fold(e.term), e] as const));
  const words = new Set(data.acronyms.flatMap((e) => tokenize(e.expansion)).filter((w) => w.length >= 4));
  return { entries: data.acronyms, byTerm, translations: new Map(Object.entries(data.translations).map(([k, v]) => [fold(k), v.map(fold)])), words };
}

let cached: Glossary | undefined;

/** src/content/glossary.yaml, read once per process. */
export function loadGlossary(): Glossary {
  cached ??= parseGlossary(readFileSync(fromRoot('src/content/glossary.yaml'), 'utf8'));
  return cached;
}

// "Wat is het RIEC?", "Wat betekent BDUR", "Waar staat PHO voor?", "What is the RIEC?", "What does DVO stand for?"
const definitionQuestion =
  /^\s*(?:wat|wie)\s+(?:is|zijn|betekent|doet)\s+(?:het|de|een)?\s*([\p{L}&-]{2,12})\s*(?:eigenlijk|precies)?\s*[?!.]*\s*$|^\s*waar\s+staat\s+(?:het|de)?\s*([\p{L}&-]{2,12})\s+voor\s*[?!.]*\s*$|^\s*what\s+(?:is|are|does)\s+(?:the|an?)?\s*([\p{L}&-]{2,12})(?:\s+(?:stand\s+for|mean))?\s*[?!.]*\s*$|^\s*([\p{L}&-]{2,12})\s*\?\s*$/iu;

/** The glossary entry a "what is X?" question asks about, if X is in the glossary. */
export function definitionAsked(question: string, glossary: Glossary): GlossaryEntry | undefined {
  const m = definitionQuestion.exec(question);
  const term = m?.slice(1).find(Boolean);
  return term ? glossary.byTerm.get(fold(term)) : undefined;
}

export function explain(entry: GlossaryEntry, locale: Locale): string {
  return locale === 'en' ? entry.en : entry.nl;
}
