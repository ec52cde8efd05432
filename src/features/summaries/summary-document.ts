import { headingLine, type BlockKind, type StructuredDocument } from '../../documents/index.js';
import type { SummaryDocument, SummaryParagraph } from './summary-types.js';

// Reading lists and link collections are not content to summarise.
const referenceHeading = /^\s*(meer informatie|andere relevante links|bijlagen?|links|bronnen)\s*:?\s*$/i;
// A section with fewer words says too little for a bullet of its own.
const minWords = 8;

export interface SectionBlocks {
  headingPath: readonly string[];
  blocks: readonly { kind: BlockKind; sentences: readonly string[] }[];
}

/**
 * The summary's view of a document's sections (from the store or from a file just read): titled by
 * heading path, the text for the AI prompt and the sentences the document model made.
 */
export function summaryDocumentFrom(title: string, sections: readonly SectionBlocks[]): SummaryDocument {
  return {
    title,
    sections: sections
      .filter((s) => !referenceHeading.test(s.headingPath[s.headingPath.length - 1] ?? ''))
      .map((s) => {
        const paragraphs: SummaryParagraph[] = s.blocks.map((b, i) => ({ kind: b.kind, sentences: [...b.sentences], afterHeading: i === 0 && s.headingPath.length > 0 }));
        return { title: headingLine(s.headingPath) || title, text: s.blocks.map((b) => b.sentences.join(' ')).join('\n\n'), paragraphs };
      })
      .filter((s) => s.text.split(/\s+/).length >= minWords),
  };
}

/** A file read into the document model (an upload), as a summary document. */
export function summaryDocumentOf(title: string, doc: StructuredDocument): SummaryDocument {
  return summaryDocumentFrom(title, doc.sections);
}
