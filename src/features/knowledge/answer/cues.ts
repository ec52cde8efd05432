import { fold, MONTHS } from '../text/normalize.js';

/** What kind of fact a question asks for, read from its question word. */
export type AnswerCue = 'date' | 'number' | 'person' | 'duration' | 'period' | 'money' | 'time' | 'reason' | 'definition' | 'action' | 'list' | null;

const cuePatterns: [RegExp, AnswerCue][] = [
  // "Op welke tijden …", "At what times …": the hours, not a list of things.
  [/\b(hoe\s+laat|om\s+hoe\s+laat|what\s+times?|at\s+what\s+times?|welke\s+(tijden|tijdstippen|uren))\b/i, 'time'],
  [/^\s*(waarom|why)\b|\b(om\s+welke\s+reden|wat\s+is\s+de\s+reden|waarom)\b/i, 'reason'],
  // "Wat houdt een babbeltruc in, volgens de gemeente?": a clause after the "in" may say whose definition.
  [/\bwat\s+(houdt|houden)\b.*\bin\s*(,[^,?]*)?[?.!]*\s*$|^\s*wat\s+(betekent|betekenen)\b|^\s*what\s+(does|do)\b.*\b(mean|involve|entail)\b/i, 'definition'],
  // "Wat verstaat de gemeente onder mensenhandel?", "Wat wordt verstaan onder …", "What does … mean by …", "Wat is in Meerstal een A-evenement?".
  [
    /^\s*wat\s+(verstaat|verstaan)\b.*\bonder\b|\bwat\s+wordt\s+(er\s+)?(\S+\s+){0,4}verstaan\s+onder\b|^\s*wat\s+(is|zijn)\s+(in|bij|voor)\s+[\p{L}-]+\s+(een|het|de)\s+[\p{L}'-]+\s*[?.!]*\s*$/iu,
    'definition',
  ],
  // "Wat bedoelt Rietmonde met ondermijning?", "Wat valt er onder drugsoverlast?", "What does … mean by …?", "What counts as …?".
  [/^\s*wat\s+(bedoelt|bedoelen)\b.*\bmet\b|^\s*wat\s+(valt|vallen)\b.*\bonder\b|^\s*what\s+(does|do)\b.*\bmean\s+by\b|^\s*what\s+counts\s+as\b/i, 'definition'],
  // "Wat is buurtbemiddeling?", "Wat is het barrièremodel?", "What is a …?": only the term, nothing else asked.
  // Not a property of something left unsaid ("Wat is het budget?", "Wat is de deadline?").
  [
    /^\s*(wat\s+(is|zijn)|what\s+(is|are))\s+(?!.*\b(budget|doel|doelen|deadline|planning|datum|bedrag|streefwaarde|termijn|kosten|aantal|status|stand|reden|aanleiding|begroting|grondslag|basis|goal|date|cost|costs|amount|number|status|reason)\b)((een|het|de|a|an|the)\s+)?[\p{L}'-]+(\s+[\p{L}'-]+)?\s*[?.!]*\s*$/iu,
    'definition',
  ],
  // "Wat doet Ravenvliet tegen online oplichting?", "Hoe pakt … aan?", "What does … do against …?": a measure taken, not a reason or a figure.
  [
    /^\s*wat\s+(doet|doen|deed|deden|onderneemt|ondernemen)\b.*\b(tegen|aan|voor|om)\b|^\s*hoe\s+(pakt|pakken|bestrijdt|bestrijden|voorkomt|voorkomen|aanpakt)\b|^\s*what\s+(does|do|did)\b.*\bdo\b|^\s*how\s+(does|do|did)\b.*\b(tackle|fight|address|combat|prevent|deal)\b/i,
    'action',
  ],
  [/\b(welke|welk)\s+(organisatie|instantie|partij|bestuursorgaan|orgaan|stichting|persoon|functionaris|afdeling|team|dienst)\b|\bwhich\s+(organisation|organization|body|party|person)\b/i, 'person'],
  // "Wat betaalt Wendelrode aan …", "What does … pay": an amount paid.
  [/\b(wat\s+kost|wat\s+kosten|wat\s+(betaalt|betalen|betaalde|betaalden)|hoeveel\s+(geld|euro|kost|betaalt|betalen)|how\s+much\s+(does|do|is|money)|what\s+does\s+.*\b(cost|pay))\b/i, 'money'],
  // "Wat zijn de eenmalige kosten", "What are the one-off costs": an amount, not a list.
  [/\b(wat\s+(zijn|waren)\s+de|what\s+(are|were|is|was)\s+the)\s+(\p{L}+\s+)?(kosten|costs?)\b/iu, 'money'],
  [/\b(hoe\s+lang|how\s+long)\b/i, 'duration'],
  [/\b(welke\s+periode|welke\s+jaren|which\s+period|what\s+period)\b/i, 'period'],
  // "Op welke dagen werd het festival gehouden?": the days, not a list of things.
  [/\b(wanneer|per\s+wanneer|welke\s+(datum|data|dag|dagen|momenten)|op\s+welke\s+dag|when|what\s+(date|dates|days?)|(on\s+)?which\s+(date|dates|days?))\b/i, 'date'],
  // "Welk cijfer gaven bezoekers …", "What score …": a figure.
  [
    /\b(hoeveel|how\s+many|how\s+much|welk\s+percentage|what\s+percentage|hoe\s+vaak|how\s+often|what\s+share|hoe\s+hoog|hoe\s+groot|how\s+high|how\s+big|welke?\s+(score|cijfer|rapportcijfer|waardering)|what\s+(score|rating|grade|mark))\b/i,
    'number',
  ],
  [/^\s*(wie|who)\b|\b(door\s+wie|bij\s+wie|met\s+wie|by\s+whom)\b/i, 'person'],
  [/\b(welke|which|wat\s+zijn\s+de|what\s+are\s+the)\s+(\p{L}+\s+)?(?!(does|is|was|has|heeft|zijn|wordt)\b)\p{L}+(en|'?s)\b/iu, 'list'],
];

export function answerCue(question: string): AnswerCue {
  for (const [pattern, cue] of cuePatterns) if (pattern.test(question)) return cue;
  return null;
}

const month = MONTHS.join('|');
const numberWords = 'twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|honderd|duizend|miljoen|miljard|één|half|helft';
const datePattern = new RegExp(
  `\\b(\\d{1,2}\\s+(${month})|(${month})\\s+\\d{4}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}|(voorjaar|najaar|zomer|winter|begin|eind|medio|halverwege)\\s+(van\\s+)?\\d{4}|in\\s+(${month})|(in|per|vanaf|sinds|tot|voor|na|uiterlijk|eind|begin|medio)\\s+\\d{4}|(elke|iedere|om\\s+de)\\s+(\\p{L}+\\s+)?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|week|weken|maand|maanden|kwartaal|jaar)|(wekelijks|tweewekelijks|maandelijks|driemaandelijks|jaarlijks|halfjaarlijks|elk\\s+kwartaal|per\\s+kwartaal))\\b`,
  'iu',
);
const numberPattern = new RegExp(`(\\d|\\b(${numberWords})\\b)`, 'i');
const durationPattern = new RegExp(
  `\\b((\\d+|${numberWords}|een)\\s*(-\\s*)?(jaar|jaren|maanden|maand|weken|week|dagen|dag|uur)|(${numberWords})(jarig|jarige|maands|weeks)|\\d{4}\\s*[-–]\\s*\\d{4}|\\d+-jarig\\w*)\\b`,
  'i',
);
const periodPattern = new RegExp(`\\b\\d{4}\\s*[-–]\\s*\\d{2,4}\\b|\\b(periode|looptijd)\\b.*\\d{4}|\\b(van|vanaf)\\s+(\\d{1,2}\\s+)?(${month}|\\d{4}).*\\b(tot|t/m)\\b`, 'i');
const moneyPattern = /(€|\beuro\b|\bkost(en|t)?\b.*\d|\d+[.,]\d{3}|\bmiljoen\b)/i;
const timePattern = /\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}\s*uur\b/i;
const causePattern = /\b(omdat|doordat|vanwege|wegens|daarom|zodat|want|aanleiding|reden|oorzaak|dankzij)\b/i;
/**
 * "… besluit om cameratoezicht in te stellen": a clause "om … te" that holds the asked thing itself
 * says what is done, not why (asked "Waarom komt er cameratoezicht?").
 */
function purposeIsAsked(sentence: string, askedWords: readonly string[] = []): boolean {
  const clause = /\bom\s+((?:\S+\s+){0,7})te\b/i.exec(fold(sentence))?.[1];
  return Boolean(clause && askedWords.some((w) => clause.includes(w.slice(0, Math.max(4, w.length - 2)))));
}
const reasonPattern = /\b(omdat|doordat|vanwege|wegens|daarom|zodat|want|aanleiding|reden|oorzaak|dankzij|om\s+\S+(\s+\S+){0,6}\s+te)\b/i;
// A measure taken: someone organises, starts, deploys, offers … (not "Aanleiding voor … is …").
const actionPattern =
  /\b(organiseer\w*|organiseren|start\w*|zet|zetten|geeft|geven|biedt|bieden|houdt|houden|voert|voeren|pakt|pakken|controleer\w*|investeer\w*|plaatst|plaatsen|treft|neemt|nemen|ontwikkel\w*|werkt|werken|inzet\w*|maatregel\w*|aanpak|campagne\w*|voorlichting\w*|workshops?|lessen|cursus\w*|training\w*|toezicht|handhaa?v\w*|informeert|informeren|wijst|sluit|sloot|bezoeken|bezoekt)\b/i;
const reasonOpening = /^\s*(aanleiding|de\s+aanleiding|reden|de\s+reden|oorzaak)\b/i;
const definingWords = new Set(['houdt', 'houden', 'betekent', 'betekenen', 'omvat', 'omvatten']);
const articleAfterIs = new Set(['een', 'het', 'de', 'bedoeld', 'gericht']);

/**
 * A sentence that defines the asked term: the term before "is een", "houdt in", "betekent", "is bedoeld"
 * ("Samen Vooruit is een aanpak waarin …"), or, under a heading naming the term, the term as the
 * sentence's subject ("Het barrièremodel brengt in beeld …"; not "Buurtbemiddeling wordt ingekocht …"
 * elsewhere, nor "In de aanpak … deden …"). A sentence that only has "is een" somewhere defines something else.
 */
export function definesTerm(sentence: string, askedWords: readonly string[], heading = ''): boolean {
  const { words } = readSentence(sentence);
  const terms = askedWords.map((w) => w.slice(0, Math.max(4, w.length - 2)));
  const termAt = words.findIndex((w) => terms.some((t) => w.startsWith(t) || (t.length >= 6 && w.includes(t))));
  if (termAt < 0) return false;
  // Under a heading naming the term, the term as the sentence's subject ("## Barrière-model" → "Het barrièremodel brengt …").
  const headed = fold(heading).replace(/[^\p{L}\p{N}]/gu, '');
  if (headed && terms.some((t) => headed.includes(t)) && (termAt === 0 || (termAt === 1 && /^(de|het|een|the|a|an)$/.test(words[0]!)))) return true;
  for (let i = termAt + 1; i < words.length && i - termAt <= 8; i += 1) {
    const w = words[i]!;
    if (
      definingWords.has(w) ||
      ((w === 'is' || w === 'zijn') && articleAfterIs.has(words[i + 1] ?? '')) ||
      (w === 'bestaat' && words[i + 1] === 'uit') ||
      (w === 'wil' && words[i + 1] === 'zeggen') ||
      (w === 'staat' && words[i + 1] === 'voor')
    )
      return true;
  }
  // "Onder mensenhandel verstaan wij …", "Onder drugsoverlast valt …": the term after "onder", the definition after "verstaan" or "vallen".
  const before = words.slice(Math.max(0, termAt - 3), termAt);
  const after = words.slice(termAt + 1, termAt + 8);
  if (before.includes('onder') && after.some((w) => w === 'verstaan' || w === 'verstaat' || w === 'valt' || w === 'vallen')) return true;
  // "Met een quickscan bedoelen we …": the term after "met", the definition after "bedoelen".
  if (before.includes('met') && after.some((w) => w === 'bedoelen' || w === 'bedoelt' || w === 'bedoeld')) return true;
  return false;
}
const listPattern = /:\s*$|,.*\b(en|of)\b|;|,.*,|\s[—|]\s|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(\p{L}+\s+)?\p{L}+(en|s)\b/iu;
const roleWords =
  /(burgemeester|wethouder|adviseur|manager|coordinator|voorzitter|secretaris|directeur|teamchef|teamleider|officier|organisator|opdrachtgever|portefeuillehouder|medewerker|consulent|mediator|bemiddelaar|platform|college|politie|stichting|ministerie|raad|driehoek|riec|boa|handhaver|gemeente|team|afdeling|dienst|woningcorporatie|corporatie|ggd|halt|veiligheidsregio|justitie|openbaar ministerie)\w*/g;
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
    const counts = words.flatMap((w, i) => (countWord.test(w) && !/^(19|20)\d\d$/.test(w) ? [i] : []));
    read = { folded, words, counts, holds: new Map() };
    if (sentenceWords.size >= 50_000) sentenceWords.clear();
    sentenceWords.set(sentence, read);
  }
  return read;
}

