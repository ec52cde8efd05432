import type { Logger } from '../logging/logger.js';
import type { Catalogue, Locale } from '../i18n/catalogue.js';

/**
 * The SDK-neutral view of one incoming activity. Features see only this, never botbuilder,
 * so the bot SDK can be swapped by rewriting src/teams/ alone.
 */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface Actor {
  /** Channel user id (in Teams an MRI such as 29:...): what `refresh.userIds` takes. */
  id: string;
  name: string;
  /** Entra ID object id: what permissions are checked against. */
  aadObjectId?: string;
}

/** A JSON-serializable address of a conversation, kept in the store to post there later. */
export interface ConversationAddress {
  conversationId: string;
  conversationType: ConversationType;
  tenantId?: string;
  serviceUrl: string;
  /** The SDK's own conversation reference; only src/teams/ reads it. */
  raw: Record<string, unknown>;
  /** The language the conversation was last held in, so a card posted there later reads in it. */
  locale?: Locale;
}

export interface OutgoingAttachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

/** What a feature sends: a subset of the Bot Framework activity, as plain data. */
export interface OutgoingActivity {
  type?: 'message' | 'typing';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  attachments?: OutgoingAttachment[];
  entities?: Record<string, unknown>[];
  channelData?: Record<string, unknown>;
  summary?: string;
}

export interface IncomingAttachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/** Sends to any stored conversation, outside a turn (proactive messages, deferred work). */
export interface Messenger {
  send(address: ConversationAddress, activity: OutgoingActivity): Promise<{ id?: string }>;
  update(address: ConversationAddress, activityId: string, activity: OutgoingActivity): Promise<void>;
  /**
   * A new post: in a channel a new conversation (thread) of its own, never a reply under the
   * message the address was taken from; elsewhere the same as `send`.
   */
  post?(address: ConversationAddress, activity: OutgoingActivity): Promise<{ id?: string }>;
}

/**
 * A reply shown while it is being written (an LLM answer), from `turn.stream()`. The feature gives
 * text; how the channel shows it (Teams: typing updates with stream info, one per second, personal
 * chats only) is the edge's business.
 */
export interface AnswerStream {
  /**
   * Whether the user sees the reply grow. False where the conversation shows one message only
   * (Teams: channels and group chats): `informative` and `update` then do nothing, `end` sends.
   */
  readonly live: boolean;
  /** A short status before any text ("Ik zoek in de documenten…"). */
  informative(text: string): Promise<void>;
  /** The whole text so far (not a delta); shown paced, the newest text wins. */
  update(textSoFar: string): void;
  /** Ends the stream with the final reply (citations, AI label and feedback go here only); resolves with its id. */
  end(finalReply: OutgoingActivity): Promise<string | undefined>;
  /** How many updates (informative included) the user was sent, for the log. */
  readonly updates: number;
}

export interface Turn {
  readonly activityId?: string;
  readonly activityType: string;
  /** The message text without the bot's @mention, trimmed. */
  readonly text: string;
  readonly value: unknown;
  readonly locale: Locale;
  readonly t: Catalogue;
  readonly user: Actor;
  readonly tenantId?: string;
  readonly conversation: { id: string; type: ConversationType; name?: string };
  /** For invokes on a card: the id of the message that holds the card. */
  readonly replyToId?: string;
  readonly address: ConversationAddress;
  readonly attachments: readonly IncomingAttachment[];
  /** Raw channel data, for the few Teams facts not mapped above (team id, event type). */
  readonly channelData: Record<string, unknown>;
  readonly log: Logger;
  /**
   * Small per-conversation and per-user memory (e.g. the last summary shown, for "korter").
   * Mutate in place; it is saved at the end of the turn, with optimistic concurrency.
   */
  readonly state: { conversation: Record<string, unknown>; user: Record<string, unknown> };
  send(activity: OutgoingActivity | string): Promise<string | undefined>;
  update(activityId: string, activity: OutgoingActivity): Promise<void>;
  /** A reply written while it is made; one per turn. */
  stream(): AnswerStream;
  /**
   * Work that must not hold up the HTTP answer (an invoke response above all): it runs after the
   * turn has answered, is awaited on shutdown, and its failures are logged with their name.
   */
  defer(name: string, work: () => Promise<void>): void;
}
