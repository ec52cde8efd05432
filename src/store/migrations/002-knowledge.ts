import type { Migration } from './migration.js';

/**
 * The knowledge base: documents with their metadata, split into passages that keep their section
 * title. `tsv` is the Dutch full-text index (to_tsvector('dutch', unaccent(...)), section title
 * weighted B, with compound parts added); `sentences` holds each sentence with its stems, so an
 * answer is composed from a few rows without re-analysing text per question.
 */
export const knowledgeMigration: Migration = {
  id: 2,
  name: 'knowledge',
  sql: `
    CREATE TABLE knowledge_documents (
      id serial PRIMARY KEY,
      title text NOT NULL,
      gemeente text,
      doc_type text NOT NULL,
      doc_date date,
      source_file text NOT NULL UNIQUE,
      content_hash text NOT NULL UNIQUE,
      metadata_origin text NOT NULL,
      char_count integer NOT NULL,
      ingested_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX knowledge_documents_title_trgm ON knowledge_documents USING gin (lower(title) gin_trgm_ops);

    CREATE TABLE knowledge_passages (
      id serial PRIMARY KEY,
      document_id integer NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
      section_index integer NOT NULL,
      section_title text NOT NULL,
      position integer NOT NULL,
      text text NOT NULL,
      sentences jsonb NOT NULL,
      title_lexemes text[] NOT NULL,
      lexemes text[] NOT NULL,
      tsv tsvector NOT NULL
    );
    CREATE INDEX knowledge_passages_tsv ON knowledge_passages USING gin (tsv);
    CREATE INDEX knowledge_passages_document ON knowledge_passages (document_id, position);
  `,
};
