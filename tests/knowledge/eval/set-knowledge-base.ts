import { readFileSync } from 'node:fs';
import type { EvalSet } from '../../../src/cli/eval/eval-sets.js';
import { sidecarFor } from '../../../src/cli/eval/run-eval-set.js';
import type { AnswerModel } from '../../../src/features/knowledge/answer/answer-model.js';
import { KnowledgeBase } from '../../../src/features/knowledge/knowledge-base.js';
import { createLogger } from '../../../src/logging/logger.js';
import type { Db } from '../../../src/store/db.js';
import { migrate } from '../../../src/store/migrate.js';
import { migrations } from '../../../src/store/migrations/index.js';
import { openPglite } from '../../../src/store/pglite-db.js';

/** A fresh in-memory store holding only one question set's documents (with their sidecars), for the answerer's tools. */
export async function openSetKnowledgeBase(set: EvalSet, options: { answerModel?: AnswerModel } = {}): Promise<{ db: Db; kb: KnowledgeBase }> {
  const db = await openPglite();
  await migrate(db, migrations, createLogger('silent'));
  const kb = new KnowledgeBase(db, options);
  for (const file of set.documents) {
    const sidecar = sidecarFor(file);
    await kb.ingest({ fileName: file, buffer: readFileSync(file), ...(sidecar ? { sidecar } : {}) });
  }
  return { db, kb };
}
