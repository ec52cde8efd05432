import { describe, expect, it } from 'vitest';
import { nl } from '../../src/i18n/nl.js';
import { caseCard } from '../../src/features/mediation/mediation-cards.js';
import type { CaseFacts } from '../../src/features/mediation/case-records.js';

const facts: CaseFacts = {
  id: 1,
  tenantId: 't',
  caseNumber: 'BB-2026-0001',
  referrerRole: 'woningcorporatie' as CaseFacts['referrerRole'],
  kinds: ['geluid'] as CaseFacts['kinds'],
  duration: 'maanden' as CaseFacts['duration'],
  urgency: 'normaal' as CaseFacts['urgency'],
  status: 'new' as CaseFacts['status'],
  outcome: null,
  version: 1,
  createdAt: new Date('2026-12-01T09:30:00Z'),
  acceptedAt: null,
  closedAt: null,
  personalDataErasedAt: null,
};

function find(card: unknown, test: (node: Record<string, any>) => boolean): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (test(node as Record<string, any>)) out.push(node as Record<string, any>);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return out;
}

describe("the coordinator's case card", () => {
  const card = caseCard(nl, facts, { coordinator: true, personal: undefined });

  it('writes the intake date in Dutch ("1 december 2026")', () => {
    const fact = find(card, (n) => n.title === nl.mediation.factCreated)[0];
    expect(fact?.value).toBe('1 december 2026');
  });

  it('shows the confidentiality notice in the default text colour (no yellow on grey)', () => {
    const note = find(card, (n) => n.type === 'TextBlock' && n.text === nl.mediation.coordinatorNote)[0];
    expect(note).toBeDefined();
    expect(note!.color ?? 'Default').toBe('Default');
  });
});
