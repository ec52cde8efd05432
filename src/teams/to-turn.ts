import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import { detectLanguage } from '../i18n/detect-language.js';
import { catalogue, localeFrom, type Locale } from '../i18n/catalogue.js';
import type { ConversationAddress, ConversationType, Turn } from '../routing/turn.js';
import { fitCitations } from './citation-limit.js';
import { teamsStream } from './teams-stream.js';

export function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function addressOf(activity: Partial<Activity>): ConversationAddress {
  // The id of the incoming activity is no part of where to post later; leaving it out also lets
  // the conversation directory skip rewriting an unchanged address on every turn.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity) as ConversationReference;
  return {
    conversationId: activity.conversation?.id ?? '',
    conversationType: conversationTypeOf(activity),
    tenantId: tenantOf(activity),
    serviceUrl: activity.serviceUrl ?? '',
    raw: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}

/** The command a card button sends (`Action.Submit` with `data.command`), used as if typed. */
function buttonCommand(value: unknown): string | undefined {
  const command = (value as { command?: unknown } | undefined)?.command;
  return typeof command === 'string' ? command.slice(0, 500) : undefined;
}

function messageText(context: TurnContext): string {
  const activity = context.activity;
  if (activity.type !== 'message') return '';
  if (!activity.text) return buttonCommand(activity.value)?.trim() ?? '';
  if (typeof activity.text !== 'string') return '';
  const withoutMention = TurnContext.removeRecipientMention(activity) ?? activity.text;
  return withoutMention.replace(/<at>[^<]*<\/at>/g, '').trim();
}

/**
 * The language to answer in: a question clearly written in English or Dutch gets that language;
 * otherwise the Teams client's locale decides, and Dutch is the default.
 */
function chooseLocale(text: string, activityLocale: string | undefined, fallback: Locale, remembered?: Locale): Locale {
  return detectLanguage(text) ?? remembered ?? localeFrom(activityLocale, fallback);
}

export interface TurnExtras {
  log: Logger;
  defaultLocale: Locale;
  defer: Turn['defer'];
  state: Turn['state'];
  /** The language the user last wrote in, for turns without text (card clicks). */
  rememberedLocale?: Locale;
}

/** Maps botbuilder's TurnContext onto the SDK-neutral Turn the features see. */
export function toTurn(context: TurnContext, extras: TurnExtras): Turn {
  const activity = context.activity;
  const text = messageText(context);
  const locale = chooseLocale(text, activity.locale, extras.defaultLocale, extras.rememberedLocale);
  // Every message leaves within the citation limit of Teams and the Playground (the send edge).
  const toActivity = (a: Parameters<Turn['send']>[0]): Partial<Activity> => (typeof a === 'string' ? { type: 'message', text: a } : (fitCitations(a) as Partial<Activity>));
  const turn: Turn = {
    activityId: activity.id,
    activityType: activity.type,
    text,
    value: activity.value,
    locale,
    t: catalogue(locale),
    user: { id: activity.from?.id ?? '', name: activity.from?.name ?? '', aadObjectId: activity.from?.aadObjectId },
    tenantId: tenantOf(activity),
    conversation: { id: activity.conversation?.id ?? '', type: conversationTypeOf(activity), name: activity.conversation?.name },
    replyToId: activity.replyToId,
    address: addressOf(activity),
    attachments: (activity.attachments ?? []).map((a) => ({ contentType: a.contentType, contentUrl: a.contentUrl, content: a.content, name: a.name })),
    channelData: (activity.channelData ?? {}) as Record<string, unknown>,
    log: extras.log,
    state: extras.state,
    async send(a) {
      const response = await context.sendActivity(toActivity(a));
      return response?.id;
    },
    async update(id, a) {
      await context.updateActivity({ ...toActivity(a), id, type: 'message' });
    },
    stream: () => teamsStream(turn),
    defer: extras.defer,
  };
  return turn;
}
