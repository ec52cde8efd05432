/**
 * Public API of the knowledge base (policy Q&A). Other features import from here only.
 *
 * Store-backed, with caches: the app builds one `new KnowledgeBase(db)` in its composition root and passes it in; it has
 * - `retrieve(question, {gemeente?, limit?})` → Passage[]: best passages with document metadata and best sentences;
 *   a passage knows its `headingPath`, its `kind` ('paragraph' | 'list' | 'table-row') and its neighbours
 *   (`previousId`, `nextId`); a table row is one sentence that keeps its header cells;
 * - `listDocuments()`, `gemeenten()`, `findDocumentsByTitle(text)` (closest titles, for "vat <document> samen"),
 *   `getDocumentSections(documentId)` (sections with heading path, passages and the stored blocks, for summaries),
 *   `searchDocuments(query)` (for a search box), `ingest({fileName, buffer, sidecar?, overrides?})`, `remove(id)`.
 * Answers: `answerOffline(kb, question, locale)` → {kind, text, citations, entity, abstained, passages};
 * `currentPriorities(kb, gemeente?, locale)`; `ANSWER_THRESHOLD` is the abstention rule's bar.
 * Citations (shared with an LLM answerer): `buildCitations(sources)`, `citationEntity(claims, {aiGenerated})`.
 * Reading files (the document model, sentences, metadata) lives in src/documents; re-exported here for callers of the knowledge base.
 */
export { KnowledgeBase, quotedSentences, type Passage, type RetrieveOptions, type DocumentSection, type SearchHit } from './knowledge-base.js';
export { answerOffline, abstention, currentPriorities, asksForPriorities, safeMarkdown, ANSWER_THRESHOLD, MAX_QUESTION_CHARS, type OfflineAnswer } from './answer-offline.js';
export { buildCitations, citationEntity, citationName, MAX_CITATIONS, type CitationSource, type Claim, type CitationEntity } from './answer/citations.js';
export {
  readDocument,
  formatOf,
  SUPPORTED_EXTENSIONS,
  cleanText,
  splitSentences,
  resolveMetadata,
  inferDate,
  inferGemeente,
  type DocumentMetadata,
  type StructuredDocument,
} from '../../documents/index.js';
export { buildPassages, type DraftPassage, type PassageKind } from './passages.js';
export { loadGlossary, definitionAsked, type Glossary, type GlossaryEntry } from './glossary.js';
export type { KnowledgeDocument, StoredSentence, DocumentStructure } from './store/knowledge-store.js';
export { ingestBatch, type IngestResult, type IngestSource, type BatchOutcome, type MetadataOverrides } from './ingest.js';
export { knowledgeFeature, answerActivity } from './knowledge-feature.js';
