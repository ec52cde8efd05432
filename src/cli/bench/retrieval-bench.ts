import { KnowledgeBase } from '../../features/knowledge/index.js';
import { createLogger } from '../../logging/logger.js';
import { migrate } from '../../store/migrate.js';
import { migrations } from '../../store/migrations/index.js';
import { openPglite } from '../../store/pglite-db.js';
import { percentile } from './load.js';
import { syntheticCorpus } from './synthetic-corpus.js';

export interface RetrievalResult {
  documents: number;
  passages: number;
  ingestSeconds: number;
  /** The first question: loads the caches (document list, word frequencies). */
  firstMs: number;
  questions: number;
  /** Questions that found at least one passage. */
  answered: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Ingests a generated corpus through the knowledge module's real ingest into a fresh in-memory
 * PGlite store (migrated like production), then times `retrieve(question)` question by question.
 */
export async function runRetrievalBench(documentCount: number, questionCount: number, progress: (line: string) => void): Promise<RetrievalResult> {
  const corpus = syntheticCorpus(documentCount, questionCount);
  const db = await openPglite();
  try {
    await migrate(db, migrations, createLogger('silent'));
    const kb = new KnowledgeBase(db);
    const ingestStart = performance.now();
    for (const [i, doc] of corpus.documents.entries()) {
      const result = await kb.ingest({ fileName: doc.fileName, buffer: Buffer.from(doc.text, 'utf8') });
      if (result.status !== 'added') throw new Error(`${doc.fileName} was ${result.status}, not added`);
      if ((i + 1) % 500 === 0) progress(`  ingested ${i + 1}/${documentCount} documents (${((performance.now() - ingestStart) / 1000).toFixed(1)} s)`);
    }
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM knowledge_passages');

    const firstStart = performance.now();
    await kb.retrieve(corpus.questions[0]!);
    const firstMs = performance.now() - firstStart;

    const times: number[] = [];
    let answered = 0;
    for (const q of corpus.questions) {
      const start = performance.now();
      const passages = await kb.retrieve(q);
      times.push(performance.now() - start);
      if (passages.length > 0) answered += 1;
    }
    return {
      documents: documentCount,
      passages: count?.n ?? 0,
      ingestSeconds,
      firstMs,
      questions: times.length,
      answered,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    };
  } finally {
    await db.close();
  }
}
