import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fromRoot } from '../../config/project-root.js';
import { formatOf } from '../../documents/index.js';

/**
 * A question of an evaluation set, one JSON object per line:
 * {"id", "q", "expect": [["alt", ...], ...], "cite": "<gemeente>" | ""} or {"id", "q", "abstain": true}.
 * Every group of `expect` must be met by one of its alternatives; `tags` (chat, en, list, ...) split the figures.
 */
export const evalItemSchema = z.object({
  id: z.string(),
  q: z.string(),
  expect: z.array(z.array(z.string()).min(1)).optional(),
  cite: z.string().optional(),
  abstain: z.boolean().optional(),
  locale: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type EvalItem = z.infer<typeof evalItemSchema>;

const setSchema = z.object({
  name: z.string(),
  /** dev: tuned on; held-out: measured only at the end. */
  part: z.enum(['dev', 'held-out']),
  questions: z.string(),
  /** Files or folders (README and .yaml sidecars skipped), relative to the manifest. */
  documents: z.array(z.string()).min(1),
  /** Tags per question id, for sets whose lines carry none (a JSON object id → tags). */
  tags: z.string().optional(),
  /**
   * The least `npm test` accepts on a dev set (shares 0..1; default answered 0.8, abstained 0.9, recall@8 0.95).
   * A set that was held out and is now dev keeps the level it was measured at as its floor: a guard against
   * getting worse, not a target reached. `llmAnswered`: the same for the LLM path with a model that answers
   * exactly from its passages (default 0.95).
   */
  guard: z
    .object({
      answered: z.number().min(0).max(1).optional(),
      abstained: z.number().min(0).max(1).optional(),
      recall8: z.number().min(0).max(1).optional(),
      llmAnswered: z.number().min(0).max(1).optional(),
    })
    .optional(),
});
export type EvalSetSpec = z.infer<typeof setSchema>;

const manifestSchema = z.object({ sets: z.array(setSchema).min(1) });

export interface EvalSet {
  name: string;
  part: 'dev' | 'held-out';
  questionsFile: string;
  items: EvalItem[];
  documents: string[];
  guard: { answered: number; abstained: number; recall8: number; llmAnswered: number };
}

export const defaultManifest = fromRoot('tests/knowledge/eval/sets.json');

function expandDocuments(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => formatOf(name) && !/^readme\./i.test(name))
      .sort()
      .map((name) => join(path, name));
  });
}

export function readItems(file: string, tagsFile?: string): EvalItem[] {
  const tags = tagsFile ? (JSON.parse(readFileSync(tagsFile, 'utf8')) as Record<string, string[]>) : {};
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => evalItemSchema.parse(JSON.parse(l)))
    .map((item) => (item.tags || !tags[item.id] ? item : { ...item, tags: tags[item.id] }));
}

/** An ad-hoc set: one questions file and the documents to ingest for it. */
export function adHocSet(questionsFile: string, documents: readonly string[]): EvalSet {
  const file = resolve(questionsFile);
  return {
    name: file
      .split('/')
      .pop()!
      .replace(/\.jsonl$/, ''),
    part: 'dev',
    questionsFile: file,
    items: readItems(file),
    documents: expandDocuments(documents.map((d) => resolve(d))),
    guard: { answered: 0.8, abstained: 0.9, recall8: 0.95, llmAnswered: 0.95 },
  };
}

/** The sets of a manifest (tests/knowledge/eval/sets.json by default); paths are relative to it. */
export function loadManifest(file = defaultManifest): EvalSet[] {
  if (!existsSync(file)) throw new Error(`No evaluation manifest at ${file}`);
  const base = dirname(file);
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return manifest.sets.map((spec) => {
    const questionsFile = resolve(base, spec.questions);
    return {
      name: spec.name,
      part: spec.part,
      questionsFile,
      items: readItems(questionsFile, spec.tags ? resolve(base, spec.tags) : undefined),
      documents: expandDocuments(spec.documents.map((d) => resolve(base, d))),
      guard: { answered: 0.8, abstained: 0.9, recall8: 0.95, llmAnswered: 0.95, ...spec.guard },
    };
  });
}
