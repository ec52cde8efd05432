import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../core/project-root.js';
import type { Logger } from '../../core/logger.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { formatOf } from '../../documents/index.js';

export const sampleCorpusDir = fromRoot('src/content/corpus');

/** The sample documents shipped with the project (not the folder's README). */
export function sampleFiles(dir = sampleCorpusDir): string[] {
  return readdirSync(dir)
    .filter((f) => formatOf(f) && !/^readme\./i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Ingests the sample corpus into an empty knowledge base; a no-op (one count query) when documents exist. */
export async function loadSampleCorpusIfEmpty(kb: KnowledgeBase, log: Logger): Promise<number> {
  const existing = await kb.listDocuments();
  if (existing.length > 0) return 0;
  let added = 0;
  for (const file of sampleFiles()) {
    try {
      const result = await kb.ingest({ fileName: file, buffer: readFileSync(file) });
      if (result.status !== 'unchanged') added += 1;
    } catch (error) {
      log.error({ err: error, file }, 'sample document not ingested');
    }
  }
  log.info({ documents: added }, 'sample knowledge ingested');
  return added;
}
