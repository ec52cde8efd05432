import type { Config } from '../config/config-schema.js';
import type { ConversationDirectory } from '../conversations/conversation-directory.js';
import type { Logger } from '../core/logger.js';
import type { Organisation } from '../organisation/organisation.js';
import type { Messenger } from '../routing/turn.js';
import type { Db } from '../store/db.js';

/** What every feature may use. Plain values: no botbuilder, restify or openai types. */
export interface Core {
  config: Config;
  db: Db;
  log: Logger;
  messenger: Messenger;
  conversations: ConversationDirectory;
  /** Tenants, gemeenten and who holds which role: every permission check goes through it. */
  organisation: Organisation;
  /** The clock, so tests can move time (schedules, retention, reminders). */
  now(): Date;
}
