/**
 * The grounding guard: an LLM answer may only say what the passages it was given say.
 * - every marker [n] points to a passage that was given (1..passageCount);
 * - every sentence or list item that states a fact carries a marker;
 * - every number in a cited sentence appears in the passages it cites; in Dutch answers (the
 *   documents are Dutch) the sentence also shares most of its content words with them;
 * - no links or HTML the passages do not hold.
 * A failed check means the offline answer is shown instead. On success the markers are renumbered
 * 1..k in order of first use, so they match the citations built for the passages used.
 */
export interface GuardPassage {
  text: string;
}

export type GuardFailure = 'empty' | 'no-markers' | 'marker-out-of-range' | 'uncited-sentence' | 'unsupported-sentence' | 'foreign-link';

export type GuardResult = { ok: true; text: string /** 0-based indexes of the passages cited, in the new marker order. */; used: number[] } | { ok: false; failure: GuardFailure; sentence?: string };

export interface GuardOptions {
  /** Compare words with the passages (off when the answer is in another language than the documents). */
  lexical: boolean;
}

const markerGroup = /\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;
// "De documenten zeggen daar niets over." and kin: honest, and not a fact to cite.
const notInDocuments =
  /(documenten|passages?|stukken|bronnen)\b.{0,40}\b(niets|geen|niet)\b|\b(niet|geen)\b.{0,40}\b(documenten|passages?)\b|\b(documents?|passages?|sources?)\b.{0,40}\b(do not|don't|does not|doesn't|not)\b|\bno information\b/i;
const stopWords = new Set(
  'aangezien alleen andere anders binnen daarom daarbij daarnaast daarvan dezelfde doordat echter eigen enkele hebben heeft hierbij hierin hiervan kunnen moeten onder onze omdat ongeveer volgens waarbij waarin wanneer welke worden wordt zijn zodat zoals zullen tussen tegen verder vooral waaronder namelijk staat staan gemeente documenten document passage'.split(
    ' ',
  ),
);

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function words(text: string): string[] {
  return fold(text).match(/[a-z][a-z'-]*/g) ?? [];
}

/** One marker per number, `[1, 2]` → `[1][2]`. */
export function normalizeMarkers(text: string): string {
  return text.replace(markerGroup, (_whole, list: string) =>
    list
      .split(/\s*[,;]\s*/)
      .map((n) => `[${Number(n)}]`)
      .join(''),
  );
}

/** Sentences and list items; a marker group standing alone after a full stop belongs to the sentence before it. */
export function factUnits(text: string): string[] {
  const units: string[] = [];
  for (const line of text.split(/\n+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const parts = trimmed.split(/(?<=[.!?])\s+/);
    for (const part of parts) {
      const leading = /^((?:\[\d+\]\s*)+[.!?]?)\s*/.exec(part);
      if (leading && units.length) {
        units[units.length - 1] += ` ${leading[1]!.trim()}`;
        const rest = part.slice(leading[0].length);
        if (rest) units.push(rest);
      } else units.push(part);
    }
  }
  return units;
}

function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

function isStatement(unit: string): boolean {
  const plain = unit
    .replace(/\[\d+\]/g, '')
    .replace(/[*_#>`-]/g, ' ')
    .trim();
  if (/:\s*$/.test(plain)) return false; // a lead-in to a list
  if (words(plain).length < 4) return false; // a heading or a label
  return !notInDocuments.test(plain);
}

function supported(unit: string, cited: readonly string[], lexical: boolean): boolean {
  const plain = unit.replace(/\[\d+\]/g, ' ');
  const source = fold(cited.join('\n'));
  for (const number of plain.match(/\d+(?:[.,]\d+)*/g) ?? []) if (!source.includes(number)) return false;
  if (!lexical) return true;
  const content = words(plain).filter((w) => w.length >= 5 && !stopWords.has(w));
  if (content.length < 2) return true;
  const prefixes = new Set(
    words(source)
      .filter((w) => w.length >= 5)
      .map((w) => w.slice(0, 5)),
  );
  const hits = content.filter((w) => prefixes.has(w.slice(0, 5))).length;
  return hits / content.length >= 0.5;
}

export function checkGrounding(answer: string, passages: readonly GuardPassage[], options: GuardOptions): GuardResult {
  const text = normalizeMarkers(answer.trim());
  if (!text) return { ok: false, failure: 'empty' };
  const all = markersIn(text);
  if (all.length === 0) return { ok: false, failure: 'no-markers' };
  if (all.some((n) => n < 1 || n > passages.length)) return { ok: false, failure: 'marker-out-of-range' };
  const passageText = passages.map((p) => p.text).join('\n');
  for (const link of text.match(/https?:\/\/\S+|www\.\S+|<\s*[a-z]+[^>]*>|!\[/gi) ?? []) {
    if (!passageText.includes(link.replace(/[).,\]]+$/, ''))) return { ok: false, failure: 'foreign-link' };
  }
  for (const unit of factUnits(text)) {
    if (!isStatement(unit)) continue;
    const markers = markersIn(unit);
    if (markers.length === 0) return { ok: false, failure: 'uncited-sentence', sentence: unit };
    if (
      !supported(
        unit,
        markers.map((n) => passages[n - 1]!.text),
        options.lexical,
      )
    )
      return { ok: false, failure: 'unsupported-sentence', sentence: unit };
  }
  const order: number[] = [];
  for (const n of all) if (!order.includes(n)) order.push(n);
  const renumbered = text.replace(/\[(\d+)\]/g, (_whole, n: string) => `[${order.indexOf(Number(n)) + 1}]`);
  return { ok: true, text: renumbered, used: order.map((n) => n - 1) };
}
