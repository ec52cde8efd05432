import type { StructuredDocument } from './model.js';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The document as Markdown that `readMarkdown` reads back to the same sections, lists and rows:
 * how an uploaded file is kept between "vat samen" and "korter" without its original bytes.
 */
export function renderMarkdown(doc: StructuredDocument, title?: string): string {
  const out: string[] = [];
  if (title) out.push(`# ${title}`, '');
  let printed: string[] = [];
  for (const section of doc.sections) {
    // Print only the headings not printed already (a parent heading is shared by its sub-sections).
    section.headingPath.forEach((heading, depth) => {
      if (printed[depth] === heading) return;
      out.push(`${'#'.repeat(Math.min(6, depth + 2))} ${heading}`, '');
      printed = [...printed.slice(0, depth), heading];
    });
    let table: number | undefined;
    for (const block of section.blocks) {
      if (block.kind === 'table-row') {
        const cells = block.cells ?? [];
        if (block.table !== table) {
          if (table !== undefined) out.push('');
          table = block.table;
          out.push(`| ${cells.map((c) => escapeCell(c.header || ' ')).join(' | ')} |`, `|${cells.map(() => '---').join('|')}|`);
        }
        out.push(`| ${cells.map((c) => escapeCell(c.value)).join(' | ')} |`);
        continue;
      }
      if (table !== undefined) out.push('');
      table = undefined;
      if (block.kind === 'list') out.push(`${'  '.repeat(block.depth ?? 0)}- ${block.text}`);
      else out.push(block.text, '');
    }
    out.push('');
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
