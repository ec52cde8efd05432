import type { Sql } from '../../../store/db.js';
import type { DocumentMetadata, MetadataOrigin, SourceFormat } from '../../../documents/index.js';
import type { PassageKind } from '../passages.js';

/** What the document model found in a document (stored with it, shown by `npm run ingest -- --list`). */
export interface DocumentStructure {
  format: SourceFormat;
  sections: number;
  tables: number;
  rows: number;
  listItems: number;
  paragraphs: number;
  pages?: number;
}

/** A stored document's metadata. */
export interface KnowledgeDocument extends DocumentMetadata {
  id: number;
  sourceFile: string;
  contentHash: string;
  metadataOrigin: MetadataOrigin;
  charCount: number;
  ingestedAt: Date;
  passageCount: number;
  /** Null for documents stored before the document model. */
  structure: DocumentStructure | null;
}

export interface StoredSentence {
  text: string;
  /** Dutch stems of the sentence's words (stop words left out). */
  lexemes: string[];
  /** A list item or table row rather than running text. */
  item?: boolean;
  /** Which kind of block the sentence is from, when not running text. */
  kind?: 'list' | 'table-row';
  /** The first sentence of its paragraph, list item or row. */
  blockStart?: boolean;
}

export interface PassageRow {
  id: number;
  documentId: number;
  sectionIndex: number;
  sectionTitle: string;
  position: number;
  text: string;
  sentences: StoredSentence[];
  titleLexemes: string[];
  /** The headings above the passage, outermost first ("2. Ondermijning", "Meld Misdaad Anoniem"). */
  headingPath: string[];
  kind: PassageKind;
  /** The passages before and after it in reading order (null at the document's ends). */
  previousId: number | null;
  nextId: number | null;
  rank: number;
}

export interface NewPassage {
  sectionIndex: number;
  sectionTitle: string;
  headingPath: string[];
  kind: PassageKind;
  /** The heading path as text, indexed with weight B. */
  titleText: string;
  text: string;
  sentences: StoredSentence[];
  titleLexemes: string[];
  /** Folded words of the passage plus compound parts, for the full-text index. */
  indexText: string;
  lexemes: string[];
}

interface DocumentDbRow {
  id: number;
  title: string;
  gemeente: string | null;
  doc_type: string;
  doc_date: Date | string | null;
  source_file: string;
  content_hash: string;
  metadata_origin: string;
  char_count: number;
  ingested_at: Date;
  passage_count: number;
  structure: DocumentStructure | string | null;
}

