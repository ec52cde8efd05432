/**
 * The document model every feature reads: a document as sections with their heading path, each
 * holding paragraphs, list items (with the sentence that introduces them) and table rows (with
 * their header cells). Readers for each format build it from blocks (see blocks.ts).
 */

export type SourceFormat = 'txt' | 'md' | 'pdf' | 'docx';

export type BlockKind = 'paragraph' | 'list' | 'table-row';

export interface TableCell {
  /** The column's header cell; empty when the table has none. */
  header: string;
  value: string;
}

export interface DocumentBlock {
  kind: BlockKind;
  /** The block as one line: the paragraph, the list item, or the row as "Header: value; Header: value". */
  text: string;
  sentences: string[];
  /** A list item's or a table's introducing sentence ("De aanmeldingen kwamen van:"). */
  leadIn?: string;
  /** A table row's cells with their headers. */
  cells?: TableCell[];
  /** Which table of the document a row belongs to (0-based). */
  table?: number;
  /** Nesting of a list item (0 = top level). */
  depth?: number;
}

export interface DocumentSection {
  index: number;
  /** The section's own heading as written ("Meld Misdaad Anoniem"); empty for text before the first heading. */
  title: string;
  level: number;
  /** The headings above and including this one ("2. Ondermijning", "Meld Misdaad Anoniem"). */
  headingPath: string[];
  blocks: DocumentBlock[];
}

export interface StructuredDocument {
  format: SourceFormat;
  sections: DocumentSection[];
  /** Number of tables found. */
  tables: number;
  /** The document's own title when its layout shows it (a single top heading, the largest line on page 1). */
  titleHint?: string;
  /** YAML front matter of a .md/.txt file. */
  frontMatter?: Record<string, unknown>;
  /** The text in reading order, one block a line, headings included: for metadata inference and counts. */
  text: string;
  pages?: number;
  /** A PDF's running headers and footers (not in `text`): where a letterhead repeated on every page ends up. */
  furniture?: string[];
}

/** A heading path as one line: "2. Ondermijning › Meld Misdaad Anoniem". */
export function headingLine(path: readonly string[]): string {
  return path.filter(Boolean).join(' › ');
}

export function structureFigures(doc: StructuredDocument): { sections: number; tables: number; rows: number; listItems: number; paragraphs: number } {
  const blocks = doc.sections.flatMap((s) => s.blocks);
  return {
    sections: doc.sections.length,
    tables: doc.tables,
    rows: blocks.filter((b) => b.kind === 'table-row').length,
    listItems: blocks.filter((b) => b.kind === 'list').length,
    paragraphs: blocks.filter((b) => b.kind === 'paragraph').length,
  };
}
