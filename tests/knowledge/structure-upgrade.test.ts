import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { KnowledgeBase } from '../../src/features/knowledge/index.js';
import { loadSampleCorpusIfEmpty, sampleFiles } from '../../src/features/knowledge/sample-corpus.js';
import type { Db } from '../../src/store/db.js';
import { openTestPglite } from '../helpers/pglite-template.js';

/** Documents stored before the document model (migration 010 leaves their structure empty) are read again, not skipped as unchanged. */
describe('documents stored before the document model', () => {
  let db: Db;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    db = await openTestPglite();
    kb = new KnowledgeBase(db);
    await loadSampleCorpusIfEmpty(kb, createLogger('silent'));
    // As an upgraded store has them: no structure, one heading per passage, no block marks.
    await db.query(`UPDATE knowledge_documents SET structure = NULL`);
    await db.query(`UPDATE knowledge_passages SET heading_path = ARRAY[section_title], kind = 'paragraph'`);
    kb.invalidate();
  });
  afterAll(async () => db?.close());

  it('are read again at start-up (the sample corpus) and when the same file is ingested again', async () => {
    const reread = await loadSampleCorpusIfEmpty(kb, createLogger('silent'));
    expect(reread).toBe(sampleFiles().length);
    const docs = await kb.listDocuments();
    expect(docs.every((d) => d.structure !== null)).toBe(true);
    const hengelo = docs.find((d) => d.sourceFile.startsWith('002_'))!;
    expect(hengelo.structure).toMatchObject({ tables: 12, rows: 50 });
    expect(await loadSampleCorpusIfEmpty(kb, createLogger('silent'))).toBe(0);
  });
});
