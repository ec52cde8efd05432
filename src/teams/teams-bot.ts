import { ActivityTypes, ConversationState, TurnContext, UserState, type Activity, type CloudAdapter } from 'botbuilder';
import type { ConversationDirectory } from '../conversations/conversation-directory.js';
import type { Logger } from '../core/logger.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Router } from '../routing/router.js';
import { describeTurnError, errorInvokeResult } from '../routing/turn-error.js';
import type { Turn } from '../routing/turn.js';
import type { SqlBotStorage } from './sql-bot-storage.js';
import { toTurn } from './to-turn.js';

export interface TeamsBotDeps {
  router: Router;
  conversations: ConversationDirectory;
  storage: SqlBotStorage;
  log: Logger;
  defaultLocale: Locale;
}

export type Deferred = { name: string; work: () => Promise<void> };

function isBotAdded(activity: Activity): boolean {
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

function isBotRemoved(activity: Activity): boolean {
  return (
    (activity.type === ActivityTypes.ConversationUpdate && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id)) ||
    (activity.type === ActivityTypes.InstallationUpdate && String(activity.action ?? '').startsWith('remove'))
  );
}

/**
 * The bot's turn logic on botbuilder: map the activity to a Turn, keep the conversation address,
 * hand it to the router, save state. The only other file that touches botbuilder types is src/teams/*.
 */
export function createTeamsBot(deps: TeamsBotDeps) {
  const conversationState = new ConversationState(deps.storage);
  const userState = new UserState(deps.storage);
  const conversationData = conversationState.createProperty<Record<string, unknown>>('data');
  const userData = userState.createProperty<Record<string, unknown>>('data');

  return async function onTurn(context: TurnContext, deferred: Deferred[]): Promise<void> {
    const activity = context.activity;
    const log = deps.log.child({ activityId: activity.id, type: activity.type, conversationType: activity.conversation?.conversationType ?? 'personal' });
    let turn: Turn = toTurn(context, {
      log,
      defaultLocale: deps.defaultLocale,
      defer: (name, work) => deferred.push({ name, work }),
      state: { conversation: {}, user: {} },
    });
    try {
      if (activity.conversation?.id) {
        const state = { conversation: await conversationData.get(context, {}), user: activity.from?.id ? await userData.get(context, {}) : {} };
        turn = { ...turn, state };
      }
      if (isBotRemoved(activity)) {
        await deps.conversations.markInactive(turn.conversation.id);
        await deps.router.onEvent(turn, 'uninstalled');
        return;
      }
      await deps.conversations.remember(turn.address, turn.conversation.type === 'personal' ? turn.user.aadObjectId : undefined);
      switch (activity.type) {
        case ActivityTypes.Message:
          await deps.router.onMessage(turn);
          break;
        case ActivityTypes.Invoke: {
          const result = await deps.router.onInvoke(turn, activity.name ?? '');
          await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: result.status, body: result.body } });
          break;
        }
        case ActivityTypes.ConversationUpdate:
          if (isBotAdded(activity)) await deps.router.onEvent(turn, 'installed');
          break;
        default:
          // installationUpdate, typing, reactions: the address is kept above; nothing else to do.
          break;
      }
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
    } catch (error) {
      const reply = describeTurnError(error, turn);
      if (activity.type === ActivityTypes.Invoke) {
        const result = errorInvokeResult(reply);
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: result.status, body: result.body } });
      } else {
        await context.sendActivity({ type: 'message', text: reply.message }).catch((sendError: unknown) => log.warn({ err: sendError, ref: reply.ref }, 'could not tell the user about the error'));
      }
    }
  };
}

export type TeamsBot = ReturnType<typeof createTeamsBot>;

/** Runs deferred work after the HTTP answer went out; failures are logged with the work's name. */
export function runDeferred(deferred: Deferred[], log: Logger, track: (p: Promise<void>) => void): void {
  for (const { name, work } of deferred) {
    track(
      (async () => {
        try {
          await work();
        } catch (error) {
          log.error({ err: error, work: name }, 'deferred work failed');
        }
      })(),
    );
  }
}

export type { CloudAdapter };
