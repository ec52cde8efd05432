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

export const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

export const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: 'januari',
  feb: 'februari',
  febr: 'februari',
  mrt: 'maart',
  apr: 'april',
  jun: 'juni',
  jul: 'juli',
  aug: 'augustus',
  sep: 'september',
  sept: 'september',
  okt: 'oktober',
  nov: 'november',
  dec: 'december',
};
