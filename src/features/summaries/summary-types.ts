import type { BlockKind } from '../../documents/index.js';

/** A paragraph, list item or table row of a section, already split into sentences by the document model. */
export interface SummaryParagraph {
  kind: BlockKind;
  sentences: string[];
  /** The first block under a heading: its first sentence usually says what the part is about. */
  afterHeading: boolean;
}

/** What a summary is made from: a document's sections, as text (for the AI prompt) and as sentences. */
export interface SummaryDocument {
  title: string;
  sections: { title: string; text: string; paragraphs: SummaryParagraph[] }[];
}

/** One line of the summary, with the position of the citation ([n]) of the passage it comes from. */
export interface SummaryLine {
  text: string;
  citation: number;
}

export interface SummaryCitation {
  position: number;
  documentTitle: string;
  sectionTitle: string;
  /** The passage the line was taken from (the whole source sentence). */
  passage: string;
  /** Index of the section in SummaryDocument.sections the passage comes from. */
  section: number;
}

export interface Summary {
  title: string;
  sections: { title: string; bullets: SummaryLine[] }[];
  /** Key figures and dates, as written, with a few words of context from the same sentence. */
  figures: { figure: string; context: string; citation: number }[];
  /** What is planned next. */
  outlook: SummaryLine[];
  citations: SummaryCitation[];
  words: number;
  /** 'extractive' copies and shortens sentences; 'ai' is written by a language model from the same passages. */
  kind: 'extractive' | 'ai';
  /** Why an extractive summary stands in for the AI one: the service failed, or its text left the passages. */
  fallback?: 'unavailable' | 'ungrounded';
}

export interface SummaryOptions {
  /** Word budget for the whole summary (bullets, figures and outlook). */
  words: number;
}

/** The seam for an abstractive (LLM) summarizer: same input, same output, grounded in the same passages. */
export interface Summarizer {
  summarize(document: SummaryDocument, options: SummaryOptions): Promise<Summary>;
}
