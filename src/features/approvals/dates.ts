/**
 * Calendar dates as ISO strings (yyyy-mm-dd): milestones are planned on days, not instants, so
 * they never pass through a time zone. Parses what advisers type: 2027-03-15, 15-03-2027, 15 maart 2027.
 */
const months: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  march: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function monthNumber(name: string): number | undefined {
  return months[name.toLowerCase().replace(/\.$/, '')];
}

export function parseDate(text: string): string | undefined {
  const value = text.trim().replace(/[.?!]+$/, '');
  let m = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = value.match(/^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = value.match(/^(\d{1,2})\s+([a-z]+\.?)\s+(\d{4})$/i);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
  }
  return undefined;
}

export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function formatDay(iso: string, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function formatMoment(at: Date, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(at);
}

/** A period for the audit export, as a half-open range [from, to) of days. */
export interface Period {
  from: string;
  to: string;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function monthRange(year: number, month: number): Period {
  const from = isoDate(year, month, 1)!;
  const to = month === 12 ? isoDate(year + 1, 1, 1)! : isoDate(year, month + 1, 1)!;
  return { from, to };
}

/** "2026", "2026-11", "november 2026", "2026-01-01 t/m 2026-03-31", "1-1-2026..31-3-2026". */
export function parsePeriod(text: string): Period | undefined {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[.?!]+$/, '');
  let m = value.match(/^(\d{4})$/);
  if (m) return { from: `${m[1]}-01-01`, to: `${Number(m[1]) + 1}-01-01` };
  m = value.match(/^(\d{4})-(\d{1,2})$/);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return monthRange(Number(m[1]), Number(m[2]));
  m = value.match(/^([a-z]+)\s+(\d{4})$/);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? monthRange(Number(m[2]), month) : undefined;
  }
  for (const separator of ['..', ' t/m ', ' tot en met ', ' tm ', ' - ', ' until ', ' to ']) {
    const at = value.indexOf(separator);
    if (at < 0) continue;
    const from = parseDate(value.slice(0, at));
    const until = parseDate(value.slice(at + separator.length));
    if (from && until && from <= until) return { from, to: nextDay(until) };
  }
  return undefined;
}
