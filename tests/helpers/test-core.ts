import type { Core } from '../../src/features/feature-context.js';
import { parseConfig } from '../../src/config/load-config.js';
import { CardDelivery } from '../../src/conversations/card-delivery.js';
import { ConversationDirectory } from '../../src/conversations/conversation-directory.js';
import { UserDirectory } from '../../src/conversations/user-directory.js';
import { fromRoot } from '../../src/config/project-root.js';
import { createLogger } from '../../src/logging/logger.js';
import { Organisation } from '../../src/organisation/organisation.js';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../../src/routing/turn.js';
import type { Db } from '../../src/store/db.js';

export interface Posted {
  conversationId: string;
  activity: OutgoingActivity;
}

/**
 * The features' Core around a database, without the app: the configuration from `env`, the
 * project's organisation file, and a messenger that records what would be posted (one list may be
 * shared by several "instances"). Tests that need the whole bot use startTestBot instead.
 */
export function testCore(db: Db, options: { now: () => Date; posted: Posted[]; env?: Record<string, string> }): Core {
  const messenger: Messenger = {
    async send(address, activity) {
      options.posted.push({ conversationId: address.conversationId, activity });
      return { id: `p${options.posted.length}` };
    },
    async update() {},
  };
  const log = createLogger('silent');
  return {
    config: parseConfig({ LOG_LEVEL: 'silent', ...options.env }),
    db,
    log,
    messenger,
    conversations: new ConversationDirectory(db),
    cards: new CardDelivery(db, messenger, log),
    users: new UserDirectory(db),
    organisation: Organisation.fromFile(fromRoot('src/content/organisation.yaml')),
    now: options.now,
  };
}

export const channelAddress = (id = '19:stuurgroep-buurtbemiddeling@thread.tacv2'): ConversationAddress => ({
  conversationId: id,
  conversationType: 'channel',
  tenantId: '00000000-0000-0000-0000-00000000d0e0',
  serviceUrl: 'http://127.0.0.1:1',
  raw: {},
});