const monthWords = new Set<string>(MONTHS);

/** "14 gemeenten", "dertien meldingen": a number next to (up to two words before) the counted thing. */
export function countsThing(sentence: string, countedStem: string): boolean {
  // Alternatives are joined by "|": "uur|uren", "volunteer|vrijwilliger".
  if (countedStem.includes('|')) return countedStem.split('|').some((s) => countsThing(sentence, s));
  const { words, counts } = readSentence(sentence);
  const stem = countedStem.slice(0, Math.max(4, countedStem.length - 1));
  // "14 gemeenten", "dertien meldingen", and in tables and lists the thing first: "Woninginbraken 96 81", "woninginbraken: 142".
  // A compound is counted by its head too ("17 dumpingen" counts "drugsdumpingen"): Dutch compounds end in what they are.
  const isHead = (w: string) => {
    for (let k = Math.min(w.length, countedStem.length - 3); k >= 4; k -= 1) if (countedStem.endsWith(w.slice(0, k))) return true;
    return false;
  };
  const names = (w: string) => w.startsWith(stem) || (stem.length >= 6 && w.includes(stem)) || (countedStem.length >= 8 && isHead(w));
  // An amount in a sentence that names the thing ("De schade aan gemeentelijke eigendommen bedroeg € 14.600").
  if (/€\s*\d/.test(sentence) && words.some(names)) return true;
  // Not the day of a date ("vanaf 1 november 2025 cameratoezicht").
  return counts.some((i) => !monthWords.has(words[i + 1] ?? '') && (words.slice(i + 1, i + 4).some(names) || words.slice(Math.max(0, i - 3), i).some(names)));
}

