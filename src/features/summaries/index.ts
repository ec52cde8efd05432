export { summariesFeature, type SummariesFeatureOptions } from './summaries-feature.js';
export { summarizeExtractive, extractiveSummarizer, DEFAULT_SUMMARY_WORDS } from './extractive-summarizer.js';
export { summaryDocumentFrom, summaryDocumentOf } from './summary-document.js';
export type { Summarizer, Summary, SummaryDocument, SummaryOptions } from './summary-types.js';
export type { SummarySource, KnowledgeIngest, DocumentRef } from './summary-source.js';
export { rankDocuments, resolveDocument } from './document-reference.js';
