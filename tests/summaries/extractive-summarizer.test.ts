import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeExtractive } from '../../src/features/summaries/extractive-summarizer.js';
import { normalizeSpace, readTextDocument, wordCount } from '../../src/documents/index.js';
import { figuresIn } from '../../src/features/summaries/figures.js';
import { summaryDocumentOf } from '../../src/features/summaries/summary-document.js';
import { readableSentence } from '../../src/features/summaries/sentence-quality.js';
import type { Summary } from '../../src/features/summaries/summary-types.js';

const notes = {
  raadsbrief: { title: 'Stand van zaken notitie Openbare Orde en Veiligheid 2023', file: '/work/shared/corpus/000_55b5a0dbcbfe059d.txt' },
  notitie: { title: 'Stand van zaken notitie openbare orde en veiligheid: Terugblik 2023', file: '/work/shared/corpus/001_05e79deea0a07a60.txt' },
};

function allLines(summary: Summary): string[] {
  return [...summary.sections.flatMap((s) => s.bullets.map((b) => b.text)), ...summary.outlook.map((o) => o.text), ...summary.figures.flatMap((f) => [f.figure, f.context])];
}

/** The words of `line` (without the "…" of a cut) occur in this order in `source`: taken from it, not written. */
function isTakenFrom(line: string, source: string): boolean {
  // Dropping an aside "(...)" joins the punctuation after it to the word before it: compare words without it.
  const words = line
    .replace(/…$/, '')
    .split(' ')
    .map((w) => w.replace(/[.,;:!?]+$/, ''))
    .filter(Boolean);
  let at = 0;
  for (const word of words) {
    const found = source.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}

describe.each(Object.entries(notes))('offline summary of the Twenterand %s', (_name, note) => {
  const text = readFileSync(note.file, 'utf8');
  const read = readTextDocument(text, 'txt');
  const document = summaryDocumentOf(note.title, read);
  // The note as the document model read it (OCR slips such as "Op1juli" repaired): what a summary may quote.
  const source = normalizeSpace(read.text);
  const summary = summarizeExtractive(document, { words: 250 });

  it('is split into more than one section to cover', () => {
    expect(document.sections.length).toBeGreaterThanOrEqual(4);
  });

  it('covers every chapter that has a whole sentence to show, the last as well as the first, in document order', () => {
    const showable = document.sections.filter((s) =>
      s.paragraphs.some((p) => p.kind !== 'table-row' && p.sentences.some((x) => readableSentence(x, { documentTitle: document.title, sectionTitle: s.title }))),
    );
    // Within 10 citations a note of 15 sub-sections cannot show them all: every chapter ("1. …", "2. …") is shown.
    const chapter = (title: string) => title.split(' › ')[0];
    const titles = summary.sections.map((s) => s.title);
    expect(new Set(titles.map(chapter))).toEqual(new Set(showable.filter((s) => s.title !== document.title).map((s) => chapter(s.title))));
    const order = showable.map((s) => s.title);
    expect(titles.map((t) => order.indexOf(t))).toEqual(titles.map((t) => order.indexOf(t)).sort((a, b) => a - b));
    for (const section of summary.sections) expect(section.bullets.length).toBeGreaterThan(0);
  });

  it('keeps every number and date exactly as written in the note', () => {
    const figures = allLines(summary).flatMap((line) => figuresIn(line).map((f) => f.text));
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(source, `figure "${figure}"`).toContain(figure);
  });

  it("invents no text: every line is the note's own words, in order", () => {
    for (const line of allLines(summary)) expect(isTakenFrom(line, source), line).toBe(true);
  });

  it('fits the word budget of about 250 words', () => {
    const counted = allLines(summary)
      .filter((_, i, all) => i < all.length)
      .reduce((n, l) => n + wordCount(l), 0);
    expect(summary.words).toBeLessThanOrEqual(265);
    expect(counted).toBeLessThanOrEqual(summary.words + summary.figures.reduce((n, f) => n + wordCount(f.figure), 0));
  });

  it('has a doorkijk of forward-looking sentences', () => {
    expect(summary.outlook.length).toBeGreaterThan(0);
    for (const line of summary.outlook) expect(line.text).toMatch(/\b(2024|2025|zal|zullen|gaan|gaat|wordt|worden|planning|volgt|verwacht|start)\b/i);
  });

  it('cites the passages used: every line points at a citation of its own section', () => {
    const positions = new Set(summary.citations.map((c) => c.position));
    expect(summary.citations.length).toBeLessThanOrEqual(20);
    for (const section of summary.sections) {
      for (const bullet of section.bullets) {
        expect(positions.has(bullet.citation)).toBe(true);
        expect(summary.citations.find((c) => c.position === bullet.citation)?.sectionTitle).toBe(section.title);
      }
    }
  });

  it('gets shorter with "korter" and longer with "uitgebreider", still covering every section', () => {
    const shorter = summarizeExtractive(document, { words: 150 });
    const longer = summarizeExtractive(document, { words: 400 });
    expect(shorter.words).toBeLessThan(summary.words);
    expect(longer.words).toBeGreaterThanOrEqual(summary.words);
    expect(shorter.sections.length).toBeGreaterThan(0);
    expect(shorter.sections.length).toBeLessThanOrEqual(summary.sections.length);
  });
});

describe('fair share of the budget', () => {
  it('does not let a long first section crowd out a short last one', () => {
    const long = Array.from({ length: 60 }, (_, i) => `In het eerste deel staat zin nummer ${i + 10} met veel woorden over het beleid van de gemeente.`).join(' ');
    const document = summaryDocumentOf('Test', readTextDocument(`1. Lang\n\n${long}\n\n2. Kort\n\nDe gemeente start in 2025 met een nieuwe aanpak van woninginbraken in alle kernen.`, 'txt'));
    const summary = summarizeExtractive(document, { words: 100 });
    expect(summary.sections.map((s) => s.title)).toEqual(['1. Lang', '2. Kort']);
  });
});
