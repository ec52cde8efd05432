import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyzedQuestion, Concept } from '../../src/features/knowledge/answer/question.js';
import { scoreWindows, stemMatch, type ScoringPassage } from '../../src/features/knowledge/answer/score.js';

// The scoring rule written out plainly, one comparison per stem and word: the fast scorer must give the same coverage.
const bestIn = (stem: string, lexemes: readonly string[]) => Math.max(0, ...lexemes.map((l) => stemMatch(stem, l)));
function conceptMatch(c: Concept, lexemes: readonly string[]): number {
  let best = bestIn(c.stem, lexemes);
  if (best === 1) return 1;
  for (const phrase of c.phrases) if (phrase.length) best = Math.max(best, phrase.reduce((sum, s) => sum + bestIn(s, lexemes), 0) / phrase.length);
  if (c.parts.length) best = Math.max(best, (0.6 * c.parts.reduce((sum, s) => sum + bestIn(s, lexemes), 0)) / c.parts.length);
  return best;
}

// Stems from a small alphabet, so prefixes, suffixes and shared roots occur often.
const stem = fc.stringMatching(/^(ge)?[abv][aei][lnst]{1,3}(heid|beleid|ing|en)?$/);
const concept = fc.record({
  word: stem,
  stem,
  parts: fc.array(stem, { maxLength: 2 }),
  phrases: fc.array(fc.array(stem, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
  weight: fc.double({ min: 0.1, max: 3, noNaN: true }),
});
const sentence = fc.record({ text: fc.constant('Een zin.'), lexemes: fc.array(stem, { maxLength: 8 }) });

function question(concepts: Concept[]): AnalyzedQuestion {
  return { text: 'vraag', concepts, cue: null, gemeente: null } as unknown as AnalyzedQuestion;
}

describe('sentence window scoring', () => {
  it('gives every window the coverage the plain rule gives, whatever the stems', () => {
    fc.assert(
      fc.property(fc.array(concept, { minLength: 1, maxLength: 5 }), fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.array(stem, { maxLength: 3 }), (concepts, sentences, titleLexemes) => {
        const passage: ScoringPassage = { id: 1, documentId: 1, sectionTitle: 'Titel', titleLexemes, documentTitleLexemes: [], sentences };
        const total = concepts.reduce((sum, c) => sum + c.weight, 0);
        for (const w of scoreWindows(question(concepts), [passage])) {
          const expected =
            concepts.reduce((sum, c) => {
              // The window's sentences fully, its title at 0.7, the sentences just before and after it at 0.4.
              const before = w.from > 0 ? 0.4 * conceptMatch(c, sentences[w.from - 1]!.lexemes) : 0;
              const after = w.to + 1 < sentences.length ? 0.4 * conceptMatch(c, sentences[w.to + 1]!.lexemes) : 0;
              const m = Math.max(0.7 * conceptMatch(c, titleLexemes), conceptMatch(c, sentences[w.from]!.lexemes), conceptMatch(c, sentences[w.to]!.lexemes), before, after);
              return sum + c.weight * m;
            }, 0) / total;
          expect(w.coverage).toBeCloseTo(expected, 10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('marks a window about another year than the one asked below one about that year', () => {
    const concepts: Concept[] = [{ word: 'woninginbraken', stem: 'woninginbrak', parts: [], phrases: [], weight: 2 }];
    const passage: ScoringPassage = {
      id: 9,
      documentId: 4,
      sectionTitle: 'Cijfers',
      titleLexemes: [],
      documentTitleLexemes: [],
      sentences: [
        { text: 'In 2023 waren er 96 woninginbraken.', lexemes: ['2023', '96', 'woninginbrak'] },
        { text: 'Het weer was goed.', lexemes: ['wer', 'goed'] },
        { text: 'In 2024 waren er 81 woninginbraken.', lexemes: ['2024', '81', 'woninginbrak'] },
      ],
    };
    const [best] = scoreWindows({ ...question(concepts), cue: 'number', years: ['2024'] } as AnalyzedQuestion, [passage]);
    expect(best).toMatchObject({ from: 2, to: 2 });
  });

  it('ranks the sentence that holds the asked words and fact above one that only shares a word', () => {
    const concepts: Concept[] = [
      { word: 'veiligheidsbeleid', stem: 'veiligheidsbeleid', parts: ['veilig', 'beleid'], phrases: [], weight: 2 },
      { word: 'vastgesteld', stem: 'vastgesteld', parts: [], phrases: [], weight: 1 },
    ];
    const passage: ScoringPassage = {
      id: 7,
      documentId: 3,
      sectionTitle: 'Planning',
      titleLexemes: [],
      documentTitleLexemes: [],
      sentences: [
        { text: 'Het beleid wordt besproken.', lexemes: ['beleid', 'besprok'] },
        { text: 'Het veiligheidsbeleid wordt op 3 juli vastgesteld.', lexemes: ['veiligheidsbeleid', 'juli', 'vastgesteld'] },
      ],
    };
    const [best] = scoreWindows({ ...question(concepts), cue: 'date' } as AnalyzedQuestion, [passage]);
    expect(best).toMatchObject({ from: 1, to: 1, coverage: 1, cueMet: true });
  });
});
