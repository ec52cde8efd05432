import type { z } from 'zod';
import type { Catalogue, ErrorCode } from '../i18n/catalogue.js';
import type { Turn } from './turn.js';

/**
 * Who may use a route, declared on the route and checked by the router before the handler runs
 * (and before its data is read): a refused turn changes nothing and gets `refusal`, a catalogue
 * text in the user's language.
 */
export interface RouteGuard {
  /** For the log: what the guard asks for, e.g. "adviseur or beheerder of this tenant". */
  name: string;
  allows(turn: Turn): boolean;
  refusal: ErrorCode;
}

/** A text message the feature recognises. The first matching route wins, in feature order. */
export interface MessageRoute {
  kind: 'message';
  name: string;
  match: RegExp | ((text: string, turn: Turn) => boolean);
  requires?: RouteGuard;
  handle(turn: Turn, match: RegExpMatchArray | null): Promise<void>;
}

/** What answers an `adaptiveCard/action` invoke: a card that replaces the clicked one, or a short message. */
export type ActionResult = { type: 'card'; card: Record<string, unknown> } | { type: 'message'; text: string };

/**
 * A Universal Action (`Action.Execute`) verb, named `feature.verb`. `data` validates the action's
 * data merged with the card inputs. Handlers answer fast: slow work goes to `turn.defer`.
 */
export interface ActionRoute<T = unknown> {
  kind: 'action';
  verb: `${string}.${string}`;
  data: z.ZodType<T>;
  requires?: RouteGuard;
  /**
   * The answer may show personal data (AVG): it is never kept for duplicate deliveries; a
   * redelivery runs the handler again instead, so such a handler must be idempotent.
   */
  answersWithPersonalData?: boolean;
  handle(turn: Turn, data: T, trigger: 'manual' | 'automatic'): Promise<ActionResult>;
}

export interface InvokeResult {
  status: number;
  body?: unknown;
  /** The body may hold personal data: keep no copy of it (see `ActionRoute.answersWithPersonalData`). */
  personalData?: boolean;
}

/** Any other invoke by name, e.g. `message/submitAction` (feedback). */
export interface InvokeRoute {
  kind: 'invoke';
  name: string;
  requires?: RouteGuard;
  handle(turn: Turn): Promise<InvokeResult>;
}

/** `installed`: the bot was added to a personal chat, group chat or team. */
export interface EventRoute {
  kind: 'event';
  event: 'installed' | 'uninstalled';
  name: string;
  handle(turn: Turn): Promise<void>;
}

/** Handles a message no route matched (policy Q&A). At most one per app. */
export interface FallbackRoute {
  kind: 'fallback';
  name: string;
  handle(turn: Turn): Promise<void>;
}

export type Route = MessageRoute | ActionRoute<any> | InvokeRoute | EventRoute | FallbackRoute;

/** One line of the help card: a capability with the command its button sends. */
export interface HelpEntry {
  title(t: Catalogue): string;
  description(t: Catalogue): string;
  command(t: Catalogue): string;
}

export interface Feature {
  name: string;
  routes: Route[];
  help?: HelpEntry[];
  /** Runs before the bot reports ready (e.g. loading the sample documents into an empty store). */
  start?(): Promise<void>;
  /** Stops timers and background work; runs before the store closes. */
  stop?(): Promise<void>;
}

export function defineAction<S extends z.ZodType>(route: {
  verb: `${string}.${string}`;
  data: S;
  requires?: RouteGuard;
  answersWithPersonalData?: boolean;
  handle(turn: Turn, data: z.infer<S>, trigger: 'manual' | 'automatic'): Promise<ActionResult>;
}): ActionRoute<z.infer<S>> {
  return { kind: 'action', ...route } as ActionRoute<z.infer<S>>;
}
