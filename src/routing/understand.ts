import { memoryOf, type ConversationMemory } from './conversation-memory.js';
import { findDate } from './find-date.js';
import { looksLikeFollowUp, resolveReference, rewriteQuestion, switchedTopic } from './follow-up.js';
import type { IntentClassifier } from './intent-classifier.js';
import type { FallbackRoute, MessageRoute, Slots, Understood } from './route.js';
import type { Turn } from './turn.js';

/** What the router makes of a message, before any handler runs (the intent eval measures exactly this). */
export type Decision =
  | { kind: 'route'; route: MessageRoute; match: RegExpMatchArray | null; understood: Understood; score?: number }
  | { kind: 'clarify'; routes: [MessageRoute, MessageRoute]; scores: [number, number] }
  | { kind: 'fallback'; understood: Understood; score?: number }
  | { kind: 'none' };

export interface Thresholds {
  /** Below this the classifier's best command is not trusted: the message is a policy question. */
  accept: number;
  /** Two commands both at least this likely, and closer than `margin`: ask which one is meant. */
  clarifyFloor: number;
  margin: number;
}

export const defaultThresholds: Thresholds = { accept: 0.6, clarifyFloor: 0.3, margin: 0.25 };

export interface UnderstandDeps {
  messages: readonly MessageRoute[];
  fallback?: FallbackRoute;
  classifier?: IntentClassifier;
  thresholds: Thresholds;
  gemeenten(turn: Understandable): readonly string[];
  now(): Date;
}

/** The part of a turn understanding needs: a fake one does for the eval. */
export type Understandable = Pick<Turn, 'text' | 'state' | 'locale' | 'attachments' | 'tenantId'>;

const yearIn = (text: string) => text.match(/\b(?:19|20)\d{2}\b/)?.[0];

function gemeenteIn(text: string, gemeenten: readonly string[]): string | undefined {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ')} `;
  return gemeenten.find((g) => lower.includes(` ${g.toLowerCase()} `));
}

export function slotsOf(text: string, gemeenten: readonly string[], now: Date, route?: MessageRoute): Slots {
  const slots: Slots = { reference: text };
  const gemeente = gemeenteIn(text, gemeenten);
  if (gemeente) slots.gemeente = gemeente;
  const year = yearIn(text);
  if (year) slots.year = year;
  // The date parser is the costly part of understanding: only for routes that read a date.
  const date = route?.slots?.includes('date') ? findDate(text, now) : undefined;
  if (date) slots.date = date.iso;
  return slots;
}

/**
 * Exact command patterns first (the fast path), then a follow-up of the conversation, then the
 * intent classifier with its threshold; what is left is a policy question for the documents.
 */
export async function understand(deps: UnderstandDeps, turn: Understandable): Promise<Decision> {
  const text = turn.text;
  for (const route of deps.messages) {
    if (!route.match) continue;
    if (route.match instanceof RegExp) {
      const match = text.match(route.match);
      if (match) return { kind: 'route', route, match, understood: { slots: slotsOf(text, deps.gemeenten(turn), deps.now(), route), via: 'pattern' } };
    } else if (route.match(text, turn as Turn)) {
      return { kind: 'route', route, match: null, understood: { slots: slotsOf(text, deps.gemeenten(turn), deps.now(), route), via: 'pattern' } };
    }
  }
  if (!text) return { kind: 'none' };
  const gemeenten = deps.gemeenten(turn);
  const memory: ConversationMemory = memoryOf(turn.state);
  const slots = slotsOf(text, gemeenten, deps.now());

  const switched = switchedTopic(text, gemeenten);
  if (switched && memory.route) {
    const previous = deps.messages.find((r) => r.name === memory.route);
    if (previous?.followUps) return { kind: 'route', route: previous, match: null, understood: { slots: { ...slots, ...switched }, via: 'follow-up' } };
    if (memory.question && deps.fallback && memory.route === deps.fallback.name) {
      return { kind: 'fallback', understood: { slots: { ...slots, ...switched, question: rewriteQuestion(memory.question, switched, memory, gemeenten) }, via: 'follow-up' } };
    }
  }

  // "Waarom …?" asks the documents for a reason; no command is phrased that way.
  const asksWhy = /^\s*(waarom|why|hoe komt het)\b/i.test(text);
  const ranked = deps.classifier && !asksWhy ? await deps.classifier.classify(text) : [];
  const words = text.split(/\s+/).filter(Boolean).length;
  const routeOf = (intent: string | undefined) =>
    deps.messages.find((r) => r.name === intent && r.classify !== false && words <= (r.maxWords ?? Infinity) && (!r.topic || r.topic.test(text)) && deps.classifier!.trusts(r.name, text, gemeenten));
  const [first, second] = ranked;
  const best = routeOf(first?.intent);
  if (first && best && first.score >= deps.thresholds.clarifyFloor) {
    const runnerUp = routeOf(second?.intent);
    if (second && runnerUp && second.score >= deps.thresholds.clarifyFloor && first.score - second.score < deps.thresholds.margin) {
      return { kind: 'clarify', routes: [best, runnerUp], scores: [first.score, second.score] };
    }
    if (first.score >= deps.thresholds.accept)
      return { kind: 'route', route: best, match: null, understood: { slots: best.slots ? slotsOf(text, gemeenten, deps.now(), best) : slots, via: 'classifier' }, score: first.score };
  }
  const question = resolveReference(text, memory, gemeenten);
  const followUp = question !== text || (Boolean(memory.question) && looksLikeFollowUp(text));
  return { kind: 'fallback', understood: { slots: { ...slots, question }, via: followUp ? 'follow-up' : 'classifier' }, score: first?.score };
}
