import type { RawBlock, ReadBlocks } from '../blocks.js';
import { linesOfPage, splitFurniture, type PdfItem, type PdfLine, type Segment } from './pdf-lines.js';

const bulletGlyph = /^[•▪◦●·∙‣–-]$/;
const bulletStart = /^[•▪◦●·∙‣]\s*/;

function mostCommon<T>(values: readonly T[], weight: (v: T) => number = () => 1): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + weight(v));
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Joins the lines of one paragraph: a hyphen at a line end goes when the word continues ("veilig-/heid"). */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line) && !/^(en|of|tot)\b/.test(line)) out = out.slice(0, -1) + line;
    else out = `${out} ${line}`;
  }
  return out;
}

/** A column of a table: where its header starts and ends. */
interface Column {
  x: number;
  end: number;
}

function columnOf(segment: Segment, columns: readonly Column[]): number {
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach((c, i) => {
    const overlap = Math.min(segment.end, c.end) - Math.max(segment.x, c.x);
    // No overlap: the nearer column start wins (a right-aligned number under a wide header still overlaps).
    const score = overlap > 0 ? overlap : -Math.min(Math.abs(segment.x - c.x), Math.abs(segment.end - c.end));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/** A line that is a label and its value ("Datum:   9 september 2025"), not a table row. */
const isLabelled = (l: PdfLine) => l.segments.length === 2 && /:$/.test(l.segments[0]!.text);
const isBullet = (l: PdfLine) => bulletGlyph.test(l.segments[0]!.text) || bulletStart.test(l.text);
const isRowLine = (l: PdfLine) => l.segments.length >= 2 && !isLabelled(l) && !isBullet(l);
/** "Datum: 9 september 2025" as one run of text: a field of a letterhead, a paragraph of its own. */
const isField = (l: PdfLine) => /^\p{Lu}[\p{L}-]*(\s[\p{L}-]+){0,2}:\s+\S/u.test(l.text) && l.text.length <= 80;

/**
 * A PDF through pdf.js text items with their positions (unpdf): lines from item heights, running
 * headers and footers dropped, headings from font size and weight, bullets as list items, and lines
 * of several columns as table rows whose cells are placed under their header by position. The
 * largest line on page 1 is the title (a title over two lines stays whole).
 */
export async function readPdf(buffer: Uint8Array): Promise<ReadBlocks> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const all: PdfLine[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.abs(it.transform[3]), fontName: it.fontName });
    }
    all.push(...linesOfPage(items, n, page.view[3] ?? 842));
  }
  const pages = pdf.numPages;
  const { body: lines, furniture } = splitFurniture(all, pages);
  if (lines.length === 0) return { blocks: [], pages, furniture };

  const round = (h: number) => Math.round(h * 2) / 2;
  const bodySize =
    mostCommon(
      lines.map((l) => round(l.height)),
      () => 1,
    ) ?? 10;
  const bodyFont = mostCommon(
    lines.filter((l) => round(l.height) === bodySize).map((l) => l.fontName),
    () => 1,
  );

  // The title: the largest line(s) on the first page, when larger than the body.
  const firstPage = lines.filter((l) => l.page === lines[0]!.page);
  const largest = Math.max(...firstPage.map((l) => round(l.height)));
  const titleLines = new Set<PdfLine>();
  if (largest > bodySize * 1.2) {
    const start = firstPage.findIndex((l) => round(l.height) === largest);
    for (let i = start; i < firstPage.length && round(firstPage[i]!.height) === largest; i += 1) titleLines.add(firstPage[i]!);
  }
  const titleHint = joinLines([...titleLines].map((l) => l.text));
  const afterTitle = titleLines.size ? lines.indexOf([...titleLines].pop()!) + 1 : 0;

  // Heading levels by size, largest first; body-size lines in another (bold) font come last.
  const single = (l: PdfLine) => l.segments.length === 1 && !isBullet(l);
  const shortLine = (l: PdfLine) => l.text.split(/\s+/).length <= 14 && !/[.,;:]$/.test(l.text);
  const headingSizes = [
    ...new Set(
      lines
        .slice(afterTitle)
        .filter((l) => single(l) && shortLine(l) && round(l.height) > bodySize * 1.1)
        .map((l) => round(l.height)),
    ),
  ].sort((a, b) => b - a);
  const levelOf = (l: PdfLine, index: number): number | undefined => {
    if (index < afterTitle || !single(l) || !shortLine(l)) return undefined;
    const size = headingSizes.indexOf(round(l.height));
    if (size >= 0) return size + 1;
    if (round(l.height) === bodySize && bodyFont && l.fontName !== bodyFont && /^\p{Lu}|^\d/u.test(l.text)) return headingSizes.length + 1;
    return undefined;
  };

  const blocks: RawBlock[] = [];
  let paragraph: PdfLine[] = [];
  let item: { lines: string[]; x: number } | undefined;
  let table: { columns: Column[]; rows: string[][] } | undefined;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: joinLines(paragraph.map((l) => l.text)) });
    paragraph = [];
  };
  const flushItem = () => {
    if (item) blocks.push({ type: 'list-item', text: joinLines(item.lines), depth: 0 });
    item = undefined;
  };
  const flushTable = () => {
    if (table) blocks.push({ type: 'table', header: true, rows: table.rows });
    table = undefined;
  };
  const flushAll = () => {
    flushParagraph();
    flushItem();
    flushTable();
  };

  lines.forEach((line, index) => {
    if (titleLines.has(line)) {
      flushAll();
      return;
    }
    const previous = lines[index - 1];
    const next = lines[index + 1];
    const level = levelOf(line, index);
    if (level !== undefined) {
      flushAll();
      blocks.push({ type: 'heading', level, text: line.text });
      return;
    }
    if (table) {
      if (isRowLine(line)) {
        const row = table.columns.map(() => '');
        for (const s of line.segments) {
          const c = columnOf(s, table.columns);
          row[c] = row[c] ? `${row[c]} ${s.text}` : s.text;
        }
        table.rows.push(row);
        return;
      }
      // A cell that wraps: a single segment under a later column continues the last row.
      const c = columnOf(line.segments[0]!, table.columns);
      if (line.segments.length === 1 && c > 0 && line.x > table.columns[0]!.end) {
        const last = table.rows[table.rows.length - 1]!;
        last[c] = joinLines([last[c] ?? '', line.text]);
        return;
      }
      flushTable();
    }
    if (isRowLine(line) && next && (isRowLine(next) || (table === undefined && previous && isRowLine(previous)))) {
      flushParagraph();
      flushItem();
      table = { columns: line.segments.map((s) => ({ x: s.x, end: s.end })), rows: [line.segments.map((s) => s.text)] };
      return;
    }
    if (isBullet(line)) {
      flushParagraph();
      flushItem();
      const text = bulletGlyph.test(line.segments[0]!.text)
        ? line.segments
            .slice(1)
            .map((s) => s.text)
            .join(' ')
        : line.text.replace(bulletStart, '');
      item = { lines: [text], x: line.segments[bulletGlyph.test(line.segments[0]!.text) ? 1 : 0]?.x ?? line.x };
      return;
    }
    const gap = previous ? previous.y - line.y : Infinity;
    const close = previous !== undefined && previous.page === line.page && round(previous.height) === round(line.height) && gap > 0 && gap <= Math.max(previous.height, line.height) * 1.65;
    // The last line of a page continues on the next when its sentence is not finished.
    const acrossPage = previous !== undefined && previous.page !== line.page && !/[.!?:]["”’)]?$/.test(previous.text) && /^\p{Ll}/u.test(line.text);
    if (item && (close || acrossPage) && line.x >= item.x - 2) {
      item.lines.push(line.text);
      return;
    }
    flushItem();
    if (paragraph.length && (close || acrossPage) && !isField(line)) {
      paragraph.push(line);
      return;
    }
    flushParagraph();
    if (isLabelled(line)) {
      blocks.push({ type: 'paragraph', text: `${line.segments[0]!.text} ${line.segments[1]!.text}` });
      return;
    }
    paragraph = [line];
  });
  flushAll();
  return { blocks, pages, furniture, ...(titleHint ? { titleHint } : {}) };
}
