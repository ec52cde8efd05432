/**
 * Builds the evaluation documents of our fictional gemeenten from their sources
 * (`sources/<part>/<name>.<ext>.src.md`: headings `#`/`##`, paragraphs, `- ` list items,
 * `| a | b |` table rows, the first table row its header) into the format the name asks for:
 * .docx (Word headings, bullet lists, a real table), .pdf (pages with a running header and footer,
 * tables as aligned text), .md or .txt. The sources are not documents: never ingest them.
 *   npx tsx tests/knowledge/eval/build-documents.ts [part …]   (every part under sources/ when none is named)
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

type Block = { kind: 'h1' | 'h2' | 'p' | 'li'; text: string } | { kind: 'table'; rows: string[][] };

const here = dirname(fileURLToPath(import.meta.url));

function parse(source: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('## ')) blocks.push({ kind: 'h2', text: line.slice(3) });
    else if (line.startsWith('# ')) blocks.push({ kind: 'h1', text: line.slice(2) });
    else if (line.startsWith('- ')) blocks.push({ kind: 'li', text: line.slice(2) });
    else if (line.startsWith('|')) {
      if (/^\|[\s|:-]+\|$/.test(line)) continue;
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else blocks.push({ kind: 'p', text: line });
  }
  return blocks;
}

async function toDocx(blocks: Block[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (cells, r) => new TableRow({ tableHeader: r === 0, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: r === 0 })] })] })) }),
          ),
        }),
      );
      children.push(new Paragraph({ text: '' }));
    } else if (b.kind === 'h1') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }));
    else if (b.kind === 'h2') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 }));
    else if (b.kind === 'li') children.push(new Paragraph({ text: b.text, numbering: { reference: 'bullets', level: 0 } }));
    else children.push(new Paragraph({ text: b.text }));
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

async function toPdf(blocks: Block[], header: string, footer: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const lines: { text: string; bold: boolean; gap: number; x?: number[]; cells?: string[] }[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      const widths = b.rows[0]!.map((_, i) => Math.max(...b.rows.map((r) => (r[i] ?? '').length)));
      b.rows.forEach((cells, r) => {
        const x: number[] = [];
        let at = 60;
        for (const w of widths) {
          x.push(at);
          at += Math.min(260, w * 5.6 + 18);
        }
        lines.push({ text: '', bold: r === 0, gap: r === 0 ? 8 : 0, x, cells });
      });
      lines.push({ text: '', bold: false, gap: 6 });
    } else if (b.kind === 'h1' || b.kind === 'h2') lines.push({ text: b.text, bold: true, gap: 10 });
    else if (b.kind === 'li') wrap(b.text, 88).forEach((t, i) => lines.push({ text: i === 0 ? `• ${t}` : `  ${t}`, bold: false, gap: 0 }));
    else wrap(b.text, 92).forEach((t, i) => lines.push({ text: t, bold: false, gap: i === 0 ? 6 : 0 }));
  }
  // A page ends before a line would reach the bottom margin: a line drawn there shares the footer's
  // row and is dropped with it as page furniture when the document is read.
  const pages: (typeof lines)[] = [[]];
  let room = 770 - 100;
  for (const l of lines) {
    if (l.gap + 15 > room && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      room = 770 - 100;
    }
    pages[pages.length - 1]!.push(l);
    room -= l.gap + 15;
  }
  pages.forEach((chunk, p) => {
    const page = pdf.addPage([595, 842]);
    page.drawText(header, { x: 60, y: 800, size: 9, font });
    let y = 770;
    for (const l of chunk) {
      y -= l.gap;
      if (l.cells && l.x) l.cells.forEach((c, i) => page.drawText(c, { x: l.x![i]!, y, size: 10, font: l.bold ? bold : font }));
      else page.drawText(l.text, { x: 60, y, size: 10, font: l.bold ? bold : font });
      y -= 15;
    }
    page.drawText(`${footer} | pagina ${p + 1} van ${pages.length}`, { x: 60, y: 30, size: 9, font });
  });
  return pdf.save();
}

function toText(blocks: Block[], markdown: boolean): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (markdown) {
        out.push(b.rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n'));
      } else out.push(b.rows.map((r) => r.join('\t')).join('\n'));
    } else if (b.kind === 'h1') out.push(markdown ? `# ${b.text}` : b.text.toUpperCase());
    else if (b.kind === 'h2') out.push(markdown ? `## ${b.text}` : b.text);
    else if (b.kind === 'li') out.push(`- ${b.text}`);
    else out.push(b.text);
  }
  return `${out.join('\n\n').replace(/\n\n- /g, '\n- ')}\n`;
}

// Naming parts rebuilds only those: a .docx or .pdf is rebuilt with new bytes each time, so
// building a new part leaves the documents of the others untouched.
const named = process.argv.slice(2);
const parts = named.length > 0 ? named : readdirSync(join(here, 'sources')).filter((d) => statSync(join(here, 'sources', d)).isDirectory());
for (const part of parts) {
  const dir = join(here, 'sources', part);
  const target = join(here, part, 'documents');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.src.md'))) {
    const file = name.replace(/\.src\.md$/, '');
    const source = readFileSync(join(dir, name), 'utf8');
    const blocks = parse(source);
    const ext = file.split('.').pop();
    const first = blocks.find((b) => b.kind === 'p' || b.kind === 'h1') as { text: string } | undefined;
    let bytes: Uint8Array;
    if (ext === 'docx') bytes = await toDocx(blocks);
    else if (ext === 'pdf') bytes = await toPdf(blocks, first?.text ?? '', blocks.find((b) => b.kind === 'h1')?.kind === 'h1' ? (blocks.find((b) => b.kind === 'h1') as { text: string }).text : '');
    else bytes = Buffer.from(toText(blocks, ext === 'md'));
    writeFileSync(join(target, file), bytes);
    console.log(`${part}/${file}: ${blocks.length} blocks`);
  }
}
