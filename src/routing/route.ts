import type { z } from 'zod';
import type { Catalogue, ErrorCode } from '../i18n/catalogue.js';
import type { ScheduledJob } from '../scheduling/scheduled-job.js';
import type { Turn } from './turn.js';

/** Example utterances of a capability, per language: what the intent classifier is trained on. */
export interface Utterances {
  nl: readonly string[];
  en: readonly string[];
}

/** What the router found in the words of a message (and the conversation's memory) for the handler. */
export interface Slots {
  gemeente?: string;
  year?: string;
  /** An ISO day (YYYY-MM-DD) read from the text by the Dutch/English date parser. */
  date?: string;
  /** The text without the capability's own command words: what names a document or milestone. */
  reference?: string;
  /** A policy question made standalone from a follow-up ("en in Hengelo?"). */
  question?: string;
}

/**
 * Who may use a route, checked by the router before the handler runs. `tenant`: the tenant must be
 * one the organisation serves; `roles`: the user holds one of them (in any gemeente of the tenant);
 * `personalChat`: only in the one-to-one chat with the bot. Guards are declared, not repeated in handlers.
 */
export interface Guard {
  tenant?: boolean;
  /** The user is a person of the tenant's organisation (any role). */
  member?: boolean;
  roles?: readonly string[];
  personalChat?: boolean;
  /** The error code thrown when `roles` (or `member`) fails; `forbidden` by default. */
  roleError?: ErrorCode;
  /** The error code thrown outside a personal chat; `forbidden` by default. */
  personalChatError?: ErrorCode;
}

export interface Understood {
  slots: Slots;
  /** How the route was reached: its exact command pattern, the classifier, or a follow-up of the conversation. */
  via: 'pattern' | 'classifier' | 'follow-up';
}

/**
 * A text message the feature recognises. Its exact command `match` is the fast path (the first
 * matching route wins, in feature order); its example `utterances` train the intent classifier
 * for everything said in other words.
 */
export interface MessageRoute {
  kind: 'message';
  name: string;
  match?: RegExp | ((text: string, turn: Turn) => boolean);
  utterances?: Utterances;
  /** The slots the handler reads besides gemeente, year and reference (a date is parsed only for routes that ask). */
  slots?: readonly ('date' | 'question')[];
  guard?: Guard;
  /** The classifier picks this route only for messages of at most this many words (short replies: "korter", "bedankt"). */
  maxWords?: number;
  /** The classifier picks this route only for messages that name its subject (statistics of the pilot must name the pilot). */
  topic?: RegExp;
  /** "en in Hengelo?" right after this route repeats it for the other gemeente (or year). */
  followUps?: boolean;
  /** When false the classifier alone never picks the route (a command that needs its exact form). Default true. */
  classify?: boolean;
  handle(turn: Turn, match: RegExpMatchArray | null, understood: Understood): Promise<void>;
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
  guard?: Guard;
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
  guard?: Guard;
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
  /** Examples of what falls through (policy questions): the classifier's "none of the commands" class. */
  utterances?: Utterances;
  handle(turn: Turn, understood?: Understood): Promise<void>;
}

export type Route = MessageRoute | ActionRoute<any> | InvokeRoute | EventRoute | FallbackRoute;

/** One line of the help card: a capability with the command its button sends. */
export interface HelpEntry {
  /** The message route this entry stands for (for the "Bedoelt u …?" card). */
  route?: string;
  title(t: Catalogue): string;
  description(t: Catalogue): string;
  command(t: Catalogue): string;
}

export interface Feature {
  name: string;
  routes: Route[];
  help?: HelpEntry[];
  /** Work on a schedule (reminders, retention, digests), declared as data: the composition root runs them on the one scheduler. */
  jobs?: ScheduledJob[];
  /** Runs before the bot reports ready (e.g. loading the sample documents into an empty store). */
  start?(): Promise<void>;
  /** Stops timers and background work; runs before the store closes. */
  stop?(): Promise<void>;
}

export function defineAction<S extends z.ZodType>(route: {
  verb: `${string}.${string}`;
  data: S;
  guard?: Guard;
  answersWithPersonalData?: boolean;
  handle(turn: Turn, data: z.infer<S>, trigger: 'manual' | 'automatic'): Promise<ActionResult>;
}): ActionRoute<z.infer<S>> {
  return { kind: 'action', ...route } as ActionRoute<z.infer<S>>;
}
