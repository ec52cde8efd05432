import { MONTHS, MONTH_ABBREVIATIONS } from './months.js';

export interface DocumentMetadata {
  title: string;
  gemeente: string | null;
  docType: string;
  /** ISO date (yyyy-mm-dd) or null when unknown. */
  date: string | null;
}

export type MetadataOrigin = 'front-matter' | 'sidecar' | 'command-line' | 'inferred';

// Most specific first: a "collegebesluit" is also a "besluit", an "evaluatie" may mention the "begroting".
const knownTypes: [RegExp, string][] = [
  [/\bcollegebesluit\b|\bbesluitenlijst\b/i, 'collegebesluit'],
  [/\bcollegebericht\b/i, 'collegebericht'],
  [/\braads(informatie)?brief\b/i, 'raadsbrief'],
  [/\braadsvoorstel\b/i, 'raadsvoorstel'],
  [/\bprogramma-?opdracht\b/i, 'programma-opdracht'],
  [/\bevaluatie\b/i, 'evaluatie'],
  // "Lasten en baten" is the budget's own table.
  [/\b(programma)?begroting\b|\blasten\s*(&|en)\s*baten\b/i, 'begroting'],
  [/\b(jaarplan|jaarprogramma|uitvoeringsprogramma|uitvoeringsplan)\b/i, 'jaarplan'],
  [/\b(beleidsplan|veiligheidsplan|beleidskader|veiligheidsbeleid)\b/i, 'beleidsplan'],
  [/\bnotitie\b|\bstand van zaken\b/i, 'notitie'],
  [/\b(aanwijzings)?besluit\b/i, 'besluit'],
];
// Addressed to the council without naming its kind: a letter to the council.
const councilLetter = /\b(geachte raad|aan de gemeenteraad|gemeenteraad van)\b/i;

function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthPattern = [...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)].join('|');

