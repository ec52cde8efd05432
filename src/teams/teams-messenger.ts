import type { CloudAdapter, ConversationReference, Activity } from 'botbuilder';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../routing/turn.js';

/** Proactive sends through CloudAdapter.continueConversationAsync (the old continueConversation throws on CloudAdapter). */
export function createTeamsMessenger(adapter: CloudAdapter, botAppId: string): Messenger {
  return {
    async send(address: ConversationAddress, activity: OutgoingActivity) {
      let id: string | undefined;
      await adapter.continueConversationAsync(botAppId, address.raw as Partial<ConversationReference>, async (context) => {
        id = (await context.sendActivity(activity as Partial<Activity>))?.id;
      });
      return { id };
    },
    async update(address: ConversationAddress, activityId: string, activity: OutgoingActivity) {
      await adapter.continueConversationAsync(botAppId, address.raw as Partial<ConversationReference>, async (context) => {
        await context.updateActivity({ ...(activity as Partial<Activity>), id: activityId, type: 'message' });
      });
    },
  };
}
