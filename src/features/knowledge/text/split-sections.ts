export interface Section {
  title: string;
  /** 1 for top-level headings ("2. Ondermijning", ALL CAPS), 2 for sub-headings ("2.1", short title lines). */
  level: number;
  /** Paragraphs, list items ("- ...") and table rows, in order. */
  paragraphs: string[];
}

const maxTitleWords = 9;

function isNumberedHeading(line: string): boolean {
  return /^\d{1,2}(\.\d{1,2})*\.?\s+\p{Lu}/u.test(line) && line.length <= 90 && !/[.;:,]$/.test(line) && line.split(/\s+/).length <= 12;
}

function isLabelledHeading(line: string): boolean {
  return /^(bijlage|hoofdstuk|paragraaf|deel)\s+[\dIVX]+\b/i.test(line) && line.length <= 120;
}

function isCapsHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && line.length <= 60 && letters === letters.toUpperCase() && !line.includes('\t');
}

/** A short line starting with a capital and without closing punctuation, e.g. "Buurtbemiddeling". */
function isTitleCandidate(line: string): boolean {
  return (
    line.length <= 70 &&
    /^\p{Lu}/u.test(line) &&
    !/[.,;:!?]["”’)]?$/.test(line) &&
    !line.includes('\t') &&
    !line.startsWith('- ') &&
    line.split(/\s+/).length <= maxTitleWords &&
    !/https?:\/\//.test(line)
  );
}

function headingLevel(line: string): number | undefined {
  const markdown = /^(#{1,6})\s+\S/.exec(line);
  if (markdown) return markdown[1]!.length > 1 ? 2 : 1;
  if (isNumberedHeading(line)) return (line.match(/^\d+(\.\d+)*/)?.[0].split('.').length ?? 1) > 1 ? 2 : 1;
  if (isLabelledHeading(line) || isCapsHeading(line)) return 1;
  return undefined;
}

/**
 * Splits cleaned text (see `cleanText`) into sections by numbered headings ("2. Ondermijning",
 * "3.1 Aanpak"), labels ("Bijlage 1: ..."), ALL CAPS lines and short title lines. A title line
 * directly followed by another title line is content (an address block, a subject line), not a heading.
 */
export function splitSections(text: string, firstTitle = ''): Section[] {
  const lines = text.split('\n').map((l) => l.trim());
  const sections: Section[] = [];
  let current: Section = { title: firstTitle, level: 1, paragraphs: [] };
  const nextNonEmpty = (i: number): string | undefined => {
    for (let j = i + 1; j < lines.length; j += 1) if (lines[j]) return lines[j];
    return undefined;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line) continue;
    const next = nextNonEmpty(i);
    let level = headingLevel(line);
    if (level === undefined && isTitleCandidate(line) && next !== undefined && !isTitleCandidate(next) && headingLevel(next) === undefined) level = 2;
    if (level !== undefined && next !== undefined) {
      if (current.paragraphs.length > 0) sections.push(current);
      current = { title: line.replace(/^(#{1,6}|\d{1,2}(\.\d{1,2})*\.?)\s+/, '').trim(), level, paragraphs: [] };
    } else {
      current.paragraphs.push(line);
    }
  }
  if (current.paragraphs.length > 0) sections.push(current);
  return sections;
}

const abbreviations = new Set(['o.a', 'mr', 'dhr', 'mevr', 'bijv', 'jl', 'nr', 't.a.v', 'e.d', 'm.b.t', 'i.p.v', 'z.s.m', 'ca', 'vs', 'e.a', 'd.w.z', 'blz', 'art', 'evt', 'incl', 'excl', 'resp', 'tav', 'obv', 'ivm', 'i.v.m', 'o.b.v']);

/** Sentences of one paragraph; a list item or a table row is one sentence. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.includes('\t') ? tableRow(paragraph) : paragraph;
  const out: string[] = [];
  let start = 0;
  const boundary = /([.!?])["”’)]?\s+(?=[\p{Lu}\d“"‘(])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = text.slice(start, m.index);
    const lastWord = before.split(/\s+/).pop()?.toLowerCase() ?? '';
    // "o.a. De", "mr. J.C.F. Broekhuizen": an abbreviation or an initial does not end a sentence.
    if (m[1] === '.' && (abbreviations.has(lastWord) || /^(\p{L}\.)*\p{L}$/u.test(lastWord))) continue;
    const end = m.index + m[0].trimEnd().length;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** A table row as readable text: cells joined with a dash. */
export function tableRow(line: string): string {
  return line
    .split('\t')
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' — ');
}
