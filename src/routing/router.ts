import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { remember } from './conversation-memory.js';
import { enforceGuard, type RouteAccess } from './guards.js';
import type { IntentClassifier } from './intent-classifier.js';
import type { ActionResult, ActionRoute, EventRoute, Feature, FallbackRoute, InvokeResult, InvokeRoute, MessageRoute, Understood } from './route.js';
import { describeTurnError, errorInvokeResult } from './turn-error.js';
import type { Turn } from './turn.js';
import { defaultThresholds, understand, type Decision, type Thresholds, type Understandable } from './understand.js';

const adaptiveCardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    id: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/** A "Bedoelt u …?" button: the original words, sent again with the capability the user picked. */
const chosenRouteSchema = z.object({ route: z.string().min(1).max(100), command: z.string().max(500) });

export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

export interface Router {
  readonly features: readonly Feature[];
  /** What the router makes of a message without running any handler (the intent eval uses this). */
  understand(turn: Understandable): Promise<Decision>;
  onMessage(turn: Turn): Promise<void>;
  onInvoke(turn: Turn, name: string): Promise<InvokeResult>;
  onEvent(turn: Turn, event: EventRoute['event']): Promise<void>;
}

function actionResponse(result: ActionResult): InvokeResult {
  if (result.type === 'card') {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card } };
  }
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text } };
}

/** A route's declared guard: refuses before the handler (or its data) is touched. */
/** Features whose message routes are expensive (extraction, summarising); the fallback (policy answers) is too. */
const EXPENSIVE_FEATURES = new Set(['summaries']);

export interface RouterOptions {
  /** Throws (rate_limited) when the user may not start another expensive request now. */
  checkExpensive?: (turn: Turn) => void;
  /** Trained from the routes' example utterances; without one only exact command patterns route. */
  classifier?: IntentClassifier;
  thresholds?: Thresholds;
  /** The gemeenten a message may name for this tenant: the gemeente slot's vocabulary. */
  gemeenten?: (turn: Understandable) => readonly string[];
  /** Checks for the routes' declared guards. */
  access?: RouteAccess;
  now?: () => Date;
  /** Asks which of two capabilities is meant (the shell's "Bedoelt u …?" card). */
  clarify?: (turn: Turn, routes: [MessageRoute, MessageRoute]) => Promise<void>;
  /** Rewrites a follow-up into a standalone question (the LLM, when configured). */
  rewriteFollowUp?: (turn: Turn, previous: string, followUp: string) => Promise<string | undefined>;
}

