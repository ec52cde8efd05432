import type { Migration } from './migration.js';

/**
 * What the knowledge base keeps of a document's structure: each passage's heading path, its kind
 * (running text, a list, table rows) and its neighbours in reading order; each document's structure
 * figures (format, sections, tables, rows). Passages stored before keep their section title as path.
 */
export const documentStructureMigration: Migration = {
  id: 10,
  name: 'document-structure',
  sql: `
    ALTER TABLE knowledge_passages
      ADD COLUMN heading_path text[] NOT NULL DEFAULT '{}',
      ADD COLUMN kind text NOT NULL DEFAULT 'paragraph',
      ADD COLUMN previous_id integer,
      ADD COLUMN next_id integer;
    ALTER TABLE knowledge_documents ADD COLUMN structure jsonb;
    UPDATE knowledge_passages SET heading_path = ARRAY[section_title] WHERE section_title <> '';
    UPDATE knowledge_passages p SET previous_id = n.previous_id, next_id = n.next_id
      FROM (SELECT id, lag(id) OVER w AS previous_id, lead(id) OVER w AS next_id FROM knowledge_passages WINDOW w AS (PARTITION BY document_id ORDER BY position)) n
     WHERE p.id = n.id;
  `,
};
