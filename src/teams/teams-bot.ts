import { ActivityTypes, ConversationState, UserState, type Activity, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { ConversationDirectory } from '../conversations/conversation-directory.js';
import type { Logger } from '../logging/logger.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Router } from '../routing/router.js';
import { describeTurnError, errorInvokeResult } from '../routing/turn-error.js';
import type { Turn } from '../routing/turn.js';
import { AppError } from '../errors/app-error.js';
import { ProcessedActivities, type Claim, type StoredInvokeResponse } from '../store/processed-activities.js';
import type { SqlBotStorage } from './sql-bot-storage.js';
import { toTurn } from './to-turn.js';
import { detectLanguage } from '../i18n/detect-language.js';
import { memoryOf, remember } from '../routing/conversation-memory.js';

export interface TeamsBotDeps {
  router: Router;
  conversations: ConversationDirectory;
  storage: SqlBotStorage;
  log: Logger;
  defaultLocale: Locale;
  /** Duplicate deliveries of one activity id; leave out to handle every delivery (unit tests). */
  processed?: ProcessedActivities;
  /** How long a second delivery of an invoke that is still running waits for the first one's answer. */
  duplicateWaitMs?: number;
}

export type Deferred = { name: string; work: () => Promise<void> };

const asLocale = (value: unknown): Locale | undefined => (value === 'nl' || value === 'en' ? value : undefined);

/**
 * The one language rule, for what the text itself does not decide: a message keeps the language the
 * conversation was held in; a card click or refresh (no text) is rendered for its viewer, in the
 * language that user last wrote in. Without either, the Teams client's locale decides (in toTurn).
 */
function rememberedLocale(activity: Activity, state: Turn['state']): Locale | undefined {
  if (activity.type === ActivityTypes.Message) return asLocale(memoryOf(state).locale);
  return asLocale(state.user.locale);
}

function isBotAdded(activity: Activity): boolean {
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Messages and invokes change state; only those are deduplicated (a conversationUpdate is idempotent already). */
function dedupKey(activity: Activity): string | undefined {
  if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return undefined;
  if (!activity.id || !activity.conversation?.id) return undefined;
  return ProcessedActivities.key(activity.conversation.id, activity.id);
}

function isBotRemoved(activity: Activity): boolean {
  return (
    (activity.type === ActivityTypes.ConversationUpdate && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id)) ||
    (activity.type === ActivityTypes.InstallationUpdate && typeof activity.action === 'string' && activity.action.startsWith('remove'))
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

  /**
   * A second delivery of an activity: a message is skipped (its replies went out with the first);
   * an invoke gets the first delivery's answer, waiting briefly while the first is still running,
   * then a "still being handled" error on the card rather than a second effect. An answer that was
   * not kept because it showed personal data is made again: returns 'rerun'.
   */
  async function answerDuplicate(context: TurnContext, claim: Exclude<Claim, { kind: 'first' }>, key: string, log: Logger): Promise<'answered' | 'rerun'> {
    log.info({ conversationId: context.activity.conversation?.id, state: claim.kind }, 'duplicate delivery of an activity: not handled again');
    if (context.activity.type !== ActivityTypes.Invoke) return 'answered';
    let current: Claim = claim;
    const deadline = Date.now() + (deps.duplicateWaitMs ?? 5000);
    while (current.kind === 'in-flight' && Date.now() < deadline) {
      await sleep(100);
      const next = await deps.processed!.peek(key);
      if (next.kind === 'first') break;
      current = next;
    }
    if (current.kind === 'done' && current.response?.rerun) return 'rerun';
    if (current.kind === 'done' && current.response) {
      const response: StoredInvokeResponse = current.response;
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: response.status, body: response.body } });
      return 'answered';
    }
    throw new AppError('activity_in_progress', { status: 409, detail: 'a duplicate delivery arrived while the first was still being handled' });
  }

  return async function onTurn(context: TurnContext, deferred: Deferred[]): Promise<void> {
    const activity = context.activity;
    const log = deps.log.child({ activityId: activity.id, type: activity.type, conversationType: activity.conversation?.conversationType ?? 'personal' });
    const makeTurn = (state: Turn['state'], rememberedLocale?: Locale) =>
      toTurn(context, { log, defaultLocale: deps.defaultLocale, defer: (name, work) => deferred.push({ name, work }), state, rememberedLocale });
    // Until the stored state is read (it may fail), the turn has an empty one: the error reply needs a turn too.
    let turn: Turn = makeTurn({ conversation: {}, user: {} });
    const key = dedupKey(activity);
    let claimed: string | undefined;
    try {
      if (activity.conversation?.id) {
        const [conversation, user] = await Promise.all([conversationData.get(context, {}), activity.from?.id ? userData.get(context, {}) : {}]);
        const state: Turn['state'] = { conversation: conversation ?? {}, user: (user ?? {}) as Record<string, unknown> };
        turn = makeTurn(state, rememberedLocale(activity, state));
        const written = detectLanguage(turn.text);
        if (written && written !== state.user.locale) state.user.locale = written;
        // The conversation keeps its language for messages that say nothing about it ("help", "ok", a name).
        if (activity.type === ActivityTypes.Message && turn.text) remember(turn, { locale: turn.locale });
      }
      if (isBotRemoved(activity)) {
        await deps.conversations.markInactive(turn.conversation.id);
        await deps.router.onEvent(turn, 'uninstalled');
        return;
      }
      await deps.conversations.remember({ ...turn.address, locale: turn.locale }, turn.user);
      if (key && deps.processed) {
        const claim = activity.type === ActivityTypes.Message ? await deps.processed.claimMessage(key) : await deps.processed.claim(key);
        if (claim.kind !== 'first') {
          if ((await answerDuplicate(context, claim, key, log)) === 'answered') return;
        } else {
          claimed = key;
        }
      }
      switch (activity.type) {
        case ActivityTypes.Message:
          await deps.router.onMessage(turn);
          break;
        case ActivityTypes.Invoke: {
          const result = await deps.router.onInvoke(turn, activity.name ?? '');
          if (claimed) {
            // A 5xx answer means nothing was confirmed: let Teams' redelivery try again.
            if (result.status >= 500) await deps.processed!.release(claimed);
            else await deps.processed!.complete(claimed, result.personalData ? { status: result.status, rerun: true } : { status: result.status, body: result.body });
            claimed = undefined;
          }
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
      if (claimed) {
        const processed = deps.processed!;
        await (activity.type === ActivityTypes.Message ? processed.forget(claimed) : processed.release(claimed)).catch((releaseError: unknown) =>
          log.warn({ err: releaseError }, 'could not release the duplicate-delivery claim; it expires by itself'),
        );
      }
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
