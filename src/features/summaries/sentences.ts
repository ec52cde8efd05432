/**
 * Splitting extracted document text into sentences, and finding the figures and dates in them.
 * PDF extraction breaks lines mid-sentence and leaves bullets and sub-headings; this undoes that
 * without changing a single word, so every sentence is a verbatim (whitespace-normalised) piece of the source.
 */

const abbreviations = new Set(['dhr', 'mevr', 'mw', 'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'o.a', 'oa', 'bijv', 'bv', 'e.d', 'etc', 'nr', 'ca', 'vs', 'jl', 'd.w.z', 'i.p.v', 'm.b.t', 't.a.v', 'z.s.m', 'incl', 'excl', 'art', 'blz', 'jan', 'feb', 'mrt', 'apr', 'aug', 'sept', 'okt', 'nov', 'dec', 'e.g', 'i.e', 'no']);

const bulletStart = /^\s*(?:[-•▪●◦*]|[oe]\s(?=[A-Z])|\d+[.)]\s(?=\D))\s*/;

/** Whitespace collapsed: the form in which summary text is compared with its source. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

function isHeadingLine(line: string, previous: string | undefined): boolean {
  const trimmed = line.trim();
  if (!trimmed || wordCount(trimmed) > 8 || /[.!?:;,]$/.test(trimmed) || !/^[A-ZÀ-Ý0-9]/.test(trimmed)) return false;
  // A short line that follows a finished sentence (or nothing) starts something new: a sub-heading.
  return previous === undefined || /[.!?:]["”’)]?$/.test(previous.trim());
}

export interface Paragraph {
  text: string;
  /** The paragraph opens a sub-section (it follows a sub-heading): its first sentence usually says what the part is about. */
  afterHeading: boolean;
}

/** Paragraphs of running text: blank lines and bullet starts separate them; sub-headings (short unpunctuated lines) are dropped. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let headingSeen = false;
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: string[] = [];
    const flush = () => {
      const joined = normalizeSpace(current.join(' ').replace(bulletStart, ''));
      if (joined) {
        out.push({ text: joined, afterHeading: headingSeen });
        headingSeen = false;
      }
      current = [];
    };
    let previous: string | undefined;
    for (const line of block.split('\n')) {
      if (isHeadingLine(line, current.length === 0 ? undefined : previous)) {
        flush();
        headingSeen = true;
      } else {
        if (bulletStart.test(line) && current.length > 0) flush();
        current.push(line);
      }
      previous = line;
    }
    flush();
  }
  return out;
}

function endsWithAbbreviation(before: string): boolean {
  const lastWord = before.split(/\s+/).pop() ?? '';
  const bare = lastWord.replace(/^[("“]+/, '').replace(/\.$/, '').toLowerCase();
  // Initials (J.C.F.) and single letters are abbreviations, not sentence ends.
  return abbreviations.has(bare) || /^([a-z]\.)*[a-z]$/i.test(bare);
}

/** Sentences of one paragraph; the split never changes text, only where it is cut. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]+["”’)]?\s+(?=["“‘(]?[A-Z0-9À-Ý])/g;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const end = m.index + m[0].trimEnd().length;
    if (endsWithAbbreviation(paragraph.slice(start, m.index + 1))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

const months = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const figurePattern = new RegExp(
  [
    `\\b\\d{1,2}\\s+(?:${months})(?:\\s+\\d{4})?\\b`, // 7 februari 2024, 1 mei
    `\\b(?:${months})\\s+\\d{4}\\b`, // maart 2024
    `€\\s?\\d[\\d.,]*(?:\\s?(?:miljoen|mln|duizend))?`, // € 20.000
    `\\b\\d[\\d.,]*\\s?(?:%|procent)`, // 30%
    `\\b\\d{4}\\s?[-–]\\s?\\d{4}\\b`, // 2022-2025
    `\\b\\d[\\d.,]*\\b`, // 2400, 2023
  ].join('|'),
  'gi',
);

/** The figures and dates in a sentence, exactly as written (longest forms first, no overlaps). */
export function figuresIn(sentence: string): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  for (const m of sentence.matchAll(figurePattern)) found.push({ text: m[0].trim(), index: m.index ?? 0 });
  return found;
}

/** Whether a figure is worth listing: a bare one-digit number or a lone year is not a key figure. */
export function isKeyFigure(figure: string): boolean {
  if (/^\d$/.test(figure)) return false;
  return true;
}

/**
 * The year a note looks ahead to: the year most often named as "in/naar/voor/vanaf 20xx" (the later one on a tie).
 * A note written early in 2024 about 2023 says "in 2024" when it speaks of plans.
 */
export function presentYearOf(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(?:in|naar|voor|vanaf|per)\s+(20\d\d)\b/gi)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}

const futureCues = /\b(in\s+(?:20\d\d|het\s+(?:voorjaar|najaar|komende)|de\s+komende)|gaan|gaat|wordt|worden|zal|zullen|planning|gepland|verwacht(?:ing)?|volgt|komend(?:e)?|doorkijk|start(?:en)?\s+in|voornemen|straks|vervolg)\b/i;

/** A sentence about what comes next (the "doorkijk"): future tense or planning words. */
export function isForwardLooking(sentence: string, presentYear?: number): boolean {
  if (!futureCues.test(sentence)) return false;
  // "In 2020 is ... geweest" is a look back even though "in 20xx" matches: require a future year or another cue.
  const years = [...sentence.matchAll(/\bin\s+(20\d\d)\b/gi)].map((m) => Number(m[1]));
  const otherCue = futureCues.test(sentence.replace(/\bin\s+20\d\d\b/gi, ''));
  if (otherCue) return true;
  return presentYear === undefined ? years.length > 0 : years.some((y) => y >= presentYear);
}
