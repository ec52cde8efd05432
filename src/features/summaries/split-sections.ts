import type { SummaryDocument } from './summary-types.js';

// A numbered heading ("1. Leefbaarheid en fysieke verloedering", "2.3 Ondermijning") or a line in capitals ("KERNBOODSCHAP").
const numberedHeading = /^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÀ-Ý][^.!?]{1,80}$/;
const capitalsHeading = /^\s*[A-ZÀ-Ý][A-ZÀ-Ý\s&,'-]{3,60}$/;
// Closing parts a note often has without a number: the look ahead is a theme of its own.
const namedHeading = /^\s*(doorkijk(je)?\b.*|vervolg|conclusie|samenvatting|tot slot)\s*$/i;
// Reading lists and link collections are not content to summarise.
const referenceHeading = /^\s*(meer informatie|andere relevante links|bijlagen?|links|bronnen)\s*:?\s*$/i;

function isHeading(line: string, previousBlank: boolean): boolean {
  const trimmed = line.trim();
  if (!trimmed || trimmed.split(/\s+/).length > 10) return false;
  if (numberedHeading.test(trimmed)) return true;
  if (capitalsHeading.test(trimmed) && /[A-Z]{4}/.test(trimmed)) return true;
  return previousBlank && (namedHeading.test(trimmed) || referenceHeading.test(trimmed));
}

/**
 * Sections of a plain-text document (an uploaded file, a note without stored sections), split on
 * numbered headings, headings in capitals and a closing "Doorkijk"/"Vervolg". Text before the
 * first heading is a section titled with the document title. Sections without running text are dropped.
 */
export function splitSections(title: string, text: string): SummaryDocument {
  const sections: { title: string; lines: string[] }[] = [{ title, lines: [] }];
  let previousBlank = true;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (isHeading(line, previousBlank)) sections.push({ title: line.trim().replace(/\s+/g, ' '), lines: [] });
    else sections[sections.length - 1]!.lines.push(line);
    previousBlank = line.trim() === '';
  }
  return {
    title,
    sections: sections
      .filter((s) => !referenceHeading.test(s.title))
      .map((s) => ({ title: s.title, text: s.lines.join('\n').trim() }))
      .filter((s) => s.text.split(/\s+/).length >= 8),
  };
}
