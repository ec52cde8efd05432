/** What a summary is made from: a document's sections as plain text. */
export interface SummaryDocument {
  title: string;
  sections: { title: string; text: string }[];
  /** Where a citation links to, when the document has an address. */
  url?: string;
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
  url?: string;
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
  /** 'extractive' copies and shortens sentences; an LLM summarizer would say 'ai'. */
  kind: 'extractive' | 'ai';
}

export interface SummaryOptions {
  /** Word budget for the whole summary (bullets, figures and outlook). */
  words: number;
}

/** The seam for an abstractive (LLM) summarizer: same input, same output, grounded in the same passages. */
export interface Summarizer {
  summarize(document: SummaryDocument, options: SummaryOptions): Promise<Summary>;
}
