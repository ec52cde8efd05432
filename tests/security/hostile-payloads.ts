import { randomUUID } from 'node:crypto';
import { actionActivity, invokeActivity, messageActivity, personas, type Persona } from '../helpers/teams-activity.js';
import { intakeInput } from '../mediation/fixtures.js';

/** What is put in place of one string field: hostile text, a wrong type, or an object with prototype keys. */
export const mutations: Record<string, () => unknown> = {
  nul: () => 'a\u0000b',
  nulOnly: () => '\u0000',
  highSurrogate: () => 'x\ud800y',
  lowSurrogate: () => '\udc00',
  rtl: () => '\u202eabc\u202dgnp.exe',
  zeroWidth: () => '\u200b\u200c\u200d\ufeff',
  huge: () => 'ä'.repeat(50_000) + 'x'.repeat(50_000),
  number: () => 12345,
  boolean: () => true,
  null: () => null,
  array: () => ['a', 1, null],
  object: () => ({ toString: 'remove', valueOf: 1 }),
  protoKey: () => JSON.parse('{"__proto__": {"polluted": "yes"}, "x": 1}'),
  constructorKey: () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
};

/** Where in an activity the string fields are that every message and invoke carries. */
export const activityFields = [
  'text',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'channelData.tenant.id',
  'channelId',
  'locale',
  'replyToId',
  'id',
];

export interface CardContext {
  requestId: string;
  requestVersion: number;
  caseId: number;
  caseVersion: number;
  uploadId: string;
}

/** Every Universal Action verb with valid data (so a mutation of one field reaches the handler) and who clicks it. */
export function verbs(ctx: CardContext): { verb: string; from: Persona; data: Record<string, unknown> }[] {
  const request = { requestId: ctx.requestId, version: ctx.requestVersion };
  const kase = { caseId: ctx.caseId, version: ctx.caseVersion };
  return [
    { verb: 'approval.request', from: personas.adviseur, data: { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027', note: 'graag' } },
    { verb: 'approval.approve', from: personas.burgemeester, data: { ...request, comment: 'akkoord' } },
    { verb: 'approval.reject', from: personas.burgemeester, data: { ...request, comment: 'nee' } },
    { verb: 'approval.requestChanges', from: personas.burgemeester, data: { ...request, comment: 'aanpassen' } },
    { verb: 'approval.cancel', from: personas.adviseur, data: { ...request } },
    { verb: 'approval.refresh', from: personas.burgemeester, data: { ...request } },
    { verb: 'mediation.submit', from: personas.adviseur, data: intakeInput({ idempotencyKey: randomUUID() }) },
    { verb: 'mediation.refresh', from: personas.coordinator, data: { caseId: ctx.caseId } },
    { verb: 'mediation.accept', from: personas.coordinator, data: { ...kase, volunteer1: 'Vrijwilliger Een', volunteer2: 'Vrijwilliger Twee' } },
    { verb: 'mediation.referProfessional', from: personas.coordinator, data: { ...kase } },
    { verb: 'mediation.notSuitable', from: personas.coordinator, data: { ...kase, reason: 'past niet' } },
    { verb: 'mediation.close', from: personas.coordinator, data: { ...kase, outcome: 'opgelost' } },
    { verb: 'steering.send', from: personas.adviseur, data: { programme: 'buurtbemiddeling', previewId: randomUUID() } },
    { verb: 'steering.cancel', from: personas.adviseur, data: { programme: 'buurtbemiddeling', previewId: randomUUID() } },
    { verb: 'summaries.addToKnowledge', from: personas.adviseur, data: { uploadId: ctx.uploadId } },
  ];
}

function setPath(target: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  node[keys.at(-1)!] = value;
}

export interface Payload {
  name: string;
  body: Record<string, unknown>;
}

/**
 * The hostile payloads, deterministic: every mutation in every string field of a message, of an
 * invoke, of each verb's card data (one field at a time, the rest valid), of the action envelope
 * and of the feedback invoke.
 */
/**
 * Each field gets one mutation of every kind; where a kind has variants (which wrong type, which
 * prototype key), successive fields take turns, so every variant is used and the run stays short.
 */
const kinds: (keyof typeof mutations)[][] = [
  ['nul', 'nulOnly'],
  ['highSurrogate', 'lowSurrogate'],
  ['rtl'],
  ['zeroWidth'],
  ['huge'],
  ['number', 'boolean', 'null', 'array', 'object'],
  ['protoKey', 'constructorKey'],
];

export function hostilePayloads(serviceUrl: string, ctx: CardContext): Payload[] {
  const out: Payload[] = [];
  let fieldIndex = 0;
  const each = (name: string, make: () => Record<string, any>, path: string) => {
    for (const variants of kinds) {
      const mutation = variants[fieldIndex % variants.length]!;
      const body = make();
      setPath(body, path, mutations[mutation]!());
      out.push({ name: `${name} ${path} ${mutation}`, body });
    }
    fieldIndex += 1;
  };
  for (const field of activityFields) {
    each('message', () => messageActivity('Wanneer stelt de raad het beleidsplan vast?', { serviceUrl }), field);
    each('invoke', () => actionActivity('approval.refresh', { requestId: ctx.requestId, version: ctx.requestVersion }, { serviceUrl, from: personas.burgemeester }), field);
  }
  each('message', () => messageActivity('', { serviceUrl, value: { command: 'help' } }), 'value.command');
  for (const { verb, from, data } of verbs(ctx)) {
    for (const field of Object.keys(data))
      each(verb, () => actionActivity(verb, { ...data, ...(verb === 'mediation.submit' ? { idempotencyKey: randomUUID() } : {}) }, { serviceUrl, from }), `value.action.data.${field}`);
    each(verb, () => actionActivity(verb, data, { serviceUrl, from }), 'value.action.data');
  }
  for (const field of ['value.action.verb', 'value.action.type', 'value.trigger', 'value', 'name']) {
    each('envelope', () => actionActivity('approval.refresh', { requestId: ctx.requestId, version: ctx.requestVersion }, { serviceUrl, from: personas.burgemeester }), field);
  }
  const feedback = () => invokeActivity('message/submitAction', { actionName: 'feedback', actionValue: { reaction: 'like', feedback: JSON.stringify({ feedbackText: 'goed' }) } }, { serviceUrl });
  for (const field of ['value.actionName', 'value.actionValue.reaction', 'value.actionValue.feedback', 'replyToId']) each('feedback', feedback, field);
  return out;
}
