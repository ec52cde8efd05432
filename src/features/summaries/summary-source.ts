import type { SummaryDocument } from './summary-types.js';

export interface DocumentRef {
  id: string;
  title: string;
}

/** Where stored documents come from (the knowledge base): small on purpose, so tests and the real module both fit. */
export interface SummarySource {
  /** The newest status note ("stand van zaken") of the tenant. */
  latestStatusNote(tenantId: string | undefined): Promise<DocumentRef | undefined>;
  /** The document whose title matches `query`, or the closest titles as suggestions. */
  findByTitle(tenantId: string | undefined, query: string): Promise<{ match?: DocumentRef; suggestions: DocumentRef[] }>;
  document(tenantId: string | undefined, id: string): Promise<SummaryDocument | undefined>;
}

/** Adds an uploaded file to the knowledge base, only when the user asks for it on the card. */
export interface KnowledgeIngest {
  addDocument(input: { tenantId: string | undefined; title: string; text: string; addedBy: string }): Promise<void>;
}