function isoDay(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  // A `date` comes back as local midnight; take the local calendar day, not UTC.
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

function toDocument(row: DocumentDbRow): KnowledgeDocument {
  return {
    id: row.id,
    title: row.title,
    gemeente: row.gemeente,
    docType: row.doc_type,
    date: isoDay(row.doc_date),
    sourceFile: row.source_file,
    contentHash: row.content_hash,
    metadataOrigin: row.metadata_origin as MetadataOrigin,
    charCount: row.char_count,
    ingestedAt: row.ingested_at,
    passageCount: row.passage_count,
    structure: typeof row.structure === 'string' ? (JSON.parse(row.structure) as DocumentStructure) : row.structure,
  };
}

const documentColumns = `d.id, d.title, d.gemeente, d.doc_type, d.doc_date::text AS doc_date, d.source_file, d.content_hash, d.metadata_origin, d.char_count, d.ingested_at, d.structure,
  (SELECT count(*)::int FROM knowledge_passages p WHERE p.document_id = d.id) AS passage_count`;

/** Dutch stems of folded words (null for stop words), the same analysis `to_tsvector('dutch', ...)` does. */
export async function stemWords(sql: Sql, words: readonly string[]): Promise<Map<string, string | null>> {
  if (words.length === 0) return new Map();
  const rows = await sql.query<{ w: string; s: string | null }>(`SELECT w, (ts_lexize('dutch_stem', w))[1] AS s FROM unnest($1::text[]) AS w`, [words]);
  return new Map(rows.map((r) => [r.w, r.s]));
}

export async function listDocumentRows(sql: Sql): Promise<KnowledgeDocument[]> {
  const rows = await sql.query<DocumentDbRow>(`SELECT ${documentColumns} FROM knowledge_documents d ORDER BY d.gemeente NULLS LAST, d.doc_date DESC NULLS LAST, d.id`);
  return rows.map(toDocument);
}

export async function findDocument(sql: Sql, where: { hash?: string; sourceFile?: string; id?: number }): Promise<KnowledgeDocument | undefined> {
  const [column, value] = where.hash !== undefined ? ['content_hash', where.hash] : where.sourceFile !== undefined ? ['source_file', where.sourceFile] : ['id', where.id];
  const rows = await sql.query<DocumentDbRow>(`SELECT ${documentColumns} FROM knowledge_documents d WHERE d.${column} = $1`, [value]);
  return rows[0] ? toDocument(rows[0]) : undefined;
}

export async function deleteDocument(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql.query<{ id: number }>('DELETE FROM knowledge_documents WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/**
 * Stores a document and its passages in two statements: the passages go in as one JSON array, get
 * their ids first so each can point at its neighbours, and their search vectors go in alongside.
 */
export async function insertDocument(
  sql: Sql,
  doc: DocumentMetadata & { sourceFile: string; contentHash: string; metadataOrigin: MetadataOrigin; charCount: number; structure?: DocumentStructure },
  passages: readonly NewPassage[],
): Promise<KnowledgeDocument> {
  // The stored row comes back whole: no second query to read what was just written.
  const [row] = await sql.query<DocumentDbRow>(
    `INSERT INTO knowledge_documents (title, gemeente, doc_type, doc_date, source_file, content_hash, metadata_origin, char_count, structure)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9::jsonb)
     RETURNING id, title, gemeente, doc_type, doc_date::text AS doc_date, source_file, content_hash, metadata_origin, char_count, ingested_at, structure, $10::int AS passage_count`,
    [doc.title, doc.gemeente, doc.docType, doc.date, doc.sourceFile, doc.contentHash, doc.metadataOrigin, doc.charCount, doc.structure ? JSON.stringify(doc.structure) : null, passages.length],
  );
  const document = toDocument(row!);
  const id = document.id;
  if (passages.length === 0) return document;
  const input = passages.map((p, position) => ({
    position,
    section_index: p.sectionIndex,
    section_title: p.sectionTitle,
    heading_path: p.headingPath,
    kind: p.kind,
    text: p.text,
    sentences: p.sentences,
    title_lexemes: p.titleLexemes,
    lexemes: p.lexemes,
    title_text: p.titleText,
    index_text: p.indexText,
  }));
  await sql.query(
    `WITH input AS (
       SELECT x.*, nextval(pg_get_serial_sequence('knowledge_passages', 'id'))::int AS id
         FROM jsonb_to_recordset($2::jsonb) AS x(position int, section_index int, section_title text, heading_path text[], kind text, text text,
                                                 sentences jsonb, title_lexemes text[], lexemes text[], title_text text, index_text text)
     ),
     linked AS (
       SELECT input.*, lag(id) OVER w AS previous_id, lead(id) OVER w AS next_id FROM input WINDOW w AS (ORDER BY position)
     ),
     passage AS (
       INSERT INTO knowledge_passages (id, document_id, section_index, section_title, heading_path, kind, position, text, sentences, title_lexemes, lexemes, previous_id, next_id)
       SELECT id, $1, section_index, section_title, heading_path, kind, position, text, sentences, title_lexemes, lexemes, previous_id, next_id FROM linked
       RETURNING id
     )
     INSERT INTO knowledge_search (passage_id, document_id, tsv)
     SELECT l.id, $1, setweight(to_tsvector('dutch', unaccent(l.title_text)), 'B') || to_tsvector('dutch', unaccent(l.index_text))
       FROM linked l JOIN passage p ON p.id = l.id`,
    [id, JSON.stringify(input)],
  );
  return document;
}

/** How many passages hold each stem: the weight of a question word (rare words say more). */
export async function documentFrequencies(sql: Sql): Promise<{ df: Map<string, number>; passages: number }> {
  const rows = await sql.query<{ l: string; n: number }>('SELECT l, count(*)::int AS n FROM knowledge_passages, unnest(lexemes) AS l GROUP BY l');
  const [total] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM knowledge_passages');
  return { df: new Map(rows.map((r) => [r.l, r.n])), passages: total?.n ?? 0 };
}

/** A cheap fingerprint of the whole knowledge base, to notice ingests by another process. */
export async function knowledgeVersion(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ n: number; latest: Date | null; maxid: number | null }>('SELECT count(*)::int AS n, max(ingested_at) AS latest, max(id) AS maxid FROM knowledge_documents');
  return `${row?.n ?? 0}:${row?.maxid ?? 0}:${row?.latest ? new Date(row.latest).getTime() : 0}`;
}

// The columns passageFromRow reads.
const passageColumns = 'id, document_id, section_index, section_title, position, text, sentences, title_lexemes, heading_path, kind, previous_id, next_id';

/** All passages of one document in reading order. */
export async function documentPassages(sql: Sql, documentId: number): Promise<Omit<PassageRow, 'rank'>[]> {
  const rows = await sql.query<PassageDbRow>(`SELECT ${passageColumns} FROM knowledge_passages WHERE document_id = $1 ORDER BY position`, [documentId]);
  return rows.map(passageFromRow);
}

/** Documents whose title resembles the text (trigram word similarity), closest first. */
export async function documentsByTitle(sql: Sql, text: string, limit: number): Promise<{ id: number; similarity: number }[]> {
  const rows = await sql.query<{ id: number; similarity: number }>(
    `SELECT id, word_similarity(lower(unaccent($1)), lower(unaccent(title))) AS similarity
       FROM knowledge_documents
      WHERE word_similarity(lower(unaccent($1)), lower(unaccent(title))) > 0.3
      ORDER BY similarity DESC, doc_date DESC NULLS LAST
      LIMIT $2`,
    [text, limit],
  );
  return rows.map((r) => ({ id: r.id, similarity: Number(r.similarity) }));
}

/**
 * Each word as a tsquery operand, analysed as `to_tsquery('dutch', ...)` does: exact, and as a
 * prefix (`'programma':*`); an empty string for a stop word. Words are folded, so unaccent has
 * nothing left to do. Knowing the operands, a search sends a finished tsquery and PostgreSQL need
 * not run the Dutch analysis on every question.
 */
export async function queryTerms(sql: Sql, words: readonly string[]): Promise<Map<string, { exact: string; prefix: string }>> {
  if (words.length === 0) return new Map();
  const rows = await sql.query<{ w: string; exact: string; prefix: string }>(
    `SELECT w, to_tsquery('dutch', w)::text AS exact, to_tsquery('dutch', w || ':*')::text AS prefix FROM unnest($1::text[]) AS w`,
    [[...words]],
  );
  return new Map(rows.map((r) => [r.w, { exact: r.exact, prefix: r.prefix }]));
}

export interface SearchTerm {
  word: string;
  /** Also match words that start with this one. */
  prefix: boolean;
}

/** The tsquery text that matches any of the terms, from their analysed operands; empty when all are stop words. */
export function anyOfQuery(terms: readonly SearchTerm[], operands: ReadonlyMap<string, { exact: string; prefix: string } | null>): string {
  const parts = terms.map((t) => operands.get(t.word)?.[t.prefix ? 'prefix' : 'exact']).filter((q): q is string => Boolean(q));
  return [...new Set(parts)].map((q) => `( ${q} )`).join(' | ');
}

/** Ids and ranks of the passages matching a tsquery (its text form), best first: the indexed part of a search. */
export async function rankPassages(sql: Sql, tsquery: string, options: { documentIds?: readonly number[]; limit: number }): Promise<{ id: number; rank: number }[]> {
  const rows = await sql.query<{ id: number; rank: number }>(
    `SELECT s.passage_id AS id, ts_rank(s.tsv, q) AS rank
       FROM knowledge_search s, CAST($1 AS tsquery) AS q
      WHERE s.tsv @@ q AND ($2::int[] IS NULL OR s.document_id = ANY($2::int[]))
      ORDER BY rank DESC, s.passage_id
      LIMIT $3`,
    [tsquery, options.documentIds ? [...options.documentIds] : null, options.limit],
  );
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}

interface PassageDbRow {
  id: number;
  document_id: number;
  section_index: number;
  section_title: string;
  position: number;
  text: string;
  sentences: StoredSentence[] | string;
  title_lexemes: string[];
  heading_path: string[];
  kind: string;
  previous_id: number | null;
  next_id: number | null;
}

function passageFromRow(r: PassageDbRow): Omit<PassageRow, 'rank'> {
  return {
    id: r.id,
    documentId: r.document_id,
    sectionIndex: r.section_index,
    sectionTitle: r.section_title,
    position: r.position,
    text: r.text,
    // PGlite returns jsonb parsed; some paths hand it back as text.
    sentences: typeof r.sentences === 'string' ? (JSON.parse(r.sentences) as StoredSentence[]) : r.sentences,
    titleLexemes: r.title_lexemes,
    headingPath: r.heading_path ?? [],
    kind: (r.kind ?? 'paragraph') as PassageKind,
    previousId: r.previous_id ?? null,
    nextId: r.next_id ?? null,
  };
}

/** Passages by id (any order). */
export async function passagesById(sql: Sql, ids: readonly number[]): Promise<Omit<PassageRow, 'rank'>[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<PassageDbRow>(`SELECT ${passageColumns} FROM knowledge_passages WHERE id = ANY($1::int[])`, [[...ids]]);
  return rows.map(passageFromRow);
}
