import { expect } from 'vitest';
import { cardText, type TestBot } from '../helpers/test-app.js';

export const COORDINATOR_CHANNEL = '19:stuurgroep-buurtbemiddeling@thread.tacv2';

/** Finds an element of a card by input id (or any predicate), searching nested containers and show-cards. */
export function findElement(card: unknown, predicate: (n: Record<string, unknown>) => boolean): Record<string, any> | undefined {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = findElement(item, predicate);
      if (found) return found;
    }
    return undefined;
  }
  if (!card || typeof card !== 'object') return undefined;
  const node = card as Record<string, unknown>;
  if (predicate(node)) return node;
  for (const value of Object.values(node)) {
    if (typeof value === 'object') {
      const found = findElement(value, predicate);
      if (found) return found;
    }
  }
  return undefined;
}

export const input = (card: unknown, id: string) => findElement(card, (n) => n.id === id && String(n.type).startsWith('Input.'));
export const action = (card: unknown, verb: string) => findElement(card, (n) => n.type === 'Action.Execute' && n.verb === verb);

/** The text shown right under an input: the error TextBlock the server adds. */
export function errorUnder(card: any, id: string): string | undefined {
  const body: any[] = card.body;
  const index = body.findIndex((e) => e.id === id);
  const next = body[index + 1];
  return next?.type === 'TextBlock' && next.color === 'Attention' ? next.text : undefined;
}

/** The card an Action.Execute answered with (status 200 and an adaptive card). */
export function answeredCard(res: { status: number; body: any }): any {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return res.body.value;
}

export async function countCases(bot: TestBot): Promise<number> {
  const rows = await bot.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mediation_cases');
  return rows[0]!.n;
}

/** What a reader sees, including FactSet values (cardText reads only facts typed "Fact"). */
export function visibleText(card: unknown): string {
  const facts: string[] = [];
  findElement(card, (n) => {
    if (n.type === 'FactSet' && Array.isArray(n.facts)) for (const f of n.facts as { title: string; value: string }[]) facts.push(`${f.title}: ${f.value}`);
    return false;
  });
  return [cardText(card), ...facts].join('\n');
}
