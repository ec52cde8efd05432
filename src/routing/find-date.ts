import * as chrono from 'chrono-node';

export interface FoundDate {
  /** The day, YYYY-MM-DD. */
  iso: string;
  /** Where the date's words start in the text, and how long they are. */
  index: number;
  length: number;
}

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The first date written in the text, in Dutch or English ("op 3 maart", "volgende week dinsdag",
 * "15-03-2027", "20 January 2026"), read by chrono-node. A day without a year is the next one to come.
 */
export function findDate(text: string, now: Date): FoundDate | undefined {
  const options = { forwardDate: true };
  const results = [...chrono.nl.parse(text, now, options), ...chrono.en.parse(text, now, options)];
  // A bare number ("2026", "8") is not a day.
  const usable = results.filter((r) => r.start.isCertain('month') || r.start.isCertain('weekday') || /week|morgen|tomorrow|maand|month/i.test(r.text));
  if (usable.length === 0) return undefined;
  const first = usable.reduce((a, b) => (b.index < a.index || (b.index === a.index && b.text.length > a.text.length) ? b : a));
  return { iso: isoDay(first.start.date()), index: first.index, length: first.text.length };
}
