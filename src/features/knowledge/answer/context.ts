import type { StoredSentence } from '../store/knowledge-store.js';

/**
 * What a sentence needs around it to be read on its own: the header of the table its row is in,
 * the sentence before an anaphoric one ("Deze…", "Daarnaast…"), the list a lead-in introduces.
 */

// A row of a table as text: cells joined by " — " (tab-separated rows) or a label followed by figures ("Woninginbraken 96 81 -25%").
const figureRow = /^[\p{L}(][^.!?]{0,80}?(\s+[-+]?(€\s?)?[\d.,]+\s?%?){1,6}$/u;

export function isTableRow(sentence: Pick<StoredSentence, 'text' | 'item' | 'kind'>): boolean {
  if (sentence.kind === 'table-row') return true;
  const text = sentence.text.trim();
  return (Boolean(sentence.item) && text.includes(' — ')) || figureRow.test(text);
}

/** The index of the header row of the table sentence i is a row of, if it has one. */
export function tableHeaderIndex(sentences: readonly Pick<StoredSentence, 'text' | 'item' | 'kind'>[], i: number): number | undefined {
  const row = sentences[i];
  // Rows of the document model carry their header cells in their own text ("Gebied: …; Camera's: 6").
  if (!row || !isTableRow(row) || row.kind === 'table-row') return undefined;
  let start = i;
  while (start > 0 && isTableRow(sentences[start - 1]!)) start -= 1;
  // The first row of a tab table is its header; a figure table's header is the label line before its rows ("Onderwerp 2023 2024").
  if (
    start < i &&
    sentences[start]!.item &&
    sentences[start]!.text.includes(' — ') &&
    !/\d/.test(
      sentences[start]!.text.split(' — ')
        .slice(1)
        .join(' ')
        .replace(/\b(19|20)\d\d\b/g, ''),
    )
  )
    return start;
  const before = sentences[start - 1];
  if (before && before.text.length <= 120 && !/[.!?]$/.test(before.text.trim())) return start - 1;
  if (start < i && sentences[start]!.item) return start;
  return undefined;
}

// Sentences that lean on the one before: "Deze…", "Daarnaast…", "Hierbij…", "Zij…".
const anaphoric = /^(deze|dit|die|dat|daarnaast|daarbij|daarmee|daardoor|daarom|hierbij|hiermee|hierdoor|hiervoor|zij|ze|hij|het\s+gaat\s+om|ook|bovendien|verder|tevens)\b/i;

export function leansOnPrevious(text: string): boolean {
  return anaphoric.test(text.trim());
}

/** The indexes of the rows of the table that sentence i is in (itself when it is no row). */
export function tableRows(sentences: readonly Pick<StoredSentence, 'text' | 'item' | 'kind'>[], i: number): { from: number; to: number } {
  if (!sentences[i] || !isTableRow(sentences[i]!)) return { from: i, to: i };
  let from = i;
  let to = i;
  while (from > 0 && isTableRow(sentences[from - 1]!)) from -= 1;
  while (to + 1 < sentences.length && isTableRow(sentences[to + 1]!)) to += 1;
  return { from, to };
}

const ordinalOf: Record<string, string> = { eerste: '1', '1e': '1', tweede: '2', '2e': '2', derde: '3', '3e': '3', vierde: '4', '4e': '4', first: '1', second: '2', third: '3', fourth: '4' };
const periodPart = /\b(eerste|tweede|derde|vierde|1e|2e|3e|4e|first|second|third|fourth)\s+(halfjaar|helft|kwartaal|half|quarter)\b/gi;

/** "tweede halfjaar", "1e helft" → "2:half", "1:half": which part of a year a text is about. */
export function periodParts(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(periodPart)) out.add(`${ordinalOf[m[1]!.toLowerCase()]}:${/kwartaal|quarter/i.test(m[2]!) ? 'quarter' : 'half'}`);
  return out;
}

/** The sentence that introduces the list or table sentence i belongs to (up to two sentences before its first item). */
export function leadInIndex(sentences: readonly Pick<StoredSentence, 'text' | 'item' | 'kind'>[], i: number): number | undefined {
  const own = sentences[i];
  if (!own || !(own.item || isTableRow(own))) return undefined;
  let start = i;
  while (start > 0 && (sentences[start - 1]!.item || isTableRow(sentences[start - 1]!))) start -= 1;
  if (start === 0) return undefined;
  const before = start - 1;
  // "… is jaarlijks € 520.000 beschikbaar. Tabel 2 geeft de verdeling." — a short pointer to the table leans on the sentence before it.
  if (before > 0 && /^(tabel|figuur|overzicht|zie)\b/i.test(sentences[before]!.text) && sentences[before]!.text.length < 60) return before - 1;
  return before;
}
