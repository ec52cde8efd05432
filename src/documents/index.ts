/**
 * The document model: every format read into sections, paragraphs, list items and table rows, with
 * one sentence splitter and the document's metadata. Domain code only (no bot, no store).
 */
export { readDocument, readTextDocument, formatOf, SUPPORTED_EXTENSIONS } from './read-document.js';
export { headingLine, structureFigures, type StructuredDocument, type DocumentSection, type DocumentBlock, type BlockKind, type TableCell, type SourceFormat } from './model.js';
export { splitSentences, normalizeSpace, wordCount } from './sentences.js';
export { resolveMetadata, inferDate, inferGemeente, inferTitle, inferType, datesIn, type DocumentMetadata, type MetadataOrigin } from './metadata.js';
export { renderMarkdown } from './render-markdown.js';
export { cleanText } from './readers/clean-text.js';
