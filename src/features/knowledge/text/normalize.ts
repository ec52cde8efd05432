/** Lower case without diacritics: the form every comparison in the knowledge base uses. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words and numbers of a text, folded; punctuation and symbols (emoji too) are separators. */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The month names live with the document model; re-exported for the knowledge base's question analysis.
export { MONTHS, MONTH_ABBREVIATIONS } from '../../../documents/months.js';