/** A number that counts something: not a year, not the day of a date ("6 juli"). */
function hasCount(sentence: string): boolean {
  const { words, counts } = readSentence(sentence);
  return counts.some((i) => !monthWords.has(words[i + 1] ?? ''));
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
/** The sentence without "in 2026", "per 2026", "2026" for the years given. */
function withoutYears(sentence: string, years: readonly string[]): string {
  return years.reduce((text, year) => text.replace(new RegExp(`\\b((in|per|vanaf|sinds|tot|voor|na|uiterlijk|eind|begin|medio)\\s+)?${year}\\b`, 'gi'), ''), sentence);
}

export function satisfiesCue(sentence: string, cue: AnswerCue, countedStem?: string, askedWords?: readonly string[], item = false, askedYears?: readonly string[]): boolean {
  if (cue === 'list' && item) return true;
  if (cue === 'number' && countedStem) return countsThing(sentence, countedStem);
  switch (cue) {
    case null:
      return true;
    case 'date':
      // "Wanneer in 2026 …": the year the question names itself does not say when.
      return holds(sentence, datePattern) && (!askedYears?.length || datePattern.test(withoutYears(sentence, askedYears)));
    case 'number':
      return hasCount(sentence);
    case 'duration':
      return holds(sentence, durationPattern);
    case 'period':
      return holds(sentence, periodPattern);
    case 'money':
      return holds(sentence, moneyPattern);
    case 'time':
      return holds(sentence, timePattern);
    case 'reason':
      return holds(sentence, reasonPattern) && (holds(sentence, causePattern) || !purposeIsAsked(sentence, askedWords));
    case 'definition':
      return askedWords?.length ? definesTerm(sentence, askedWords) : true;
    case 'action':
      return holds(sentence, actionPattern) && !reasonOpening.test(sentence);
    case 'list':
      return holds(sentence, listPattern);
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

// Roles a person holds: "Wie is de burgemeester?" asks who holds one.
const personRoles =
  /^(burgemeester|wethouder|adviseur|manager|coordinator|voorzitter|secretaris|gemeentesecretaris|directeur|teamchef|teamleider|projectleider|programmamanager|officier|organisator|opdrachtgever|portefeuillehouder|contactpersoon|commissaris|woordvoerder|casusregisseur|regisseur|ambassadeur|mediator|bemiddelaar|coordinator|trekker|leider|hoofd)(s|en)?$/;

/** "Wie is (de) burgemeester …", "Wie is ambtelijk opdrachtgever …": the role asked for, folded. */
export function askedRoleIn(question: string): string | undefined {
  const m = /^\s*(?:wie|who)\s+(?:is|was|zijn|waren|wordt)\s+(?:de\s+|het\s+|the\s+)?(\p{L}+(?:\s+\p{L}+)?)/u.exec(fold(question));
  const word = m?.[1]?.split(/\s+/).find((w) => personRoles.test(w));
  return word?.replace(/(s|en)$/, '');
}

const titleToken = /^(,|mr\.?|dr\.?|drs\.?|ir\.?|ing\.?|prof\.?|mevrouw|mevr\.?|mw\.?|dhr\.?|de|heer|\p{Lu}\.(\p{Lu}\.)*,?)$/u;
const nameParticle = /^(van|de|der|den|el|al|ter|ten|te|la|le|du|da|von)$/;
const copula = /^(is|was|zijn|waren|wordt|blijft|namelijk)$/;
const anyRole = new RegExp(roleWords.source);

/**
 * Whether a sentence says who holds the asked role: a name right after the role ("burgemeester
 * mr. H.J. Lindeboom", "de burgemeester, mevrouw J. Koster"), or the role and a name or another
 * role on either side of "is" ("Ambtelijk opdrachtgever namens het CMT is de gemeentesecretaris").
 * A sentence that only mentions the role ("evalueert de burgemeester de inzet") does not.
 */
export function namesRoleHolder(sentence: string, role: string): boolean {
  const tokens = sentence.split(/\s+/).filter(Boolean);
  const folded = tokens.map((t) => fold(t).replace(/[^\p{L}\p{N}-]/gu, ''));
  const isName = (k: number) => k > 0 && (/^\p{Lu}[\p{Ll}-]+/u.test(tokens[k]!) || /^\p{Lu}{2,}/u.test(tokens[k]!));
  const isOtherRole = (k: number) => !folded[k]!.includes(role) && anyRole.test(folded[k]!);
  for (let r = 0; r < tokens.length; r += 1) {
    if (!folded[r]!.includes(role)) continue;
    // A name right after the role, past titles and initials.
    let k = r + 1;
    while (k < tokens.length && k - r <= 4 && titleToken.test(tokens[k]!)) k += 1;
    if (k < tokens.length && k - r <= 4 && isName(k)) return true;
    // The role and its holder on either side of "is".
    for (let c = Math.max(0, r - 12); c < Math.min(tokens.length, r + 7); c += 1) {
      if (!copula.test(folded[c]!)) continue;
      // Further than six words before the role only as "is <Name>, <what they do>, de <role>": the name right after the copula.
      if (c < r - 6 && !isName(c + 1)) continue;
      // After "is" the holder comes first ("is de gemeentesecretaris"); before it, the holder starts the clause ("De strategisch adviseur veiligheid binnen het team … is beoogd programmamanager").
      // "is mevrouw S. el Amrani": past titles, initials and name particles.
      let after = c + 1;
      while (after < tokens.length && after - c <= 5 && (titleToken.test(tokens[after]!) || nameParticle.test(tokens[after]!))) after += 1;
      const other = c > r ? [c + 1, c + 2, c + 3, after] : [...(after < r ? [after] : []), ...Array.from({ length: Math.min(c, 10) }, (_, d) => c - 1 - d)];
      if (other.some((o) => o >= 0 && o < tokens.length && o !== r && (isName(o) || isOtherRole(o)))) return true;
    }
  }
  return false;
}
