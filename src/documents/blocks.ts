import { normalizeSpace, splitSentences } from './sentences.js';
import type { DocumentBlock, DocumentSection, SourceFormat, StructuredDocument, TableCell } from './model.js';

/** What a format reader hands over: blocks in reading order, before sections and sentences are made. */
export type RawBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list-item'; text: string; depth: number }
  /** Rows of cells; `header` says whether the first row holds the column headers. */
  | { type: 'table'; rows: string[][]; header: boolean };

export interface ReadBlocks {
  blocks: RawBlock[];
  titleHint?: string;
  frontMatter?: Record<string, unknown>;
  pages?: number;
  /** A PDF's running headers and footers, left out of the text: the letterhead may be only there. */
  furniture?: string[];
}

function cellsOf(header: readonly string[] | undefined, row: readonly string[]): TableCell[] {
  return row.map((value, i) => ({ header: normalizeSpace(header?.[i] ?? ''), value: normalizeSpace(value) })).filter((c) => c.value && c.value !== c.header);
}

/** A table row as one line that keeps its headers: "Thema: Ondermijning; Budget 2026: € 164.000". */
export function rowText(cells: readonly TableCell[]): string {
  return cells.map((c) => (c.header ? `${c.header}: ${c.value}` : c.value)).join('; ');
}

/** The last sentence of a paragraph: what introduces a list or a table that follows it. */
function introOf(block: DocumentBlock | undefined): string | undefined {
  if (!block || block.kind !== 'paragraph') return undefined;
  return block.sentences[block.sentences.length - 1];
}

/**
 * Sections from blocks: each heading opens a section whose path is the headings above it; list
 * items get the sentence before the list, table rows their header cells. Sections without blocks
 * (a heading directly followed by a sub-heading) are left out; their heading stays in the paths below.
 */
export function assemble(format: SourceFormat, read: ReadBlocks): StructuredDocument {
  const sections: DocumentSection[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: DocumentSection = { index: 0, title: '', level: 1, headingPath: [], blocks: [] };
  let tables = 0;
  const lines: string[] = [];
  const push = () => {
    if (current.blocks.length > 0) sections.push({ ...current, index: sections.length });
  };
  let lastParagraph: DocumentBlock | undefined;
  let listIntro: string | undefined;
  let previousType: RawBlock['type'] | undefined;

  for (const block of read.blocks) {
    if (block.type === 'heading') {
      const text = normalizeSpace(block.text);
      if (!text) continue;
      push();
      while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
      stack.push({ level: block.level, text });
      current = { index: 0, title: text, level: block.level, headingPath: stack.map((h) => h.text), blocks: [] };
      lastParagraph = undefined;
      lines.push(text);
    } else if (block.type === 'paragraph') {
      const text = normalizeSpace(block.text);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      lastParagraph = { kind: 'paragraph', text, sentences: splitSentences(text) };
      current.blocks.push(lastParagraph);
      lines.push(text);
    } else if (block.type === 'list-item') {
      const text = normalizeSpace(block.text);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      if (previousType !== 'list-item') listIntro = previousType === 'paragraph' ? introOf(lastParagraph) : undefined;
      current.blocks.push({ kind: 'list', text, sentences: splitSentences(text), depth: block.depth, ...(listIntro ? { leadIn: listIntro } : {}) });
      lines.push(`- ${text}`);
    } else {
      const rows = block.rows.map((r) => r.map(normalizeSpace)).filter((r) => r.some(Boolean));
      if (rows.length === 0) continue;
      const header = block.header && rows.length > 1 ? rows[0] : undefined;
      const body = header ? rows.slice(1) : rows;
      const table = tables;
      tables += 1;
      // A sentence introduces a table only when it comes right before it.
      const intro = previousType === 'paragraph' ? introOf(lastParagraph) : undefined;
      for (const row of body) {
        const cells = cellsOf(header, row);
        if (cells.length === 0) continue;
        const text = rowText(cells);
        current.blocks.push({ kind: 'table-row', text, sentences: [text], cells, table, ...(intro ? { leadIn: intro } : {}) });
        lines.push(text);
      }
      lastParagraph = undefined;
    }
    previousType = block.type;
  }
  push();
  return {
    format,
    sections,
    tables,
    text: lines.join('\n'),
    ...(read.titleHint ? { titleHint: normalizeSpace(read.titleHint) } : {}),
    ...(read.furniture?.length ? { furniture: read.furniture } : {}),
    ...(read.frontMatter ? { frontMatter: read.frontMatter } : {}),
    ...(read.pages !== undefined ? { pages: read.pages } : {}),
  };
}
