import type { Config } from '../config/config-schema.js';
import type { CardDelivery } from '../conversations/card-delivery.js';
import type { ConversationDirectory } from '../conversations/conversation-directory.js';
import type { UserDirectory } from '../conversations/user-directory.js';
import type { Logger } from '../logging/logger.js';
import type { Organisation } from '../organisation/organisation.js';
import type { Messenger } from '../routing/turn.js';
import type { Db } from '../store/db.js';

/**
 * The features' contract: what every feature (and the tab) may use. Plain values: no botbuilder,
 * restify or openai types. It lives beside the features, not in the composition root (src/app/),
 * so no arrow runs from src/features/ or src/tab/ up into src/app/.
 */
export interface Core {
  config: Config;
  db: Db;
  log: Logger;
  messenger: Messenger;
  conversations: ConversationDirectory;
  /** Cards posted outside a turn: every copy recorded, "update this card everywhere". */
  cards: CardDelivery;
  /** Teams user ids per Entra object id, for refresh.userIds. */
  users: UserDirectory;
  /** Tenants, gemeenten and who holds which role: every permission check goes through it. */
  organisation: Organisation;
  /** The clock, so tests can move time (schedules, retention, reminders). */
  now(): Date;
}