/** Every full date in a text (24 februari 2023, 11-07-2023, 10/12/2023), in order. */
export function datesIn(text: string): string[] {
  const found: { at: number; date: string }[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${monthPattern})\\.?\\s+(\\d{4})\\b`, 'gi'))) {
    const name = m[2]!.toLowerCase();
    const month = MONTHS.indexOf((MONTH_ABBREVIATIONS[name] ?? name) as (typeof MONTHS)[number]) + 1;
    const date = isoDate(Number(m[1]), month, Number(m[3]));
    if (date) found.push({ at: m.index, date });
  }
  for (const m of text.matchAll(/\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/g)) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) found.push({ at: m.index, date });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The document's own date: a labelled one ("Datum", "Collegevergadering"), else the latest date in it. */
export function inferDate(text: string): string | null {
  const labelled = /\b(datum|collegevergadering|vergadering|vastgesteld(?: [^\n:]{0,40}?)? op|gebouwd op)\b[^\n]{0,80}/gi;
  for (const m of text.matchAll(labelled)) {
    const window = text.slice(m.index, m.index + 200);
    const dates = datesIn(window);
    if (dates[0]) return dates[0];
  }
  const all = datesIn(text).sort();
  return all[all.length - 1] ?? null;
}

// A letterhead: a line of its own near the top that is only "Gemeente <Naam>".
const letterhead = /^\s*[Gg]emeente\s+(\p{Lu}[\p{L}-]+(?:[ ]\p{Lu}[\p{L}-]+)?)\s*$/u;

// "Gemeente Wijkerzand – Collegebesluit": a letterhead with the sender's unit or the kind of document (a title it is not).
const letterheadWithUnit = /^\s*[Gg]emeente\s+(\p{Lu}[\p{L}-]+(?:[ ]\p{Lu}[\p{L}-]+)?)(?:\s*[–—|]|\s+-)\s/u;

function letterheadGemeente(text: string): string | null {
  for (const line of text.split('\n').slice(0, 8)) {
    const m = letterhead.exec(line) ?? letterheadWithUnit.exec(line);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The gemeente a document is from: the one in its letterhead (at the top of the text, or a PDF's
 * running header that repeats it on every page and so is not in the text), else the place most
 * often named after "gemeente" or "van" in a signature.
 */
export function inferGemeente(text: string, furniture: readonly string[] = []): string | null {
  const fromLetterhead = letterheadGemeente(text) ?? letterheadGemeente(furniture.join('\n'));
  if (fromLetterhead) return fromLetterhead;
  const counts = new Map<string, number>();
  const patterns = [/\b[Gg]emeente(?:raad)?\s+(?:van\s+)?(\p{Lu}[\p{L}-]+(?:[ ]\p{Lu}[\p{L}-]+)?)/gu, /\bburgemeester en wethouders van\s+(\p{Lu}[\p{L}-]+)/giu, /@(\p{L}+)\.nl\b/gu];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      let name = m[1]!;
      if (pattern.source.startsWith('@')) name = name.charAt(0).toUpperCase() + name.slice(1);
      if (/^(Openbare|Integraal|Integrale|De|Het|Een)$/i.test(name.split(/\s+/)[0]!)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}

function typeIn(text: string): string | undefined {
  for (const [pattern, type] of knownTypes) if (pattern.test(text)) return type;
  return undefined;
}

/**
 * The kind of document: a line near the top that names it ("RAADSBRIEF", "Notitie aan de
 * gemeenteraad"), else the title ("Evaluatie pilot ..."), else a letter's address to the council
 * ("Geachte raad"), else the first type word in the first words of the text.
 */
export function inferType(text: string, title = ''): string {
  const head = text.slice(0, 1500);
  const typeLine = head
    .split('\n')
    .slice(0, 10)
    .map((l) => l.trim())
    .find((l) => l.split(/\s+/).length <= 5 && typeIn(l.split(/\s+/)[0]!) !== undefined);
  return (typeLine && typeIn(typeLine.split(/\s+/)[0]!)) ?? typeIn(title) ?? (councilLetter.test(head) ? 'raadsbrief' : undefined) ?? typeIn(head) ?? 'document';
}

// Under the letterhead: the sending unit ("Afdeling Veiligheid en Handhaving", "Team OOV") and fields ("Datum: …", "Kenmerk: …") are not the title.
const organisationUnit = /^(afdeling|team|cluster|directie|sector|domein|dienst|eenheid|bureau|programmabureau|concern|ambtelijke?\s+organisatie)\b/i;
const fieldLine = /^[\p{L} ]{2,25}:\s/u;
// A status line under the letterhead says when or how the document was settled, not what it is: "Vastgesteld door de
// gemeenteraad op 18 december 2025", "Versie 1.0, 14 september 2026", "Concept d.d. …". A title rarely carries a full date.
const statusLine = new RegExp(`^(vastgesteld|versie|concept|definitief|status|datum|d\\.d\\.)\\b|\\b\\d{1,2}\\s+(${MONTHS.join('|')})\\s+\\d{4}\\b`, 'iu');

/** The title the layout shows (a single top heading, the largest line), else the subject line ("Onderwerp ..."), else the first short line, else the file name. */
export function inferTitle(text: string, fileName: string, titleHint?: string): string {
  const hint = titleHint?.replace(/^#+\s*/, '').trim();
  if (hint && hint.length >= 3) return hint;
  // A subject field at the start of a line ("Onderwerp: ...", a table cell "Onderwerp: ...; Zaaknummer: ..."), not the word in a sentence.
  // Only in the document's head (where a letter's subject table stands): further on, "Onderwerp: …; Q1 2026: …" is a
  // row of a table whose first column is headed so.
  // The head ends at the first heading ("# …", "1. Inleiding"): a table further on may have a first column headed "Onderwerp".
  const lines = text.split('\n').slice(0, 15);
  const firstHeading = lines.findIndex((l) => /^\s*(#|\d+(\.\d+)*\.?\s+\p{Lu})/u.test(l));
  const head = (firstHeading > 0 ? lines.slice(0, firstHeading) : lines).join('\n');
  // "Onderwerp:" or "Onderwerp" alone on its line (a cell of the letter's table); "Onderwerp<tab>Vrijdag<tab>…" heads a table.
  const subject = /^[ ]*onderwerp[ ]*(?::[ \t]*\n?|\n)\s*([^\n\t;]{6,120})/im.exec(head);
  if (subject && !/zaaknummer|kenmerk/i.test(subject[1]!)) return subject[1]!.replace(/^collegebericht:\s*/i, '').trim();
  // The letterhead names the sender, not the document.
  const first = text
    .split('\n')
    .map((l) => l.trim().replace(/^#+\s*/, ''))
    // One word alone at the top is a label or a breadcrumb ("RAADSBRIEF", "Programma's"), not the title.
    .find(
      (l) =>
        l.length >= 6 &&
        l.length <= 120 &&
        /\p{L}{3}/u.test(l) &&
        /\S\s+\S/.test(l) &&
        !letterhead.test(l) &&
        !organisationUnit.test(l) &&
        !fieldLine.test(l) &&
        !letterheadWithUnit.test(l) &&
        !statusLine.test(l),
    );
  return first ?? fileName.replace(/\.[^.]+$/, '');
}

function text(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Metadata from explicit fields where given (front-matter or sidecar), inferred from the text otherwise. */
export function resolveMetadata(
  explicit: Record<string, unknown> | undefined,
  rawText: string,
  fileName: string,
  titleHint?: string,
  furniture: readonly string[] = [],
): { metadata: DocumentMetadata; inferred: (keyof DocumentMetadata)[] } {
  const inferred: (keyof DocumentMetadata)[] = [];
  const pick = <K extends keyof DocumentMetadata>(key: K, names: string[], infer: () => DocumentMetadata[K]): DocumentMetadata[K] => {
    for (const name of names) {
      if (explicit && name in explicit) {
        const value = explicit[name];
        if (value === null || value === '') return null as DocumentMetadata[K];
        const found = text(value);
        if (found !== undefined) return found as DocumentMetadata[K];
      }
    }
    inferred.push(key);
    return infer();
  };
  const title = pick('title', ['title', 'titel'], () => inferTitle(rawText, fileName, titleHint)) ?? fileName;
  const metadata: DocumentMetadata = {
    title,
    gemeente: pick('gemeente', ['gemeente', 'municipality'], () => inferGemeente(rawText, furniture)),
    docType: pick('docType', ['type', 'doc_type', 'documenttype', 'soort'], () => inferType(rawText, title)) ?? 'document',
    date: pick('date', ['date', 'datum'], () => inferDate(rawText)),
  };
  if (metadata.date && !/^\d{4}-\d{2}-\d{2}$/.test(metadata.date)) {
    const parsed = datesIn(metadata.date)[0] ?? (/^\d{4}-\d{2}$/.test(metadata.date) ? `${metadata.date}-01` : /^\d{4}$/.test(metadata.date) ? `${metadata.date}-01-01` : null);
    metadata.date = parsed;
  }
  return { metadata, inferred };
}
