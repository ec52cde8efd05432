import { wordCount } from '../../documents/index.js';
import { figuresIn } from './figures.js';

// Words a shortened sentence should not end on: they promise more than is shown.
const danglingWords = /\s+(?:de|het|een|van|en|of|in|op|aan|met|voor|door|bij|om|te|tot|naar|dat|die|dit|deze|als|is|zijn|wordt|worden|zal|heeft|hebben|er|ook|the|a|an|of|and|to|in|for|with|is|are)$/i;

/**
 * Cuts a sentence down to about `maxWords` words without changing any word: first parenthetical
 * asides go, then it is cut at a clause boundary (or a word boundary) and marked with "…".
 * A figure or date is never cut in half.
 */
export function shorten(sentence: string, maxWords: number): string {
  if (wordCount(sentence) <= maxWords) return sentence;
  const withoutAsides = sentence.replace(/\s*\([^()]{1,120}\)/g, '');
  if (wordCount(withoutAsides) <= maxWords) return withoutAsides;
  const text = withoutAsides;
  const figureSpans = figuresIn(text).map((f) => [f.index, f.index + f.text.length] as const);
  const insideFigure = (pos: number) => figureSpans.some(([from, to]) => pos > from && pos < to);

  // The character position where word number maxWords ends.
  const wordEnds = [...text.matchAll(/\S+/g)].map((m) => (m.index ?? 0) + m[0].length);
  const limit = wordEnds[maxWords - 1] ?? text.length;
  const minimum = wordEnds[Math.max(0, Math.floor(maxWords * 0.5) - 1)] ?? 0;

  let cut = -1;
  for (const m of text.slice(0, limit + 1).matchAll(/[,;:–]\s|\s(?:en|maar|waarbij|waardoor|omdat|zodat|terwijl|want)\s/g)) {
    const at = m.index ?? 0;
    if (at >= minimum && !insideFigure(at)) cut = at;
  }
  if (cut < 0) {
    cut = limit;
    while (insideFigure(cut)) cut = wordEnds.find((e) => e > cut) ?? text.length;
  }
  let head = text.slice(0, cut).replace(/[\s,;:–-]+$/, '');
  for (let guard = 0; guard < 3 && danglingWords.test(head); guard += 1) head = head.replace(danglingWords, '');
  return `${head}…`;
}
