import type { ConversationMemory } from './conversation-memory.js';

/**
 * A message that only makes sense after the previous one: "en in Hengelo?", "en in 2024?",
 * "and for Twenterand?", "hoe zit dat in Heemstede?". It names a new gemeente or year, nothing more.
 */
const switchPattern =
  /^\s*(?:en|and|maar|but|what about|how about|hoe zit (?:dat|het)|en hoe zit (?:dat|het))\s+(?:(?:dan\s+)?(?:in|voor|bij|van|over|for|at|with)\s+)?(?:de\s+gemeente\s+|het\s+jaar\s+|the\s+year\s+)?(.+?)\s*[?!.]*\s*$/i;

/** Words that point back at what was just talked about: "daar", "die notitie", "there". */
const pointsBack = /\b(daar|daarvan|daarin|daarbij|die|dat|dit|deze|hetzelfde|there|that|it|this one)\b/i;

export interface SwitchedTopic {
  gemeente?: string;
  year?: string;
}

/** The gemeente or year a short follow-up switches to, when the whole message is just that. */
export function switchedTopic(text: string, gemeenten: readonly string[]): SwitchedTopic | undefined {
  const m = text.match(switchPattern);
  if (!m) return undefined;
  const rest = m[1]!.trim();
  if (/^(?:19|20)\d{2}$/.test(rest)) return { year: rest };
  const gemeente = gemeenten.find((g) => g.toLowerCase() === rest.toLowerCase().replace(/^gemeente\s+/, ''));
  return gemeente ? { gemeente } : undefined;
}

/** "Wat zijn de prioriteiten in Heemstede?" + "en in Hengelo?" → "Wat zijn de prioriteiten in Hengelo?" */
export function rewriteQuestion(previous: string, to: SwitchedTopic, memory: ConversationMemory, gemeenten: readonly string[]): string {
  let question = previous;
  if (to.gemeente) {
    const named = gemeenten.find((g) => new RegExp(`\\b${escapeRegExp(g)}\\b`, 'i').test(question));
    question = named ? question.replace(new RegExp(`\\b${escapeRegExp(named)}\\b`, 'gi'), to.gemeente) : `${stripEnd(question)} in ${to.gemeente}?`;
  }
  if (to.year) {
    const year = question.match(/\b(?:19|20)\d{2}\b/) ?? (memory.year ? [memory.year] : null);
    question = year && question.includes(year[0]) ? question.replace(year[0], to.year) : `${stripEnd(question)} in ${to.year}?`;
  }
  return question;
}

/** A question that leans on the previous one ("wie is daar de opdrachtgever?") gets the remembered gemeente named. */
export function resolveReference(question: string, memory: ConversationMemory, gemeenten: readonly string[]): string {
  if (!memory.gemeente || !pointsBack.test(question)) return question;
  if (gemeenten.some((g) => new RegExp(`\\b${escapeRegExp(g)}\\b`, 'i').test(question))) return question;
  const replaced = question.replace(/\bdaar\b/i, `in ${memory.gemeente}`).replace(/\bthere\b/i, `in ${memory.gemeente}`);
  return replaced !== question ? replaced : `${stripEnd(question)} (${memory.gemeente})?`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripEnd = (s: string) => s.replace(/[\s?!.]+$/, '');

/** Leans on what was said before: points back ("daar", "die") or starts with "en …" / "and …". */
export function looksLikeFollowUp(text: string): boolean {
  return pointsBack.test(text) || /^\s*(?:en|and|maar|but|ook|also)\b/i.test(text);
}
