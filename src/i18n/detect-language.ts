import type { Locale } from './catalogue.js';
import { ENGLISH_FUNCTION_WORDS } from './english-function-words.js';

// Short function words that are frequent in one language and rare in the other.
const english = new Set([
  ...ENGLISH_FUNCTION_WORDS,
  // Greetings, and the words of English requests to the bot and of short English questions.
  'hello',
  'hi',
  'thanks',
  'thank',
  'bye',
  'goodbye',
  'morning',
  'afternoon',
  'evening',
  'good',
  'you',
  'current',
  'priorities',
  'show',
  'summarize',
  'summary',
  'whose',
  'our',
  'your',
  'my',
  'any',
  'get',
  'got',
  'last',
  'year',
  'spend',
  'spent',
  'led',
  'leads',
]);
const dutch = new Set([
  'de',
  'het',
  'een',
  'wat',
  'welke',
  'wie',
  'wanneer',
  'waar',
  'hoe',
  'is',
  'zijn',
  'van',
  'en',
  'voor',
  'met',
  'graag',
  'kan',
  'je',
  'u',
  'over',
  'huidige',
  'prioriteiten',
  'toon',
  'vat',
  'samen',
  'samenvatting',
  'hoeveel',
  'welk',
  'mijn',
  'ik',
  'er',
  'dit',
  'deze',
  'hulp',
  // "help" is said in both languages: it says nothing about the language (the conversation's or the client's decides).
  // The bot's own Dutch commands, which often come without any function word ("buurtbemiddeling aanmelden").
  'aanmelden',
  'buurtbemiddeling',
  'mijlpalen',
  'mijlpaal',
  'goedkeuring',
  'stuurgroep',
  'registreer',
  'kanaal',
  'statistieken',
  'korter',
  'uitgebreider',
  'exporteer',
  'verplaats',
  'toevoegen',
  'vraag',
  'stuur',
  'naar',
  'wis',
  'persoonsgegevens',
  'zaak',
  // Greetings and thanks: often the whole message, and plainly Dutch.
  'hoi',
  'hallo',
  'goedemorgen',
  'goedemiddag',
  'goedenavond',
  'goeiemorgen',
  'bedankt',
  'dank',
  'dankjewel',
  'doei',
  'dag',
]);

/** The language of a message when it is clear from its function words; undefined when not. */
export function detectLanguage(text: string): Locale | undefined {
  const words = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  let en = 0;
  let nl = 0;
  for (const word of words) {
    if (english.has(word)) en += 1;
    if (dutch.has(word)) nl += 1;
  }
  if (en >= 2 && en > nl) return 'en';
  if (nl >= 1 && nl >= en) return 'nl';
  return undefined;
}
