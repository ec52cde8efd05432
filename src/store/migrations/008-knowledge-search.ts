import type { Migration } from './migration.js';

/**
 * The full-text vectors in a narrow table of their own. Every question scans and ranks them; in
 * the wide passage rows (text, sentences, stems beside the vector) that costs about twice as much,
 * on PGlite most of all. The passage rows keep what an answer quotes.
 */
export const knowledgeSearchMigration: Migration = {
  id: 8,
  name: 'knowledge-search',
  sql: `
    CREATE TABLE knowledge_search (
      passage_id integer PRIMARY KEY REFERENCES knowledge_passages (id) ON DELETE CASCADE,
      document_id integer NOT NULL,
      tsv tsvector NOT NULL
    );
    INSERT INTO knowledge_search (passage_id, document_id, tsv) SELECT id, document_id, tsv FROM knowledge_passages;
    CREATE INDEX knowledge_search_tsv ON knowledge_search USING gin (tsv);
    DROP INDEX knowledge_passages_tsv;
    ALTER TABLE knowledge_passages DROP COLUMN tsv;
  `,
};
