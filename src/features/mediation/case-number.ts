/** BB-<year>-<4 digits>; more digits after 9999 cases in a year, so numbers stay unique. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `BB-${year}-${String(sequence).padStart(4, '0')}`;
}

export const caseNumberPattern = /^BB-(\d{4})-(\d{4,})$/i;

export function normaliseCaseNumber(text: string): string | undefined {
  const match = text.trim().match(caseNumberPattern);
  return match ? `BB-${match[1]}-${match[2]}` : undefined;
}
