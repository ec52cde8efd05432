import type { BlockKind, DocumentSection } from '../../documents/index.js';

export type PassageKind = 'paragraph' | 'list' | 'table-row';

export interface DraftSentence {
  text: string;
  /** A list item or table row rather than running text. */
  item: boolean;
  kind: BlockKind;
  /** The first sentence of its block (paragraph, item or row). */
  blockStart: boolean;
}

export interface DraftPassage {
  sectionIndex: number;
  /** The section's own heading without its number ("Ondermijning"); the document title before the first heading. */
  sectionTitle: string;
  headingPath: string[];
  kind: PassageKind;
  text: string;
  sentences: DraftSentence[];
}

// Passages of a few paragraphs: small enough to cite, large enough to keep a list with its lead-in.
const passageTarget = 700;
const passageMax = 1100;

const withoutNumber = (heading: string) => heading.replace(/^\d{1,2}(\.\d{1,2})*\.?\s+/, '').trim();

/**
 * Passages from the document model, section by section: paragraphs grouped to about `passageTarget`
 * characters (a long one split at sentences), a list kept with the paragraph that introduces it, and
 * the rows of a table in passages of their own, each row a sentence that keeps its header cells.
 */
export function buildPassages(sections: readonly DocumentSection[], documentTitle: string): DraftPassage[] {
  const out: DraftPassage[] = [];
  for (const section of sections) {
    const sectionTitle = section.title ? withoutNumber(section.title) : documentTitle;
    let texts: string[] = [];
    let sentences: DraftSentence[] = [];
    let kinds = new Set<BlockKind>();
    let length = 0;
    const flush = () => {
      if (sentences.length) {
        const kind: PassageKind = kinds.size === 1 && kinds.has('table-row') ? 'table-row' : kinds.has('list') ? 'list' : 'paragraph';
        out.push({ sectionIndex: section.index, sectionTitle, headingPath: section.headingPath.length ? [...section.headingPath] : [], kind, text: texts.join('\n'), sentences });
      }
      texts = [];
      sentences = [];
      kinds = new Set();
      length = 0;
    };
    for (const block of section.blocks) {
      const isRow = block.kind === 'table-row';
      // A table starts and ends a passage: rows read together, apart from the prose around them.
      if (length > 0 && isRow !== kinds.has('table-row')) flush();
      const own: DraftSentence[] = block.sentences.map((text, i) => ({ text, item: block.kind !== 'paragraph', kind: block.kind, blockStart: i === 0 }));
      // A list item stays with its lead-in; other blocks start a new passage once the current one is full.
      if (length > 0 && block.kind !== 'list' && length + block.text.length > passageTarget) flush();
      if (block.text.length > passageMax) {
        for (const s of own) {
          if (length > 0 && length + s.text.length > passageTarget) flush();
          texts.push(s.text);
          sentences.push(s);
          kinds.add(block.kind);
          length += s.text.length + 1;
        }
        continue;
      }
      if (length > 0 && length + block.text.length > passageMax) flush();
      texts.push(block.kind === 'list' ? `- ${block.text}` : block.text);
      sentences.push(...own);
      kinds.add(block.kind);
      length += block.text.length + 1;
    }
    flush();
  }
  return out;
}
