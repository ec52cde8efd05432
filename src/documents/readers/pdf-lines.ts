/**
 * Lines of a PDF page from pdf.js text items and their positions: items at one height form a line,
 * and a wide gap between items splits a line into segments (the columns of a table, a label and its value).
 */

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export interface Segment {
  x: number;
  end: number;
  text: string;
}

export interface PdfLine {
  page: number;
  y: number;
  x: number;
  height: number;
  fontName: string;
  segments: Segment[];
  text: string;
  /** Share of the page height from the top (0) to the bottom (1). */
  fromTop: number;
}

// Wider than a space or two in body text: a new column.
const columnGap = 9;
// Items this close in height are on one line.
const sameLine = 2.5;

export function linesOfPage(items: readonly PdfItem[], page: number, pageHeight: number): PdfLine[] {
  const visible = items.filter((i) => i.str.trim().length > 0);
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= sameLine) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const item of row) {
      const last = segments[segments.length - 1];
      const gap = last ? item.x - last.end : Infinity;
      if (last && gap <= columnGap) {
        last.text += gap > 0.8 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ` ${item.str}` : item.str;
        last.end = Math.max(last.end, item.x + item.width);
      } else {
        segments.push({ x: item.x, end: item.x + item.width, text: item.str });
      }
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    const main = row.reduce((a, b) => (b.str.length > a.str.length ? b : a));
    return {
      page,
      y: row[0]!.y,
      x: segments[0]!.x,
      height: Math.max(...row.map((i) => i.height)),
      fontName: main.fontName,
      segments,
      text: segments.map((s) => s.text).join(' '),
      fromTop: pageHeight > 0 ? 1 - row[0]!.y / pageHeight : 0.5,
    };
  });
}

/** The text of a line with its page number and digits made alike, to recognise running headers and footers. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const pageNumber = /^((pagina|page|blad)\s*)?[-–]?\s*\d{1,3}\s*((van|of|\/)\s*\d{1,3})?\s*[-–]?$/i;

/**
 * Separates page furniture from the body: a line in the top or bottom margin that recurs (digits aside)
 * on at least two pages, and page numbers in the margins. The furniture comes back as each distinct line
 * once in reading order, page numbers left out (a letterhead may be only there).
 */
export function splitFurniture(lines: readonly PdfLine[], pages: number): { body: PdfLine[]; furniture: string[] } {
  const inMargin = (l: PdfLine) => l.fromTop < 0.1 || l.fromTop > 0.9;
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines.filter(inMargin)) {
    const key = furnitureKey(l.text);
    pagesOf.set(key, (pagesOf.get(key) ?? new Set()).add(l.page));
  }
  const repeated = (l: PdfLine) => pages >= 2 && (pagesOf.get(furnitureKey(l.text))?.size ?? 0) >= 2;
  const isFurniture = (l: PdfLine) => inMargin(l) && (repeated(l) || pageNumber.test(l.text.trim()));
  const furniture = [...new Set(lines.filter((l) => isFurniture(l) && !pageNumber.test(l.text.trim())).map((l) => l.text.trim()))];
  return { body: lines.filter((l) => !isFurniture(l)), furniture };
}
