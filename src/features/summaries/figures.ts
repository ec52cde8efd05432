/**
 * The figures and dates in a summary's sentences, and whether a sentence looks ahead: what the
 * extractive summary lists as key figures and puts in the "doorkijk". Sentences themselves come
 * from the document model (src/documents/sentences.ts).
 */
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

const futureCues =
  /\b(in\s+(?:20\d\d|het\s+(?:voorjaar|najaar|komende)|de\s+komende)|gaan|gaat|wordt|worden|zal|zullen|planning|gepland|verwacht(?:ing)?|volgt|komend(?:e)?|doorkijk|start(?:en)?\s+in|voornemen|straks|vervolg)\b/i;

/** A sentence about what comes next (the "doorkijk"): future tense or planning words. */
export function isForwardLooking(sentence: string, presentYear?: number): boolean {
  if (!futureCues.test(sentence)) return false;
  // "In 2020 is ... geweest" is a look back even though "in 20xx" matches: require a future year or another cue.
  const years = [...sentence.matchAll(/\bin\s+(20\d\d)\b/gi)].map((m) => Number(m[1]));
  const otherCue = futureCues.test(sentence.replace(/\bin\s+20\d\d\b/gi, ''));
  if (otherCue) return true;
  return presentYear === undefined ? years.length > 0 : years.some((y) => y >= presentYear);
}
