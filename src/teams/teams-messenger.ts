import { type CloudAdapter, type ConversationReference, type Activity } from 'botbuilder';
import type { ConversationAddress, Messenger, OutgoingActivity } from '../routing/turn.js';
import { fitCitations } from './citation-limit.js';

/** Proactive sends through CloudAdapter.continueConversationAsync (the old continueConversation throws on CloudAdapter). */
export function createTeamsMessenger(adapter: CloudAdapter, botAppId: string): Messenger {
  return {
    async send(address: ConversationAddress, activity: OutgoingActivity) {
      let id: string | undefined;
      let failure: unknown;
      await adapter.continueConversationAsync(botAppId, address.raw as Partial<ConversationReference>, async (context) => {
        try {
          id = (await context.sendActivity(fitCitations(activity) as Partial<Activity>))?.id;
        } catch (error) {
          failure = error;
        }
      });
      // CloudAdapter hands errors in the callback to onTurnError and resolves: rethrow so callers can retry or give up.
      if (failure) throw failure;
      return { id };
    },
    async post(address: ConversationAddress, activity: OutgoingActivity) {
      if (address.conversationType !== 'channel') return this.send(address, activity);
      // The channel itself: a channel conversation id names the thread after ";messageid=".
      const channelId = address.conversationId.split(';')[0]!;
      // What TeamsInfo.sendMessageToTeamsChannel does, called on the adapter directly: that helper
      // needs a bot app id to take the CloudAdapter path, and local runs have none.
      let id: string | undefined;
      const parameters = { isGroup: true, channelData: { channel: { id: channelId } }, activity: { type: 'message', ...fitCitations(activity) } as Activity, tenantId: address.tenantId };
      await adapter.createConversationAsync(botAppId, 'msteams', address.serviceUrl, '', parameters as never, async (context) => {
        id = context.activity.id;
      });
      return { id };
    },
    async update(address: ConversationAddress, activityId: string, activity: OutgoingActivity) {
      let failure: unknown;
      await adapter.continueConversationAsync(botAppId, address.raw as Partial<ConversationReference>, async (context) => {
        try {
          await context.updateActivity({ ...(fitCitations(activity) as Partial<Activity>), id: activityId, type: 'message' });
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    },
  };
}