/** Installs every feature's routes in one place; a duplicate verb or invoke name is a startup error. */
export function installRoutes(features: readonly Feature[], unmatched: (turn: Turn) => Promise<void>, options: RouterOptions = {}): Router {
  const messages: (MessageRoute & { expensive: boolean })[] = [];
  const actions = new Map<string, ActionRoute>();
  const invokes = new Map<string, InvokeRoute>();
  const events: EventRoute[] = [];
  let fallback: FallbackRoute | undefined;

  for (const feature of features) {
    for (const route of feature.routes) {
      switch (route.kind) {
        case 'message':
          if (messages.some((m) => m.name === route.name)) throw new Error(`Message route ${route.name} is declared twice`);
          messages.push({ ...route, expensive: EXPENSIVE_FEATURES.has(feature.name) });
          break;
        case 'action':
          if (actions.has(route.verb)) throw new Error(`Card verb ${route.verb} is declared twice`);
          actions.set(route.verb, route);
          break;
        case 'invoke':
          if (invokes.has(route.name) || route.name === ADAPTIVE_CARD_ACTION) throw new Error(`Invoke ${route.name} is declared twice`);
          invokes.set(route.name, route);
          break;
        case 'event':
          events.push(route);
          break;
        case 'fallback':
          if (fallback) throw new Error(`Two fallback routes: ${fallback.name} and ${route.name}`);
          fallback = route;
          break;
      }
    }
  }

  const deps = {
    messages,
    fallback,
    classifier: options.classifier,
    thresholds: options.thresholds ?? defaultThresholds,
    gemeenten: options.gemeenten ?? (() => []),
    now: options.now ?? (() => new Date()),
  };

  async function onAction(turn: Turn): Promise<InvokeResult> {
    const parsed = adaptiveCardActionSchema.safeParse(turn.value);
    if (!parsed.success) throw new AppError('invalid_input', { params: { reason: turn.t.errors.unknown_action }, detail: 'malformed adaptiveCard/action value' });
    const route = actions.get(parsed.data.action.verb);
    if (!route) throw new AppError('unknown_action', { detail: `verb ${parsed.data.action.verb}` });
    enforceGuard(route.guard, turn, options.access, route.verb);
    const data = route.data.safeParse(parsed.data.action.data ?? {});
    if (!data.success) {
      throw new AppError('unknown_action', { detail: `invalid data for ${route.verb}: ${data.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
    }
    const response = actionResponse(await route.handle(turn, data.data, parsed.data.trigger ?? 'manual'));
    return route.answersWithPersonalData ? { ...response, personalData: true } : response;
  }

  async function runRoute(turn: Turn, route: MessageRoute & { expensive?: boolean }, match: RegExpMatchArray | null, understood: Understood): Promise<void> {
    enforceGuard(route.guard, turn, options.access, route.name);
    if (route.expensive) options.checkExpensive?.(turn);
    remember(turn, { route: route.name, ...(understood.slots.gemeente ? { gemeente: understood.slots.gemeente } : {}), ...(understood.slots.year ? { year: understood.slots.year } : {}) });
    turn.log.debug({ route: route.name, via: understood.via }, 'message routed');
    return route.handle(turn, match, understood);
  }

  async function runFallback(turn: Turn, route: FallbackRoute, understood: Understood): Promise<void> {
    options.checkExpensive?.(turn);
    let question = understood.slots.question ?? turn.text;
    const previous = turn.state.conversation.memory as { question?: string } | undefined;
    // With an LLM, a follow-up is made standalone by the model, which reads the previous question too.
    if (understood.via === 'follow-up' && options.rewriteFollowUp && previous?.question) {
      question = (await options.rewriteFollowUp(turn, previous.question, turn.text).catch(() => undefined)) ?? question;
    }
    const gemeente = understood.slots.gemeente;
    remember(turn, { route: route.name, question, ...(gemeente ? { gemeente } : {}), ...(understood.slots.year ? { year: understood.slots.year } : {}) });
    turn.log.debug({ route: route.name, via: understood.via }, 'message routed');
    return route.handle(turn, { ...understood, slots: { ...understood.slots, question } });
  }

  /** A "Bedoelt u …?" button names the capability; it is still checked against the declared routes. */
  function chosenRoute(turn: Turn): MessageRoute | FallbackRoute | undefined {
    const chosen = chosenRouteSchema.safeParse(turn.value);
    if (!chosen.success) return undefined;
    if (fallback && chosen.data.route === fallback.name) return fallback;
    return messages.find((m) => m.name === chosen.data.route);
  }

  return {
    features,
    understand: (turn) => understand(deps, turn),
    async onMessage(turn) {
      const chosen = chosenRoute(turn);
      if (chosen && turn.text) {
        const understood: Understood = { slots: { reference: turn.text, question: turn.text }, via: 'classifier' };
        return chosen.kind === 'fallback' ? runFallback(turn, chosen, understood) : runRoute(turn, chosen, turn.text.match(chosen.match instanceof RegExp ? chosen.match : /$^/), understood);
      }
      const decision = await understand(deps, turn);
      switch (decision.kind) {
        case 'route':
          return runRoute(turn, decision.route, decision.match, decision.understood);
        case 'clarify':
          if (options.clarify) return options.clarify(turn, decision.routes);
          return runRoute(turn, decision.routes[0], null, { slots: { reference: turn.text }, via: 'classifier' });
        case 'fallback':
          if (fallback) return runFallback(turn, fallback, decision.understood);
          return unmatched(turn);
        case 'none':
          return unmatched(turn);
      }
    },
    async onInvoke(turn, name) {
      try {
        if (name === ADAPTIVE_CARD_ACTION) return await onAction(turn);
        const route = invokes.get(name);
        if (!route) throw new AppError('unknown_action', { detail: `invoke ${name}` });
        enforceGuard(route.guard, turn, options.access, route.name);
        return await route.handle(turn);
      } catch (error) {
        return errorInvokeResult(describeTurnError(error, turn));
      }
    },
    async onEvent(turn, event) {
      for (const route of events) if (route.event === event) await route.handle(turn);
    },
  };
}

/** One classifier for the whole app, trained from every message route's (and the fallback's) example utterances. */
export async function trainIntentClassifier(features: readonly Feature[], options: { cacheDir?: string } = {}): Promise<IntentClassifier & { fromCache: boolean }> {
  const { IntentClassifier } = await import('./intent-classifier.js');
  const examples = new Map<string, { nl: readonly string[]; en: readonly string[] }>();
  for (const feature of features) {
    for (const route of feature.routes) {
      if ((route.kind === 'message' || route.kind === 'fallback') && route.utterances) examples.set(route.name, route.utterances);
    }
  }
  return IntentClassifier.train(examples, options);
}
