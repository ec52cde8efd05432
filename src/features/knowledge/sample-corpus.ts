import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fromRoot } from '../../config/project-root.js';
import type { Logger } from '../../logging/logger.js';
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

/**
 * Ingests the sample corpus into an empty knowledge base, and reads again the sample documents
 * stored before the document model (no structure); a no-op (one list query) otherwise.
 */
export async function loadSampleCorpusIfEmpty(kb: KnowledgeBase, log: Logger): Promise<number> {
  const existing = await kb.listDocuments();
  const stale = new Set(existing.filter((d) => !d.structure).map((d) => d.sourceFile));
  const files = existing.length === 0 ? sampleFiles() : sampleFiles().filter((f) => stale.has(basename(f)));
  if (files.length === 0) return 0;
  let added = 0;
  for (const file of files) {
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
