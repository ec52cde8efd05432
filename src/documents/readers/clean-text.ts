import { MONTHS, MONTH_ABBREVIATIONS } from '../months.js';

const month = MONTHS.join('|');
const abbreviation = Object.keys(MONTH_ABBREVIATIONS).join('|');
// Short words that OCR glues to a month ("Injuniis", "maartis"): prepositions before, verbs after.
const before = 'in|op|per|sinds|vanaf|eind|begin|medio|tot|na|voor';
const after = 'is|was|zijn|waren|heeft|hebben|wordt|werd|zal|worden';

/** Lines that are page furniture rather than content: page numbers, export stamps, template placeholders. */
const furniture = [/^(pagina|page|blad)\s*\d+(\s*(van|of|\/)\s*\d+)?$/i, /^[-–—]?\s*\d{1,3}\s*[-–—]?$/, /^\d{1,3}\s*\/\s*\d{1,3}$/, /^\\?\$[\w-]+\\?\$$/, /^deze pagina is gebouwd op\b/i];

function fixOcrSlips(text: string): string {
  return (
    text
      // a digit glued between words: "Op1juli" → "Op 1 juli"
      .replace(new RegExp(`\\b(${before})(\\d{1,2})(${month})\\b`, 'gi'), '$1 $2 $3')
      .replace(new RegExp(`\\b(\\d{1,2})(${month})\\b`, 'gi'), '$1 $2')
      // a month glued to its neighbours: "Injuniis" → "In juni is", "maartis" → "maart is"
      .replace(new RegExp(`\\b(${before})(${month})(${after})?\\b`, 'gi'), (_m, a: string, b: string, c?: string) => [a, b, c].filter(Boolean).join(' '))
      .replace(new RegExp(`\\b(${month})(${after})\\b`, 'gi'), '$1 $2')
      // abbreviated months in dates: "12 apr 2023" → "12 april 2023"
      .replace(new RegExp(`\\b(\\d{1,2})\\s+(${abbreviation})\\.?(?=\\s+\\d{4}\\b)`, 'gi'), (_m, d: string, a: string) => `${d} ${MONTH_ABBREVIATIONS[a.toLowerCase()]}`)
      // a diaeresis read as a digit or a letter: "coo6rdinator", "codrdineren" → "coördinator", "coördineren"
      .replace(/o6/g, 'ö')
      .replace(/\b([Cc])o[d6]rdin/g, '$1oördin')
      // a diaeresis read as an acute after a vowel: "categorieén", "creéren" → "categorieën", "creëren"
      .replace(/([aeiou])é/g, '$1ë')
      // the letter o read as zero in a common abbreviation: "0.a." → "o.a."
      .replace(/\b0\.a\./g, 'o.a.')
  );
}

function isBullet(line: string): boolean {
  return /^([-•▪–*·]|[oe](?=\s)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))\s*/.test(line);
}

/** Strips bullet glyphs OCR turned into letters ("o", "e") or symbols, keeping numbered items. */
function normalizeBullet(line: string): string {
  return line.replace(/^(([-•▪–*·]|[oe](?=\s))\s*)+/, '- ');
}

/** A line that ends a paragraph even though the next line continues: a title or a label. */
function looksLikeTitle(line: string): boolean {
  return line.length < 60 && !/[.,;:!?]$/.test(line) && line.split(/\s+/).length <= 9;
}

function repeatedLines(lines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    if (key.length > 0 && key.length < 60) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A short line repeated on many pages is a running header or footer; bullets repeat legitimately.
  return new Set([...counts].filter(([line, n]) => n >= 3 && !isBullet(line) && !/^\d/.test(line)).map(([line]) => line));
}

/**
 * Makes PDF/OCR text readable: undoes hyphenation and broken lines, drops page furniture,
 * fixes common OCR slips so sentences and dates survive. Paragraphs stay separated by a blank
 * line; bullets, table rows (tabs) and title lines stay on their own line.
 */
export function cleanText(raw: string): string {
  let text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/\f/g, '\n\n');
  text = fixOcrSlips(text);

  const rawLines = text.split('\n').map((l) => l.trimEnd());
  const repeated = repeatedLines(rawLines);
  const lines = rawLines.map((l) => (furniture.some((re) => re.test(l.trim())) || repeated.has(l.trim()) ? '' : l));

  const out: string[] = [];
  let current = '';
  let lastLine = '';
  const flush = () => {
    if (current.trim()) out.push(current.trim());
    current = '';
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.trim().replace(/[ ]{2,}/g, ' ');
    if (!line) {
      flush();
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    if (!current) {
      current = isBullet(line) ? normalizeBullet(line) : line;
      lastLine = line;
      continue;
    }
    const startsItem = isBullet(line) || line.includes('\t') || current.includes('\t');
    // Hyphenation at a line end: "veilig-\nheid" → "veiligheid", but "leef-\nen woonomgeving" keeps its hyphen.
    if (/\p{Ll}-$/u.test(current) && /^\p{Ll}/u.test(line) && !startsItem) {
      current = /^(en|of|tot)\b/.test(line) ? `${current} ${line}` : current.slice(0, -1) + line;
      continue;
    }
    const previousEnds = /[.!?:;]["”’)]?$/.test(current);
    // A long physical line was wrapped by the PDF: what follows belongs to the same paragraph.
    const wrapped = lastLine.length >= 60 && !/[:;]$/.test(current) && !looksLikeTitle(line);
    const continues = /^[\p{Ll}(“"‘'0-9%€]/u.test(line) || (!previousEnds && !looksLikeTitle(current) && current.length >= 40) || wrapped;
    if (!startsItem && continues) {
      current = `${current} ${line}`;
    } else {
      flush();
      current = isBullet(line) ? normalizeBullet(line) : line;
    }
    lastLine = line;
  }
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
