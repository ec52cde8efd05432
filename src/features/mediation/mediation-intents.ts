/**
 * What the mediation feature listens for in chat. Plain patterns, no LLM: the texts are short
 * commands or one sentence, and nothing of a referral may ever go to a model.
 */
const topic =
  /\b(buurtbemiddeling|burenruzie|burenconflict|burenruzies|burenconflicten|ruzie\s+(met|tussen)\s+(de\s+)?buren|conflict\s+(met|tussen)\s+(de\s+)?buren|neighbou?r(hood)?\s+(dispute|conflict|mediation))\b/i;
const referIntent = /\b(aanmelden|aan\s+te\s+melden|aanmelding\s+(doen|maken|indienen)|melden|doorverwijzen|door\s+te\s+verwijzen|verwijzen|doorzetten|refer|report|register)\b/i;
const question = /^\s*(hoeveel|hoe\s+gaat|statistiek|cijfers|how\s+many|how\s+is)/i;

export function meansIntake(text: string): boolean {
  return text.length <= 300 && topic.test(text) && referIntent.test(text) && !question.test(text);
}

export const statisticsPattern =
  /^\s*(?:(?:hoe\s+gaat\s+het\s+met|hoe\s+staat\s+het\s+met|statistieken?|cijfers|stand\s+van\s+zaken)(?:\s+(?:van|over|voor))?\s+(?:de\s+)?buurtbemiddeling|buurtbemiddeling\s+(?:statistieken?|in\s+cijfers|cijfers)|(?:neighbou?rhood\s+)?mediation\s+statistics|how\s+is\s+(?:neighbou?rhood\s+)?mediation\s+(?:going|doing))\s*[?!.]*\s*$/i;

export const exportPattern = /^\s*(?:exporteer|export)\s+(?:zaak|case)\s+(BB-\d{4}-\d{4,})\s*[.!]?\s*$/i;
export const erasePattern = /^\s*(?:wis|verwijder|erase)\s+(?:de\s+)?(?:persoonsgegevens|personal\s+data)\s+(?:van\s+|of\s+)?(?:zaak\s+|case\s+)?(BB-\d{4}-\d{4,})\s*[.!]?\s*$/i;
