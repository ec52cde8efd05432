import type { RawBlock, ReadBlocks } from '../blocks.js';
import { splitFrontMatter } from '../front-matter.js';
import { cleanText } from './clean-text.js';

/**
 * Plain text as PDF extraction leaves it (the sample corpus): cleaned (see clean-text.ts), then
 * read by layout heuristics, since the text carries no markup: numbered headings ("2. Ondermijning",
 * "3.1 Aanpak"), labels ("Bijlage 1: ..."), lines in capitals and short title lines open sections;
 * "- " lines are list items; lines with tabs are table rows.
 */

const maxTitleWords = 9;

function isNumberedHeading(line: string): boolean {
  return /^\d{1,2}(\.\d{1,2})*\.?\s+\p{Lu}/u.test(line) && line.length <= 90 && !/[.;:,]$/.test(line) && line.split(/\s+/).length <= 12;
}

function isLabelledHeading(line: string): boolean {
  return /^(bijlage|hoofdstuk|paragraaf|deel)\s+[\dIVX]+\b/i.test(line) && line.length <= 120;
}

/** A short line whose letters are all capitals ("KERNBOODSCHAP"); the cheap tests first, as every line is tried. */
function isCapsHeading(line: string): boolean {
  if (line.length > 60 || line.includes('\t') || /\p{Ll}/u.test(line)) return false;
  return (line.match(/\p{Lu}/gu)?.length ?? 0) >= 3;
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
    !/https?:\/\//.test(line) &&
    // A name under a signature ("P.F.G. Rossen", "mr. J.C.F. Broekhuizen") is not a heading.
    !/^((mr|dr|drs|ir|ing)\.?\s+)?(\p{Lu}\.){1,5}\s*\p{Lu}/u.test(line)
  );
}

/** The level a line's own form gives it: markdown hashes, numbering depth, labels and capitals at the top. */
function explicitLevel(line: string): number | undefined {
  const markdown = /^(#{1,6})\s+\S/.exec(line);
  if (markdown) return markdown[1]!.length;
  if (isNumberedHeading(line)) return line.match(/^\d+(\.\d+)*/)![0].split('.').length;
  if (isLabelledHeading(line) || isCapsHeading(line)) return 1;
  return undefined;
}

const isFigureOrDate = (cell: string) => /^[\d\s.,%€/-]+$/.test(cell) || /\b\d{1,2}\s+\p{L}{3,}\.?\s+\d{4}\b/u.test(cell);

/** A run of tab rows: the first is a header when its cells are short labels, not figures or dates. */
function tableOf(rows: string[][]): RawBlock {
  const first = rows[0]!;
  const header = rows.length > 1 && first.filter(Boolean).length >= 2 && first.every((c) => !isFigureOrDate(c) && c.split(/\s+/).length <= 4);
  return { type: 'table', header, rows };
}

export function readPlainText(source: string): ReadBlocks {
  const { body, frontMatter } = splitFrontMatter(source);
  const lines = cleanText(body)
    .split('\n')
    .map((l) => l.trim());
  const blocks: RawBlock[] = [];
  const nextNonEmpty = (i: number): string | undefined => {
    for (let j = i + 1; j < lines.length; j += 1) if (lines[j]) return lines[j];
    return undefined;
  };
  // Each line is asked for its level as itself and as the next line of the one before: once is enough.
  const levels = new Map<string, number | undefined>();
  const levelOf = (line: string) => {
    if (!levels.has(line)) levels.set(line, explicitLevel(line));
    return levels.get(line);
  };
  let deepest = 0;
  let rows: string[][] = [];
  const flushRows = () => {
    if (rows.length) blocks.push(tableOf(rows));
    rows = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line) continue;
    if (line.includes('\t')) {
      rows.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    flushRows();
    const next = nextNonEmpty(i);
    let level = levelOf(line);
    // A title line directly followed by another title line is content (an address block), not a heading.
    if (level === undefined && isTitleCandidate(line) && next !== undefined && !isTitleCandidate(next) && levelOf(next) === undefined) level = deepest + 1;
    else if (level !== undefined) deepest = level;
    if (level !== undefined && next !== undefined) {
      blocks.push({ type: 'heading', level, text: line.replace(/^#{1,6}\s+/, '') });
    } else if (line.startsWith('- ')) {
      blocks.push({ type: 'list-item', text: line.slice(2), depth: 0 });
    } else {
      blocks.push({ type: 'paragraph', text: line });
    }
  }
  flushRows();
  return { blocks, ...(frontMatter ? { frontMatter } : {}) };
}
