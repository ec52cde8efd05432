import type { TestBot } from '../helpers/test-app.js';
import { personas, type Persona } from '../helpers/teams-activity.js';

export const NOW = new Date('2026-11-21T10:00:00Z');
export const HENGELO_PLAN = { gemeente: 'Hengelo', milestoneId: 'hengelo-uitvoeringsplan-2027' };

export interface RequestRow {
  id: string;
  status: string;
  version: number;
  decided_by_name: string | null;
}

export async function requests(bot: TestBot): Promise<RequestRow[]> {
  return bot.db.query<RequestRow>('SELECT id, status, version, decided_by_name FROM approval_requests ORDER BY requested_at');
}

export async function auditActions(bot: TestBot, requestId?: string): Promise<string[]> {
  const rows = await bot.db.query<{ action: string }>('SELECT action FROM approval_audit WHERE ($1::text IS NULL OR request_id = $1) ORDER BY id', [requestId ?? null]);
  return rows.map((r) => r.action);
}

/** Opens a personal chat with the bot, as a user does before the bot can reach them there. */
export async function openPersonalChat(bot: TestBot, persona: Persona): Promise<void> {
  await bot.say('help', { from: persona });
}

/** The adviser asks for approval from the list card in the group chat; resolves once the card is posted. */
export async function requestFromCard(bot: TestBot, milestone = HENGELO_PLAN, note?: string): Promise<RequestRow> {
  const before = bot.connector.calls.length;
  const res = await bot.act('approval.request', { ...milestone, ...(note ? { note } : {}) }, { from: personas.adviseur, conversation: 'groupChat' });
  if (res.status !== 200) throw new Error(`approval.request answered ${res.status}: ${JSON.stringify(res.body)}`);
  await bot.connector.waitFor((c) => c.method === 'POST' && c.conversationId === '19:groepsgesprek-oov@thread.v2' && bot.connector.calls.indexOf(c) >= before);
  const all = await requests(bot);
  return all[all.length - 1]!;
}

export function errorOf(res: { status: number; body: any }): { code: string; message: string } | undefined {
  return res.body?.type === 'application/vnd.microsoft.error' ? res.body.value : undefined;
}

export function cardOf(res: { status: number; body: any }): any {
  return res.body?.type === 'application/vnd.microsoft.card.adaptive' ? res.body.value : undefined;
}

/** The verbs of every Action.Execute on a card. */
export function verbs(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') out.push(n.verb);
    for (const [k, v] of Object.entries(n)) if (k !== 'refresh' && typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}
