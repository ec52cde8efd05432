import type { StoredSentence } from '../store/knowledge-store.js';

/**
 * What a sentence needs around it to be read on its own: the header of the table its row is in,
 * the sentence before an anaphoric one ("Deze…", "Daarnaast…"), the list a lead-in introduces.
 */

// A row of a table as text: cells joined by " — " (tab-separated rows) or a label followed by figures ("Woninginbraken 96 81 -25%").
const figureRow = /^[\p{L}(][^.!?]{0,80}?(\s+[-+]?(€\s?)?[\d.,]+\s?%?){1,6}$/u;

export function isTableRow(sentence: Pick<StoredSentence, 'text' | 'item'>): boolean {
  const text = sentence.text.trim();
  return (Boolean(sentence.item) && text.includes(' — ')) || figureRow.test(text);
}

/** The index of the header row of the table sentence i is a row of, if it has one. */
export function tableHeaderIndex(sentences: readonly Pick<StoredSentence, 'text' | 'item'>[], i: number): number | undefined {
  const row = sentences[i];
  if (!row || !isTableRow(row)) return undefined;
  let start = i;
  while (start > 0 && isTableRow(sentences[start - 1]!)) start -= 1;
  // The first row of a tab table is its header; a figure table's header is the label line before its rows ("Onderwerp 2023 2024").
  if (start < i && sentences[start]!.item && sentences[start]!.text.includes(' — ') && !/\d/.test(sentences[start]!.text.split(' — ').slice(1).join(' ').replace(/\b(19|20)\d\d\b/g, ''))) return start;
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
