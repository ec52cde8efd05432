/**
 * The one sentence splitter of the bot: the knowledge base, summaries, the steering digest and the
 * tab all see the same sentences. ICU's sentence rules (Intl.Segmenter) do the splitting; what they
 * do not know are Dutch abbreviations and initials, after which a segment is joined to the next.
 */

// Lower case, without the final dot. Only abbreviations that are followed by more of the sentence.
const abbreviations = new Set([
  'o.a',
  'oa',
  't.a.v',
  'tav',
  'dhr',
  'mevr',
  'mw',
  'mr',
  'dr',
  'drs',
  'ir',
  'ing',
  'prof',
  'art',
  'nr',
  'nrs',
  'bijv',
  'bv',
  'm.b.t',
  'mbt',
  'e.d',
  'i.p.v',
  'ipv',
  'i.v.m',
  'ivm',
  'o.b.v',
  'obv',
  'm.u.v',
  'd.w.z',
  'z.s.m',
  'ca',
  'circa',
  'vs',
  'e.a',
  'jl',
  'blz',
  'evt',
  'incl',
  'excl',
  'resp',
  'etc',
  'vgl',
  'zgn',
  'ong',
  'min',
  'jan',
  'feb',
  'febr',
  'mrt',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'no',
  'st',
  'lid',
]);

const segmenter = new Intl.Segmenter('nl', { granularity: 'sentence' });

/** Whitespace collapsed: the form in which text is compared with its source. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

/** A segment that ends in an abbreviation or an initial ("J.C.F.", "dhr.") does not end a sentence. */
function endsInAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s(“"‘])([\p{L}.]+)\.\s*$/u.exec(segment);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  return abbreviations.has(word) || /^(\p{L}\.)*\p{L}$/u.test(word);
}

/** Sentences of one paragraph, as written (whitespace normalised); the split never changes a word. */
export function splitSentences(paragraph: string): string[] {
  const text = /\s\s|[\t\n\r\f\v]/.test(paragraph) ? normalizeSpace(paragraph) : paragraph.trim();
  if (!text) return [];
  // No sentence-ending mark inside the text: one sentence, without asking ICU (ingest speed).
  if (!/[.!?…]["”’)\]]*\s/.test(text)) return /[\p{L}\p{N}]/u.test(text) ? [text] : [];
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    if (endsInAbbreviation(pending)) continue;
    out.push(pending.trim());
    pending = '';
  }
  if (pending.trim()) out.push(pending.trim());
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}
