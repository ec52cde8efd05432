import { fold, MONTHS } from '../text/normalize.js';

/** What kind of fact a question asks for, read from its question word. */
export type AnswerCue = 'date' | 'number' | 'person' | 'duration' | 'period' | 'money' | null;

const cuePatterns: [RegExp, AnswerCue][] = [
  [/\b(wat\s+kost|wat\s+kosten|hoeveel\s+(geld|euro|kost)|how\s+much\s+(does|do|is|money)|what\s+does\s+.*\bcost)\b/i, 'money'],
  [/\b(hoe\s+lang|how\s+long)\b/i, 'duration'],
  [/\b(welke\s+periode|welke\s+jaren|which\s+period|what\s+period)\b/i, 'period'],
  [/\b(wanneer|per\s+wanneer|welke\s+datum|op\s+welke\s+dag|when|what\s+date)\b/i, 'date'],
  [/\b(hoeveel|how\s+many|how\s+much|welk\s+percentage|what\s+percentage)\b/i, 'number'],
  [/^\s*(wie|who)\b|\b(door\s+wie|bij\s+wie|met\s+wie|by\s+whom)\b/i, 'person'],
];

export function answerCue(question: string): AnswerCue {
  for (const [pattern, cue] of cuePatterns) if (pattern.test(question)) return cue;
  return null;
}

const month = MONTHS.join('|');
const numberWords = 'twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|honderd|duizend|miljoen|miljard|één|half|helft';
const datePattern = new RegExp(
  `\\b(\\d{1,2}\\s+(${month})|(${month})\\s+\\d{4}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}|(voorjaar|najaar|zomer|winter|begin|eind|medio|halverwege)\\s+(van\\s+)?\\d{4}|in\\s+(${month})|(in|per|vanaf|sinds|tot|voor|na|uiterlijk)\\s+\\d{4}|\\d{4})\\b`,
  'i',
);
const numberPattern = new RegExp(`(\\d|\\b(${numberWords})\\b)`, 'i');
const durationPattern = new RegExp(`\\b((\\d+|${numberWords}|een)\\s*(-\\s*)?(jaar|jaren|maanden|maand|weken|week|dagen|dag|uur)|(${numberWords})(jarig|jarige|maands|weeks)|\\d{4}\\s*[-–]\\s*\\d{4}|\\d+-jarig\\w*)\\b`, 'i');
const periodPattern = /\b\d{4}\s*[-–]\s*\d{2,4}\b|\b(periode|looptijd)\b.*\d{4}/i;
const moneyPattern = /(€|\beuro\b|\bkost(en|t)?\b.*\d|\d+[.,]\d{3}|\bmiljoen\b)/i;
const roleWords = /(burgemeester|wethouder|adviseur|manager|coordinator|voorzitter|secretaris|directeur|teamchef|officier|organisator|opdrachtgever|portefeuillehouder|medewerker|consulent|mediator|platform|college|politie|stichting|ministerie)\w*/g;
const namePattern = /\b\p{Lu}\p{Ll}+\s+\p{Lu}|\b\p{Lu}{2,}\b/u;

const countWord = new RegExp(`^(\\d+([.,]\\d+)?%?|${numberWords}|tientallen|honderden|duizenden)$`);

interface ReadSentence {
  folded: string;
  words: string[];
  /** Indexes of the words that are a count ("14", "dertien"), years left out. */
  counts: number[];
  /** Which fact patterns the sentence holds, as they are checked. */
  holds: Map<RegExp, boolean>;
}
// Every question checks the same stored sentences again: fold and split each once, not once per question.
const sentenceWords = new Map<string, ReadSentence>();

function readSentence(sentence: string): ReadSentence {
  let read = sentenceWords.get(sentence);
  if (!read) {
    const folded = fold(sentence);
    const words = folded.match(/[\p{L}\p{N}%.,]+/gu)?.map((w) => w.replace(/[.,]$/, '')) ?? [];
    const counts = words.flatMap((w, i) => (countWord.test(w) && !/^\d{4}$/.test(w) ? [i] : []));
    read = { folded, words, counts, holds: new Map() };
    if (sentenceWords.size >= 50_000) sentenceWords.clear();
    sentenceWords.set(sentence, read);
  }
  return read;
}

/** "14 gemeenten", "dertien meldingen": a number next to (up to two words before) the counted thing. */
export function countsThing(sentence: string, countedStem: string): boolean {
  const { words, counts } = readSentence(sentence);
  const stem = countedStem.slice(0, Math.max(4, countedStem.length - 1));
  return counts.some((i) => words.slice(i + 1, i + 4).some((next) => next.startsWith(stem)));
}

function holds(sentence: string, pattern: RegExp): boolean {
  const { holds: known } = readSentence(sentence);
  let found = known.get(pattern);
  if (found === undefined) {
    found = pattern.test(sentence);
    known.set(pattern, found);
  }
  return found;
}

/** Whether a sentence holds the kind of fact the cue asks for ("hoeveel X": a number with X, when X is known). */
export function satisfiesCue(sentence: string, cue: AnswerCue, countedStem?: string, askedWords?: readonly string[]): boolean {
  if (cue === 'number' && countedStem) return countsThing(sentence, countedStem);
  switch (cue) {
    case null:
      return true;
    case 'date':
      return holds(sentence, datePattern);
    case 'number':
      return holds(sentence, numberPattern);
    case 'duration':
      return holds(sentence, durationPattern);
    case 'period':
      return holds(sentence, periodPattern);
    case 'money':
      return holds(sentence, moneyPattern);
    case 'person':
      return namePattern.test(sentence.replace(/^\S+\s*/, '')) || (readSentence(sentence).folded.match(roleWords) ?? []).some((role) => !askedWords?.some((w) => role.startsWith(w.slice(0, 6))));
  }
}

const counts: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, two: 2, three: 3, four: 4, five: 5, six: 6 };
const ordinals = ['', 'eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende'];

/** "twee speerpunten" → 2: the number of items a sentence or question announces. */
export function announcedCount(text: string): number | undefined {
  const m = /\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|[2-9])\b/i.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return counts[word] ?? Number(word);
}

export function ordinalWord(n: number): string | undefined {
  return ordinals[n];
}
