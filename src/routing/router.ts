import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { ActionResult, ActionRoute, EventRoute, Feature, FallbackRoute, InvokeResult, InvokeRoute, MessageRoute, RouteGuard } from './route.js';
import { describeTurnError, errorInvokeResult } from './turn-error.js';
import type { Turn } from './turn.js';

const adaptiveCardActionSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    id: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

export interface Router {
  readonly features: readonly Feature[];
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
function enforce(guard: RouteGuard | undefined, turn: Turn, route: string): void {
  if (guard && !guard.allows(turn)) throw new AppError(guard.refusal, { status: 403, detail: `${route} requires ${guard.name}` });
}

/** Features whose message routes are expensive (extraction, summarising); the fallback (policy answers) is too. */
const EXPENSIVE_FEATURES = new Set(['summaries']);

export interface RouterOptions {
  /** Throws (rate_limited) when the user may not start another expensive request now. */
  checkExpensive?: (turn: Turn) => void;
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

  async function onAction(turn: Turn): Promise<InvokeResult> {
    const parsed = adaptiveCardActionSchema.safeParse(turn.value);
    if (!parsed.success) throw new AppError('invalid_input', { params: { reason: turn.t.errors.unknown_action }, detail: 'malformed adaptiveCard/action value' });
    const route = actions.get(parsed.data.action.verb);
    if (!route) throw new AppError('unknown_action', { detail: `verb ${parsed.data.action.verb}` });
    enforce(route.requires, turn, route.verb);
    const data = route.data.safeParse(parsed.data.action.data ?? {});
    if (!data.success) {
      throw new AppError('unknown_action', { detail: `invalid data for ${route.verb}: ${data.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` });
    }
    const response = actionResponse(await route.handle(turn, data.data, parsed.data.trigger ?? 'manual'));
    return route.answersWithPersonalData ? { ...response, personalData: true } : response;
  }

  return {
    features,
    async onMessage(turn) {
      for (const route of messages) {
        if (route.match instanceof RegExp) {
          const match = turn.text.match(route.match);
          if (match) {
            enforce(route.requires, turn, route.name);
            if (route.expensive) options.checkExpensive?.(turn);
            return route.handle(turn, match);
          }
        } else if (route.match(turn.text, turn)) {
          enforce(route.requires, turn, route.name);
          if (route.expensive) options.checkExpensive?.(turn);
          return route.handle(turn, null);
        }
      }
      if (fallback && turn.text) {
        options.checkExpensive?.(turn);
        return fallback.handle(turn);
      }
      return unmatched(turn);
    },
    async onInvoke(turn, name) {
      try {
        if (name === ADAPTIVE_CARD_ACTION) return await onAction(turn);
        const route = invokes.get(name);
        if (!route) throw new AppError('unknown_action', { detail: `invoke ${name}` });
        enforce(route.requires, turn, route.name);
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
