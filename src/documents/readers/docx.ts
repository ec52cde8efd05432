import { DomUtils, parseDocument } from 'htmlparser2';
import type { RawBlock, ReadBlocks } from '../blocks.js';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Tag = Extract<Node, { name: string; attribs: Record<string, string> }>;

const isTag = (n: Node): n is Tag => DomUtils.isTag(n);
const text = (n: Node | Node[]): string => DomUtils.textContent(n).replace(/\s+/g, ' ').trim();

function cellsOf(row: Tag): { cells: string[]; header: boolean } {
  const cells = row.children.filter(isTag).filter((c) => c.name === 'td' || c.name === 'th');
  // A cell of several paragraphs reads as one line.
  return {
    cells: cells.map((c) =>
      c.children
        .map((p) => text(p))
        .filter(Boolean)
        .join(' '),
    ),
    header: cells.length > 0 && cells.every((c) => c.name === 'th'),
  };
}

function tableOf(table: Tag): RawBlock {
  const rows = DomUtils.findAll((n) => n.name === 'tr', table.children).map(cellsOf);
  // Word tables mark a header row only when "repeat as header row" is set; otherwise the first row still holds the headers.
  return { type: 'table', header: true, rows: rows.map((r) => r.cells) };
}

function listOf(list: Tag, depth: number, out: RawBlock[]): void {
  for (const item of list.children.filter(isTag).filter((c) => c.name === 'li')) {
    const own = item.children.filter((c) => !(isTag(c) && (c.name === 'ul' || c.name === 'ol')));
    out.push({ type: 'list-item', text: text(own), depth });
    for (const nested of item.children.filter(isTag).filter((c) => c.name === 'ul' || c.name === 'ol')) listOf(nested, depth + 1, out);
  }
}

function walk(nodes: readonly Node[], out: RawBlock[]): void {
  for (const node of nodes) {
    if (!isTag(node)) {
      const t = text(node);
      if (t) out.push({ type: 'paragraph', text: t });
      continue;
    }
    const heading = /^h([1-6])$/.exec(node.name);
    if (heading) out.push({ type: 'heading', level: Number(heading[1]), text: text(node) });
    else if (node.name === 'p') out.push({ type: 'paragraph', text: text(node) });
    else if (node.name === 'ul' || node.name === 'ol') listOf(node, 0, out);
    else if (node.name === 'table') out.push(tableOf(node));
    else walk(node.children, out);
  }
}

/**
 * A Word document through mammoth's HTML, which keeps headings (Heading 1–6 styles), lists and tables,
 * read with an HTML parser. A paragraph in the Title style, or the first short paragraph after a
 * letterhead before the first heading, is the title hint.
 */
export async function readDocx(buffer: Uint8Array): Promise<ReadBlocks> {
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(buffer) }, { styleMap: ["p[style-name='Title'] => p.title:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"] });
  const dom = parseDocument(result.value);
  const blocks: RawBlock[] = [];
  walk(dom.children, blocks);
  const titled = DomUtils.findOne((n) => n.name === 'p' && (n.attribs.class ?? '').split(' ').includes('title'), dom.children);
  return { blocks, ...(titled && text(titled) ? { titleHint: text(titled) } : {}) };
}
