import type { CloudAdapter, ConversationReference, Activity } from 'botbuilder';
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
