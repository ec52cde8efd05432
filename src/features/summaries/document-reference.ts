import { withinOneTypo } from '../../routing/one-typo.js';

/**
 * Which stored document a colleague means: "de notitie van Twenterand over 2023", "de terugblik",
 * "het programma veiligheid van Hengelo". Scored on title words (prefixes and one-letter typos count),
 * the document type, the gemeente and the year; a gemeente or year that does not fit rules a document out.
 */
export interface ReferableDocument {
  id: string;
  title: string;
  docType?: string | null;
  gemeente?: string | null;
  date?: string | null;
}

const noise = new Set(
  (
    'de het een van voor en in op aan naar met om te over tot als dat die dit deze er is kun kan je jij u ik me mij mijn graag aub even kort korte ' +
    'samenvatting samenvatten vat samen geef maak wat zijn staan staat hoofdlijnen kern document documenten stuk stukken lezen tijd heb geen wil ' +
    'the a an of for on about please summary summarize summarise give me can you main points what are'
  ).split(/\s+/),
);

const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

const same = (word: string, candidate: string) => candidate.startsWith(word) || (word.length >= 4 && word.startsWith(candidate) && candidate.length >= 4) || withinOneTypo(word, candidate);

/** The documents best fitting the reference, best first, with their scores (empty when nothing fits). */
export function rankDocuments<T extends ReferableDocument>(documents: readonly T[], reference: string, gemeenten: readonly string[]): { document: T; score: number }[] {
  const query = words(reference).filter((w) => !noise.has(w));
  const named = gemeenten.find((g) => query.includes(g.toLowerCase()));
  const year = query.find((w) => /^(?:19|20)\d{2}$/.test(w));
  const content = query.filter((w) => w !== named?.toLowerCase() && w !== year);
  const ranked: { document: T; score: number }[] = [];
  for (const document of documents) {
    if (named && document.gemeente && document.gemeente.toLowerCase() !== named.toLowerCase()) continue;
    const title = words(document.title);
    const years = new Set([...title.filter((w) => /^(?:19|20)\d{2}$/.test(w)), ...(document.date ? [document.date.slice(0, 4)] : [])]);
    if (year && !years.has(year) && !title.some((w) => w.includes(year))) continue;
    const type = words(document.docType ?? '');
    let score = 0;
    for (const w of content) {
      if (title.some((t) => same(w, t))) score += 1;
      if (type.some((t) => same(w, t))) score += 1.5;
    }
    if (named && document.gemeente) score += 2;
    if (year) score += 1;
    if (score > 0) ranked.push({ document, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/** The one document meant, when one clearly fits best. */
export function resolveDocument<T extends ReferableDocument>(documents: readonly T[], reference: string, gemeenten: readonly string[]): T | undefined {
  const [first, second] = rankDocuments(documents, reference, gemeenten);
  if (!first || first.score < 1) return undefined;
  if (second && second.score >= first.score) return undefined;
  return first.document;
}
