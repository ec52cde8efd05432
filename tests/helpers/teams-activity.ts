import { randomUUID } from 'node:crypto';

/** The fictional personas of .m365agentsplayground.yml, so protocol and e2e tests speak of the same people. */
export const TENANT_ID = '00000000-0000-0000-0000-00000000d0e0';
export const OTHER_TENANT_ID = '99999999-0000-0000-0000-000000000099';
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b071', name: 'Veiligheidsbot' };

export interface Persona {
  id: string;
  name: string;
  aadObjectId: string;
}

export const personas = {
  adviseur: { id: 'user-adviseur', name: 'Sanne de Vries (adviseur OOV)', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
  burgemeester: { id: 'user-burgemeester', name: 'Jan Hofstra (burgemeester)', aadObjectId: '00000000-0000-0000-0000-0000000000b1' },
  loco: { id: 'user-loco', name: 'Marieke Jansen (loco-burgemeester)', aadObjectId: '00000000-0000-0000-0000-0000000000b2' },
  coordinator: { id: 'user-coordinator', name: 'Fatima el Amrani (coördinator buurtbemiddeling)', aadObjectId: '00000000-0000-0000-0000-0000000000c1' },
  stuurgroep: { id: 'user-stuurgroep-1', name: 'Pieter Bakker (stuurgroep, politie)', aadObjectId: '00000000-0000-0000-0000-0000000000d1' },
} satisfies Record<string, Persona>;

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface ActivityOptions {
  from?: Persona;
  conversation?: ConversationKind;
  /** Overrides the conversation id (default: one per persona and kind). */
  conversationId?: string;
  tenantId?: string;
  locale?: string;
  replyToId?: string;
  id?: string;
  serviceUrl: string;
}

function conversationFor(options: ActivityOptions, from: Persona) {
  const kind = options.conversation ?? 'personal';
  const id = options.conversationId ?? (kind === 'personal' ? `a:personal-${from.id}` : kind === 'channel' ? '19:stuurgroep-buurtbemiddeling@thread.tacv2' : '19:groepsgesprek-oov@thread.v2');
  return { id, conversationType: kind, tenantId: options.tenantId ?? TENANT_ID, isGroup: kind !== 'personal' };
}

function base(options: ActivityOptions) {
  const from = options.from ?? personas.adviseur;
  const tenantId = options.tenantId ?? TENANT_ID;
  return {
    id: options.id ?? randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'nl-NL',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: conversationFor(options, from),
    channelData: {
      tenant: { id: tenantId },
      ...(options.conversation === 'channel' ? { channel: { id: '19:stuurgroep-buurtbemiddeling@thread.tacv2' }, team: { id: '19:team-oov@thread.tacv2' } } : {}),
    },
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
  };
}

export function messageActivity(text: string, options: ActivityOptions & { attachments?: unknown[]; value?: unknown }) {
  return { ...base(options), type: 'message', text, textFormat: 'plain', ...(options.attachments ? { attachments: options.attachments } : {}), ...(options.value ? { value: options.value } : {}) };
}

export function actionActivity(verb: string, data: Record<string, unknown>, options: ActivityOptions & { trigger?: 'manual' | 'automatic' }) {
  return {
    ...base(options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

export function invokeActivity(name: string, value: unknown, options: ActivityOptions) {
  return { ...base(options), type: 'invoke', name, value };
}

export function installActivity(options: ActivityOptions) {
  const activity = base(options);
  return { ...activity, type: 'conversationUpdate', membersAdded: [BOT, activity.from] };
}
