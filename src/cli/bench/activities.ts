import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { organisationSchema, type Person } from '../../organisation/organisation-schema.js';

/** The demo organisation's tenant: the one the sample organisation file and the Playground use. */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-00000000d0e0';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b071', name: 'Veiligheidsbot' };

export interface BenchPersona {
  /** The Teams user id (29:...), made up per person since the organisation file keys on Entra ids. */
  id: string;
  name: string;
  aadObjectId: string;
  roles: readonly string[];
}

/** The people of the demo tenant in the organisation file, as Teams users. */
export function demoPersonas(organisationFile: string): BenchPersona[] {
  const data = organisationSchema.parse(parse(readFileSync(organisationFile, 'utf8')));
  const tenant = data.tenants.find((t) => t.tenantId === DEMO_TENANT_ID);
  if (!tenant) throw new Error(`${organisationFile} has no tenant ${DEMO_TENANT_ID}`);
  return tenant.people.map((p: Person) => ({ id: `29:bench-${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId, roles: p.roles }));
}

export function withRole(personas: readonly BenchPersona[], role: string): BenchPersona {
  const found = personas.find((p) => p.roles.includes(role));
  if (!found) throw new Error(`No persona with role ${role} in the organisation file`);
  return found;
}

export interface Conversation {
  kind: 'personal' | 'groupChat';
  id?: string;
}

function base(from: BenchPersona, serviceUrl: string, conversation: Conversation) {
  const id = conversation.id ?? (conversation.kind === 'personal' ? `a:bench-personal-${from.aadObjectId}` : '19:bench-groepsgesprek@thread.v2');
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'nl-NL',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id, conversationType: conversation.kind, tenantId: DEMO_TENANT_ID, isGroup: conversation.kind !== 'personal' },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
  };
}

/** A typed message, sent with expectReplies so the replies come back in the HTTP answer. */
export function message(text: string, from: BenchPersona, serviceUrl: string, conversation: Conversation = { kind: 'personal' }) {
  return { ...base(from, serviceUrl, conversation), type: 'message', text, textFormat: 'plain', deliveryMode: 'expectReplies' };
}

/** A Universal Action click (Action.Execute), posted as Teams does: the HTTP answer is the invoke response. */
export function action(verb: string, data: Record<string, unknown>, from: BenchPersona, serviceUrl: string, conversation: Conversation = { kind: 'personal' }) {
  return {
    ...base(from, serviceUrl, conversation),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  };
}

/** A complete, valid buurtbemiddeling intake as the card submits it (strings, as Teams sends inputs); made-up people. */
export function intakeData(): Record<string, string> {
  return {
    idempotencyKey: randomUUID(),
    referrerRole: 'gemeente',
    referrerName: 'Bench Referent',
    referrerContact: 'referent@voorbeeld.nl',
    partyAName: 'Bewoner Een',
    partyAAddress: 'Voorbeeldstraat 1',
    partyAPostcode: '7671 AA',
    partyAContact: '06 12345678',
    partyBName: 'Bewoner Twee',
    partyBAddress: 'Voorbeeldstraat 3',
    partyBPostcode: '',
    partyBContact: '',
    kinds: 'geluid,parkeren',
    duration: 'een-tot-zes-maanden',
    tried: 'Een gesprek aan de deur',
    description: 'Geluidsoverlast in de avond en onenigheid over parkeren voor de deur',
    violence: 'false',
    urgency: 'normaal',
    consent: 'true',
  };
}
